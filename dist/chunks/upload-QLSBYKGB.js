#!/usr/bin/env node
import {
  readCsv
} from "./chunk-3SERANJY.js";
import {
  apiUrlOption,
  counterOption,
  metricaClient,
  tokenFromEnv
} from "./chunk-TE5TUXEX.js";
import {
  DEFAULT_API_URL,
  MetricaApiError,
  MetricaNetworkError,
  ProblemLog,
  describeProblem,
  uploadPending,
  uploadRows
} from "./chunk-SLN3KFK4.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-KSOJ7EKS.js";
import {
  uploadCommentVerdict
} from "./chunk-4YCAPLBT.js";
import {
  CSV_COLUMNS
} from "./chunk-5GHHCO5G.js";
import {
  parseCommandArgs
} from "./chunk-3DS3ONAR.js";
import {
  DATABASE_OPTIONS,
  EXIT,
  UsageError,
  chooseDatabase,
  helpText,
  openDatabase
} from "./chunk-VRJGC2HL.js";

// src/cli/upload.ts
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, resolve } from "node:path";

// src/uploader/progress.ts
var PROGRESS_MIN_BYTES = 4 * 1024 * 1024;
var BAR_WIDTH = 30;
function mb(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
function renderBar(label, bytes, total) {
  const ratio = total > 0 ? Math.min(1, bytes / total) : 1;
  const filled = Math.round(ratio * BAR_WIDTH);
  const percent = String(Math.floor(ratio * 100)).padStart(3);
  return `${label} [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${percent}% ${mb(bytes)} / ${mb(total)}`;
}
function createProgress(label, total, out) {
  if (total < PROGRESS_MIN_BYTES) return { update() {
  }, done() {
  } };
  let lastStep = -1;
  let lastDraw = 0;
  let finished = false;
  return {
    update(bytes) {
      if (finished) return;
      if (out.isTTY) {
        const now = Date.now();
        if (now - lastDraw < 100) return;
        lastDraw = now;
        out.write(`\r${renderBar(label, bytes, total)}`);
        return;
      }
      const step = Math.floor(Math.min(bytes, total) / total * 10);
      if (step > lastStep && step < 10) {
        lastStep = step;
        out.write(`${label}: ${step * 10}% (${mb(bytes)} of ${mb(total)})
`);
      }
    },
    done() {
      if (finished) return;
      finished = true;
      out.write(out.isTTY ? `\r${renderBar(label, total, total)}
` : `${label}: 100% (${mb(total)})
`);
    }
  };
}

// src/cli/upload-report.ts
var PROBLEMS_SHOWN = 50;
var rowCount = (n) => n === 1 ? "1 row" : `${n} rows`;
function summaryLines(summary) {
  const platforms = Object.entries(summary.platforms).map(([p, n]) => `${p} ${n}`).join(", ");
  return `${rowCount(summary.rows)}: ${summary.attributed} attributed, ${summary.unattributed} unattributed (${platforms})
`;
}
function afterFailure(accepted, fromDatabase) {
  if (accepted.length === 0) return fromDatabase ? " The rows stay pending; the next run sends them." : "";
  const rows = accepted.reduce((n, a) => n + a.rows, 0);
  const ids = accepted.map((a) => a.id).join(", ");
  const of = accepted[0].of;
  const done = ` Metrica had already accepted ${rows} rows (upload ${ids})${fromDatabase ? ", marked as uploaded" : ""}`;
  if (accepted.length < of) {
    return `${done}; the other ${of - accepted.length} of ${of} parts were not sent${fromDatabase ? " and their rows stay pending for the next run" : ""}.`;
  }
  return `${done}; only waiting for its final status failed.`;
}
function printUploadResult(result, o) {
  const { io } = o;
  if (o.json) {
    io.stdout.write(
      `${JSON.stringify({
        status: result.status,
        counterId: o.counterId,
        source: o.source,
        ...result.summary,
        problemCount: result.problemCount,
        problems: result.problems,
        heldBack: result.held.map((h) => ({ line: h.line, problems: h.problems })),
        notAccepted: result.notAccepted,
        uploads: result.uploads.map((u) => ({
          ...u.uploading,
          rows: u.rows,
          ...u.outcome ? { outcome: u.outcome } : {}
        }))
      })}
`
    );
  }
  if (result.status === "invalid") {
    const label = o.isFile ? o.source : void 0;
    for (const problem of result.problems.slice(0, PROBLEMS_SHOWN)) {
      io.stderr.write(`${describeProblem(problem, label)}
`);
    }
    if (result.problemCount > PROBLEMS_SHOWN)
      io.stderr.write(`\u2026 and ${result.problemCount - PROBLEMS_SHOWN} more problems
`);
    io.stderr.write(`${result.problemCount} problem${result.problemCount === 1 ? "" : "s"} found; nothing was sent.
`);
    return EXIT.failed;
  }
  const code = result.notAccepted > 0 ? EXIT.notAccepted : result.held.length > 0 ? EXIT.heldBack : EXIT.ok;
  if (o.json) return code;
  printHeldBack(result, io);
  if (result.status === "empty") {
    io.stdout.write(
      o.isFile ? `Nothing to upload: ${o.source} has a header but no rows.
` : `Nothing${result.held.length > 0 ? " else" : ""} to upload: no rows are new or changed since the last upload.
`
    );
    return code;
  }
  io.stdout.write(summaryLines(result.summary));
  if (result.status === "dry-run") {
    io.stdout.write(
      result.held.length > 0 ? "Dry run: the other rows are valid; nothing was sent.\n" : "Dry run: every row is valid; nothing was sent.\n"
    );
    return code;
  }
  for (const { uploading: u, outcome } of result.uploads) {
    if (!outcome) continue;
    const counts = [
      u.line_quantity !== void 0 ? `${u.line_quantity} rows accepted` : null,
      u.linked_quantity !== void 0 ? `${u.linked_quantity} linked` : null,
      u.user_not_found_quantity !== void 0 ? `${u.user_not_found_quantity} not found` : null
    ].filter(Boolean);
    const what = {
      processed: "processed",
      linkage_failure: "processed, but no row could be linked to a visit (LINKAGE_FAILURE)",
      unknown: `reported status ${u.status}, which this tool does not know; check the upload in Metrica`,
      timeout: `still ${u.status} when waiting ended; Metrica may take up to 2 hours`
    }[outcome];
    io.stdout.write(`Upload ${u.id}: ${what}${counts.length ? ` (${counts.join(", ")})` : ""}
`);
  }
  if (result.notAccepted > 0) {
    const sent = result.uploads.reduce((n, u) => n + u.rows, 0);
    io.stderr.write(
      `Metrica accepted ${sent - result.notAccepted} of ${sent} rows sent: ${result.notAccepted} did not pass its checks (line_quantity). They are marked uploaded, as Metrica does not say which; \`metrica-chats report\` keeps the count.
`
    );
  }
  return code;
}
function printHeldBack(result, io) {
  if (result.held.length === 0) return;
  for (const h of result.held.slice(0, PROBLEMS_SHOWN)) {
    for (const problem of h.problems) io.stderr.write(`held back: ${describeProblem(problem)}
`);
  }
  if (result.held.length > PROBLEMS_SHOWN) io.stderr.write(`\u2026 and ${result.held.length - PROBLEMS_SHOWN} more rows
`);
  io.stderr.write(
    `${rowCount(result.held.length)} held back: not sent, because Metrica would refuse them; every valid row was sent. Later runs skip them until the chat is reported again (a changed row is checked again) or until \`upload --retry-held\`; \`metrica-chats report\` counts them.
`
  );
}

// src/cli/upload.ts
var UPLOAD_HELP = `Usage: metrica-chats upload --counter <id> (<file.csv> | --db <path|url>) [options]

Validates chats and uploads them to Yandex Metrica as CHATS offline conversions.

  <file.csv>         A CHATS CSV, made by this tool or elsewhere (comma-separated, UTF-8, a BOM is fine)
  --db <path|url>    The collector's database (SQLite file or postgres:// URL): uploads the chats that
                     are new or changed since their last upload and marks them with the upload ID
                     (--from is the same option's older name)

Options:
  --counter <id>     Metrica counter (tag) ID, digits (required)
  --comment <text>   Note shown in Metrica's upload list: at most 255 digits, Latin or Cyrillic
                     letters and spaces (Metrica refuses other characters)
  --dry-run          Validate and print the summary (rows, attributed, unattributed, per platform);
                     send nothing
  --wait             Wait until Metrica has processed the upload and print what it reported
  --retry-held       With --from: check the rows held back by earlier runs again (after an upgrade
                     of this tool, say); they are otherwise skipped until the chat changes
  --api-url <url>    API base URL (METRICA_API_URL, default ${DEFAULT_API_URL})
  --json             Print the result as one JSON object on stdout
  -h, --help         Show this help

Environment:
  YANDEX_METRICA_TOKEN  OAuth token with the metrika:offline_data scope (not needed for --dry-run);
                        never printed
  METRICA_CHATS_DEBUG   Set to 1 to log each API request (method, path, status) on stderr

Exit codes: 0 uploaded (or nothing to upload, or a clean dry run), 1 validation errors in a CSV
file (nothing was sent), 2 usage, 3 Metrica refused the upload or it failed after retries,
6 uploaded but rows of the database were held back (they break a CHATS rule; listed on stderr),
7 uploaded but Metrica accepted fewer rows than were sent (line_quantity).
`;
var seconds = (ms) => ms < 1e3 ? `${ms} ms` : ms < 1e4 ? `${(ms / 1e3).toFixed(1)} s` : `${Math.round(ms / 1e3)} s`;
function waitingLine(io) {
  const last = /* @__PURE__ */ new Map();
  return (u) => {
    if (last.get(String(u.id)) === u.status || u.status === "PROCESSED" || u.status === "LINKAGE_FAILURE") return;
    last.set(String(u.id), u.status);
    io.stderr.write(
      `Upload ${u.id}: ${u.status} at ${(/* @__PURE__ */ new Date()).toISOString().slice(11, 19)} UTC; waiting for Metrica\u2026
`
    );
  };
}
function parse(args) {
  return parseCommandArgs({
    args,
    options: {
      counter: { type: "string" },
      ...DATABASE_OPTIONS,
      comment: { type: "string" },
      "dry-run": { type: "boolean" },
      wait: { type: "boolean" },
      "retry-held": { type: "boolean" },
      "api-url": { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" }
    },
    strict: true,
    allowPositionals: true
  });
}
function createUploadCommand(deps = {}) {
  return async (args, io) => {
    const { values, positionals } = parse(args);
    if (values.help) {
      io.stdout.write(helpText(io, UPLOAD_HELP));
      return EXIT.ok;
    }
    const counterId = counterOption(values.counter);
    if (positionals.length > 1)
      throw new UsageError(`Expected one CSV file, got ${positionals.length}: ${positionals.join(" ")}.`);
    const file = positionals[0];
    const database = values.db ?? values.from;
    if (file === void 0 === (database === void 0)) {
      throw new UsageError("Give either a CSV file or `--db <path|url>` (one of them, not both).");
    }
    const comment = values.comment;
    const commentVerdict = comment === void 0 ? null : uploadCommentVerdict(comment);
    if (commentVerdict) {
      throw new UsageError(
        `\`--comment\` must be ${commentVerdict.expected}${commentVerdict.hint ? ` (${commentVerdict.hint})` : ""}; Metrica refuses anything else.`
      );
    }
    const apiUrl = apiUrlOption(values["api-url"], io.env);
    const dryRun = values["dry-run"] === true;
    const token = tokenFromEnv(io.env);
    if (!dryRun && token === "") {
      throw new UsageError(
        "YANDEX_METRICA_TOKEN is not set: export an OAuth token with the metrika:offline_data scope (or use --dry-run)."
      );
    }
    const json = values.json === true;
    const debug = io.env.METRICA_CHATS_DEBUG === "1" ? (line) => io.stderr.write(`debug: ${line}
`) : void 0;
    const client = metricaClient({
      // A dry run sends nothing; the client only needs some token to be constructed.
      token: dryRun ? "dry-run" : token,
      apiUrl,
      ...debug ? { debug } : {},
      // No silent minutes: each retry says what failed and when the next try is (stderr, so
      // that --json output stays one object).
      onRetry: (e) => io.stderr.write(
        `${e.error.message} (attempt ${e.attempt} of ${e.attempts}); trying again in ${seconds(e.delayMs)}.
`
      ),
      ...deps.client
    });
    const accepted = [];
    const jobOptions = {
      client,
      counterId,
      comment,
      dryRun,
      wait: values.wait ? deps.wait ?? true : false,
      maxPartBytes: deps.maxPartBytes,
      signal: io.signal,
      onStatus: waitingLine(io),
      onUploaded: (u, part) => {
        accepted.push({ id: u.id, rows: part.rows, of: part.of });
        if (!json) {
          const of = part.of > 1 ? ` (part ${part.index + 1} of ${part.of})` : "";
          io.stdout.write(
            `Uploaded ${rowCount(part.rows)} to counter ${counterId}${of}: upload ${u.id}, status ${u.status}
`
          );
        }
      }
    };
    const source = file ?? String(database);
    let result;
    let store = null;
    try {
      if (file !== void 0) {
        const path = resolve(io.cwd, file);
        let size;
        try {
          const s = await stat(path);
          if (!s.isFile()) throw new Error("not a file");
          size = s.size;
        } catch {
          throw new UsageError(`Cannot read the CSV file ${JSON.stringify(file)}: no such file.`);
        }
        const progress = createProgress(`Reading ${basename(path)}`, size, io.stderr);
        const problems = new ProblemLog();
        let columns = CSV_COLUMNS;
        const rows = readCsv(createReadStream(path), {
          onProblem: (i) => problems.add(i),
          // The file's own columns go to Metrica, in the contract order.
          onHeader: (c) => {
            columns = CSV_COLUMNS.filter((k) => c.includes(k));
          },
          onBytes: (b) => progress.update(b)
        });
        result = await uploadRows(rows, { ...jobOptions, problems, columns: () => columns });
        progress.done();
      } else {
        store = await openDatabase(chooseDatabase(values, io), io, { create: false });
        result = await uploadPending(store, { ...jobOptions, includeHeld: values["retry-held"] === true });
      }
    } catch (error) {
      if (!(error instanceof MetricaApiError || error instanceof MetricaNetworkError)) throw error;
      const pending = afterFailure(accepted, file === void 0);
      if (json) {
        io.stdout.write(
          `${JSON.stringify({
            status: "failed",
            counterId,
            source,
            uploads: accepted.map(({ id, rows }) => ({ id, rows })),
            error: {
              message: error.message,
              ...error instanceof MetricaApiError ? {
                status: error.status,
                code: error.code,
                error_type: error.error_type,
                metricaMessage: error.metricaMessage
              } : { code: error.code }
            }
          })}
`
        );
      }
      io.stderr.write(`metrica-chats upload: ${error.message}.${pending}
`);
      return EXIT.api;
    } finally {
      await store?.close();
    }
    return printUploadResult(result, { io, json, source, counterId, isFile: file !== void 0 });
  };
}
var upload = createUploadCommand();
export {
  UPLOAD_HELP,
  createUploadCommand,
  upload
};
