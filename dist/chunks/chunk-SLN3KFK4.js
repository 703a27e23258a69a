#!/usr/bin/env node
import {
  csvHeader,
  csvLine
} from "./chunk-BOWEE4IV.js";
import {
  forgetTempDir,
  rememberTempDir
} from "./chunk-KSOJ7EKS.js";
import {
  checkChatRecord,
  isAttributed,
  uploadCommentVerdict
} from "./chunk-4YCAPLBT.js";
import {
  CSV_COLUMNS,
  PARTNER_CSV_COLUMNS
} from "./chunk-5GHHCO5G.js";

// src/uploader/errors.ts
var MetricaApiError = class extends Error {
  name = "MetricaApiError";
  /** HTTP status of the reply. */
  status;
  /** `code` of Metrica's error body (the HTTP status it meant), when it sent one. */
  code;
  /** `error_type` of Metrica's first error, e.g. `invalid_token`, `quota_requests_by_ip`. */
  error_type;
  /** Metrica's own message, unchanged (often in Russian). */
  metricaMessage;
  errors;
  /** Whether sending the same request again may succeed (429, 5xx). */
  retryable;
  /** `Retry-After` of the reply, in milliseconds. */
  retryAfterMs;
  constructor(init) {
    const type = init.errorType ? ` ${init.errorType}` : "";
    super(`${init.what} failed: HTTP ${init.status}${type}: ${init.metricaMessage}`);
    this.status = init.status;
    this.code = init.code;
    this.error_type = init.errorType;
    this.metricaMessage = init.metricaMessage;
    this.errors = init.errors ?? [];
    this.retryable = init.retryable;
    this.retryAfterMs = init.retryAfterMs;
  }
};
var QuotaExhaustedError = class extends MetricaApiError {
  name = "QuotaExhaustedError";
};
var MetricaNetworkError = class extends Error {
  name = "MetricaNetworkError";
  retryable = true;
  /** The system error code when there is one, e.g. ECONNRESET. */
  code;
  constructor(message, code) {
    super(message);
    this.code = code;
  }
};

// src/uploader/pacer.ts
var WINDOW_MS = 1e3;
function createPacer(options = {}) {
  const maxPerSecond = options.maxPerSecond ?? 30;
  const maxInFlight = options.maxInFlight ?? 3;
  for (const [name, value] of [
    ["maxPerSecond", maxPerSecond],
    ["maxInFlight", maxInFlight]
  ]) {
    if (!Number.isInteger(value) || value < 1) {
      throw new TypeError(`Expected \`pacing.${name}\` to be a positive integer, got ${value}.`);
    }
  }
  const waiting = [];
  const starts = [];
  let inFlight = 0;
  let timer = null;
  function pump() {
    while (waiting.length > 0 && inFlight < maxInFlight) {
      const now = performance.now();
      while (starts.length > 0 && starts[0] <= now - WINDOW_MS) starts.shift();
      if (starts.length >= maxPerSecond) {
        if (timer === null) {
          timer = setTimeout(
            () => {
              timer = null;
              pump();
            },
            starts[0] + WINDOW_MS - now
          );
        }
        return;
      }
      starts.push(now);
      inFlight++;
      waiting.shift()();
    }
  }
  return {
    async run(task) {
      await new Promise((resolve) => {
        waiting.push(resolve);
        pump();
      });
      try {
        return await task();
      } finally {
        inFlight--;
        pump();
      }
    }
  };
}

// src/uploader/replies.ts
function parseRetryAfter(header, now = Date.now()) {
  if (header === null || header.trim() === "") return void 0;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1e3;
  const at = Date.parse(header);
  return Number.isNaN(at) ? void 0 : Math.max(0, at - now);
}
function parseJson(text) {
  return JSON.parse(text.replace(/"id"\s*:\s*(\d{16,})/g, '"id":"$1"'));
}
function toUploading(raw, what) {
  const o = raw;
  if (!o || typeof o !== "object" || typeof o.id !== "number" && typeof o.id !== "string") {
    throw new MetricaNetworkError(`${what}: the reply has no upload object with an id`);
  }
  const num = (k) => typeof o[k] === "number" ? o[k] : void 0;
  const str = (k) => typeof o[k] === "string" ? o[k] : void 0;
  const u = { id: String(o.id), status: str("status") ?? "UNKNOWN" };
  for (const k of ["create_time", "comment", "type", "client_id_type"]) {
    const v = str(k);
    if (v !== void 0) u[k] = v;
  }
  for (const k of ["source_quantity", "line_quantity", "linked_quantity", "user_not_found_quantity"]) {
    const v = num(k);
    if (v !== void 0) u[k] = v;
  }
  return u;
}
function readUploadings(body, what) {
  const o = body;
  if (o && typeof o === "object") {
    if (Array.isArray(o.uploadings)) return o.uploadings.map((u) => toUploading(u, what));
    if (o.uploading !== void 0) return [toUploading(o.uploading, what)];
  }
  throw new MetricaNetworkError(`${what}: the reply has neither \`uploading\` nor \`uploadings\``);
}

// src/uploader/client.ts
import pRetry, { AbortError } from "p-retry";

// src/uploader/backoff.ts
function retryDelay(retry, attemptNumber, retryAfterMs) {
  if (retryAfterMs !== void 0) return Math.min(retryAfterMs, retry.retryAfterCapMs ?? 12e4);
  const base = Math.min(
    (retry.minTimeout ?? 1e3) * (retry.factor ?? 2) ** (attemptNumber - 1),
    retry.maxTimeout ?? 6e4
  );
  return Math.round(base * (1 + Math.random()));
}

// src/uploader/client.ts
var DEFAULT_API_URL = "https://api-metrika.yandex.net";
var UPLOAD_BYTES_PER_SECOND = 5e5;
var IN_PROGRESS = /* @__PURE__ */ new Set(["PREPARED", "UPLOADED", "EXPORTED", "MATCHED"]);
var FINAL = { PROCESSED: "processed", LINKAGE_FAILURE: "linkage_failure" };
var RETRYABLE_STATUS = /* @__PURE__ */ new Set([420, 429, 500, 502, 503, 504]);
var DAILY_QUOTAS = {
  quota_requests_by_uid: "the daily request quota of this Metrica user",
  quota_requests_by_counter_id: "the daily request quota of this counter"
};
var defaultSleep = (ms, signal) => new Promise((resolve, reject) => {
  if (signal?.aborted) return reject(signal.reason);
  const t = setTimeout(() => {
    signal?.removeEventListener("abort", onAbort);
    resolve();
  }, ms);
  const onAbort = () => {
    clearTimeout(t);
    reject(signal?.reason);
  };
  signal?.addEventListener("abort", onAbort, { once: true });
});
function counterPath(counterId) {
  const id = String(counterId);
  if (!/^\d+$/.test(id)) throw new TypeError(`Expected the counter ID to be digits, got ${JSON.stringify(id)}.`);
  return `/management/v1/counter/${id}/offline_conversions`;
}
function createMetricaClient(options) {
  const token = options.token;
  if (typeof token !== "string" || token.trim() === "") {
    throw new TypeError("Expected `token` to be a non-empty OAuth token (scope metrika:offline_data).");
  }
  const bad = token.search(/[^\x21-\x7e]/);
  if (bad !== -1) {
    throw new TypeError(
      `Expected \`token\` to be an OAuth token of printable ASCII characters; character ${bad + 1} of ${token.length} is not (a space, a line break or a non-Latin letter?).`
    );
  }
  const apiUrl = (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, "");
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const pacer = createPacer(options.pacing);
  const baseTimeoutMs = options.timeoutMs ?? 12e4;
  const retry = options.retry ?? {};
  const sleep = retry.sleep ?? defaultSleep;
  const redact = (text) => text.split(token).join("***");
  const debug = (line) => options.debug?.(redact(line));
  async function attempt(method, path, what, body, signal, attemptNumber, timeoutMs) {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signals = signal ? [timeout, signal] : [timeout];
    let response;
    let text;
    try {
      response = await fetchImpl(apiUrl + path, {
        method,
        headers: { Authorization: `OAuth ${token}`, Accept: "application/json" },
        body: body?.(),
        signal: AbortSignal.any(signals)
      });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw new AbortError(redact(`${what} stopped: ${String(signal.reason)}`));
      if (timeout.aborted) {
        debug(`${method} ${path} -> timeout after ${timeoutMs} ms (attempt ${attemptNumber})`);
        throw new MetricaNetworkError(`${what}: no reply within ${timeoutMs} ms`, "ETIMEDOUT");
      }
      const cause = error.cause;
      const code = cause?.code ?? error.code;
      debug(`${method} ${path} -> ${code ?? "network error"} (attempt ${attemptNumber})`);
      throw new MetricaNetworkError(
        redact(`${what}: connection failed (${code ?? cause?.message ?? error.message})`),
        code
      );
    }
    debug(`${method} ${path} -> ${response.status} (attempt ${attemptNumber})`);
    if (!response.ok) throw errorFromReply(response, text, what);
    try {
      return parseJson(text);
    } catch {
      throw new MetricaNetworkError(`${what}: HTTP ${response.status} with a body that is not JSON`);
    }
  }
  function errorFromReply(response, text, what) {
    let parsed = null;
    try {
      parsed = JSON.parse(text);
    } catch {
    }
    const errors = Array.isArray(parsed?.errors) ? parsed.errors : [];
    const first = errors[0];
    const init = {
      status: response.status,
      code: typeof parsed?.code === "number" ? parsed.code : void 0,
      errorType: first?.error_type,
      metricaMessage: redact(first?.message ?? parsed?.message ?? (text.slice(0, 200) || response.statusText)),
      errors: errors.map((e) => ({ ...e, message: redact(String(e.message)) })),
      retryable: RETRYABLE_STATUS.has(response.status),
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
      what
    };
    const daily = errors.map((e) => DAILY_QUOTAS[e.error_type]).find(Boolean);
    if (daily) {
      return new QuotaExhaustedError({
        ...init,
        retryable: false,
        metricaMessage: `${init.metricaMessage} (${daily} is used up; it resets at 00:00 UTC, so the run stops here)`
      });
    }
    return new MetricaApiError(init);
  }
  async function request(method, path, what, body, signal, bodyBytes = 0) {
    const timeoutMs = baseTimeoutMs + Math.ceil(bodyBytes / UPLOAD_BYTES_PER_SECOND * 1e3);
    return pRetry(
      async (n) => {
        try {
          return await pacer.run(() => attempt(method, path, what, body, signal, n, timeoutMs));
        } catch (error) {
          const retryable = error.retryable === true;
          throw retryable || error instanceof AbortError ? error : new AbortError(error);
        }
      },
      {
        retries: retry.retries ?? 6,
        // The wait between attempts happens below, where it can be announced before it starts.
        minTimeout: 0,
        signal,
        onFailedAttempt: async ({ error, retriesLeft, attemptNumber }) => {
          if (retriesLeft <= 0) return;
          const after = error.retryAfterMs;
          const delayMs = retryDelay(retry, attemptNumber, after);
          if (after !== void 0) debug(`${method} ${path}: Retry-After ${after} ms (waiting ${delayMs} ms)`);
          options.onRetry?.({ what, attempt: attemptNumber, attempts: (retry.retries ?? 6) + 1, error, delayMs });
          await sleep(delayMs, signal);
        }
      }
    );
  }
  return {
    async upload(counterId, csv, uploadOptions = {}) {
      const comment = uploadOptions.comment;
      const verdict = comment === void 0 ? null : uploadCommentVerdict(comment);
      if (verdict) {
        throw new TypeError(
          `Expected \`comment\` to be ${verdict.expected}${verdict.hint ? ` (${verdict.hint})` : ""}: Metrica refuses anything else.`
        );
      }
      const query = new URLSearchParams({ type: "CHATS" });
      if (comment) query.set("comment", comment);
      const blob = typeof csv === "string" ? new Blob([csv], { type: "text/csv" }) : csv;
      const form = () => {
        const f = new FormData();
        f.set("file", blob.type ? blob : new Blob([blob], { type: "text/csv" }), "chats.csv");
        return f;
      };
      const path = `${counterPath(counterId)}/upload?${query.toString().replaceAll("+", "%20")}`;
      const body = await request("POST", path, "Upload", form, uploadOptions.signal, blob.size);
      const [uploading] = readUploadings(body, "Upload");
      if (!uploading) throw new MetricaNetworkError("Upload: the reply lists no upload");
      return uploading;
    },
    async getUploading(counterId, id, o = {}) {
      const path = `${counterPath(counterId)}/uploading/${encodeURIComponent(String(id))}`;
      const [uploading] = readUploadings(
        await request("GET", path, `Upload ${id} status`, void 0, o.signal),
        "Status"
      );
      if (!uploading) throw new MetricaNetworkError(`Upload ${id} status: the reply lists no upload`);
      return uploading;
    },
    async listUploadings(counterId, o = {}) {
      const path = `${counterPath(counterId)}/uploadings?type=CHATS`;
      return readUploadings(await request("GET", path, "Upload list", void 0, o.signal), "Upload list");
    },
    async waitForUpload(counterId, id, o = {}) {
      const deadline = Date.now() + (o.timeoutMs ?? 3 * 36e5);
      let interval = o.intervalMs ?? 2e3;
      const maxInterval = o.maxIntervalMs ?? 6e4;
      for (; ; ) {
        const uploading = await this.getUploading(counterId, id, { signal: o.signal });
        o.onStatus?.(uploading);
        const final = FINAL[uploading.status];
        if (final) return { outcome: final, uploading };
        if (!IN_PROGRESS.has(uploading.status)) return { outcome: "unknown", uploading };
        const left = deadline - Date.now();
        if (left <= 0) return { outcome: "timeout", uploading };
        await defaultSleep(Math.min(interval, left), o.signal);
        interval = Math.min(interval * 2, maxInterval);
      }
    }
  };
}

// src/uploader/validate.ts
function problem(line, column, value, message) {
  return { line, column, value, message };
}
function validateRecord(record, line, nowSeconds) {
  return checkChatRecord(record, nowSeconds).map((p) => ({ line, ...p }));
}
function emptySummary() {
  return { rows: 0, attributed: 0, unattributed: 0, platforms: { telegram: 0, whatsapp: 0, viber: 0 } };
}
function countRow(summary, record) {
  summary.rows++;
  if (isAttributed(record)) summary.attributed++;
  else summary.unattributed++;
  const platform = record.ChatPlatform;
  if (platform in summary.platforms) summary.platforms[platform]++;
}
function validateHeader(names) {
  const problems = [];
  const known = new Map(CSV_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const seen = /* @__PURE__ */ new Set();
  const columns = [];
  for (const name of names) {
    const column = known.get(name.toLowerCase());
    if (column === void 0) {
      problems.push(problem(1, name, name, `unknown column; expected one of ${CSV_COLUMNS.join(", ")}`));
    } else if (column !== name) {
      problems.push(problem(1, name, name, `Metrica spells this column \`${column}\``));
    } else if (seen.has(column)) {
      problems.push(problem(1, name, name, "the column appears twice"));
    } else {
      seen.add(column);
      columns.push(column);
    }
  }
  for (const required of ["DateTime", "ChatPlatform"]) {
    if (!seen.has(required)) problems.push(problem(1, required, "", "mandatory column is missing"));
  }
  if (!PARTNER_CSV_COLUMNS.some((c) => seen.has(c))) {
    problems.push(problem(1, PARTNER_CSV_COLUMNS.join("/"), "", "at least one chat partner column is required"));
  }
  return { columns, problems };
}
function describeProblem(problem2, source) {
  const where = source ? `${source}:${problem2.line}` : `line ${problem2.line}`;
  const shown = problem2.value.length > 60 ? `${problem2.value.slice(0, 57)}...` : problem2.value;
  const value = problem2.value === "" ? "" : ` ${JSON.stringify(shown)}`;
  return `${where}, ${problem2.column}:${value} ${problem2.message}`;
}
var formatProblem = describeProblem;

// src/uploader/prepare.ts
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
var MAX_PART_BYTES = 1e9;
var MAX_PROBLEMS_KEPT = 1e3;
var ProblemLog = class {
  constructor(limit = MAX_PROBLEMS_KEPT) {
    this.limit = limit;
  }
  limit;
  kept = [];
  count = 0;
  add(problem2) {
    this.count++;
    if (this.kept.length < this.limit) this.kept.push(problem2);
  }
};
var CHUNK_BYTES = 64 * 1024;
async function prepareRows(rows, options = {}) {
  const maxPartBytes = options.maxPartBytes ?? MAX_PART_BYTES;
  const nowSeconds = options.nowSeconds ?? Math.floor(Date.now() / 1e3);
  const problems = options.problems ?? new ProblemLog();
  const write = options.write !== false;
  const summary = emptySummary();
  let columns = CSV_COLUMNS;
  let header = "";
  let headerBytes = 0;
  const dir = write ? await mkdtemp(join(options.tmpDir ?? tmpdir(), "metrica-chats-")) : null;
  if (dir) rememberTempDir(dir);
  const parts = [];
  let part = null;
  let stream = null;
  let buffer = "";
  const flush = async () => {
    if (stream && buffer !== "" && !stream.write(buffer)) await once(stream, "drain");
    buffer = "";
  };
  const closePart = async () => {
    await flush();
    if (stream) {
      const s = stream;
      stream = null;
      await new Promise((resolve, reject) => s.end((e) => e ? reject(e) : resolve()));
    }
  };
  const cleanup = async () => {
    await closePart().catch(() => {
    });
    if (dir) {
      await rm(dir, { recursive: true, force: true });
      forgetTempDir(dir);
    }
  };
  const held = [];
  try {
    for await (const row of rows) {
      const found = validateRecord(row.record, row.line, nowSeconds);
      if (found.length > 0 && options.holdBackInvalid && row.ref) {
        held.push({ ref: row.ref, line: row.line, problems: found });
        continue;
      }
      for (const problem2 of found) problems.add(problem2);
      if (found.length > 0) continue;
      countRow(summary, row.record);
      if (!dir || problems.count > 0) continue;
      if (header === "") {
        columns = (typeof options.columns === "function" ? options.columns() : options.columns) ?? CSV_COLUMNS;
        header = csvHeader(columns);
        headerBytes = Buffer.byteLength(header);
      }
      const line = csvLine(row.record, columns);
      const bytes = Buffer.byteLength(line);
      if (headerBytes + bytes > maxPartBytes) {
        problems.add({
          line: row.line,
          column: "*",
          value: "",
          message: `the row alone is ${bytes} bytes, more than fits in one ${maxPartBytes}-byte file`
        });
        continue;
      }
      if (part === null || part.bytes + bytes > maxPartBytes) {
        await closePart();
        part = {
          path: join(dir, `part-${String(parts.length + 1).padStart(3, "0")}.csv`),
          rows: 0,
          bytes: headerBytes,
          refs: []
        };
        parts.push(part);
        stream = createWriteStream(part.path);
        buffer = header;
      }
      part.rows++;
      part.bytes += bytes;
      if (row.ref) part.refs.push(row.ref);
      buffer += line;
      if (buffer.length >= CHUNK_BYTES) await flush();
    }
    await closePart();
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { parts: problems.count > 0 ? [] : parts, held, summary, problems, cleanup };
}

// src/uploader/job.ts
import { openAsBlob } from "node:fs";
async function uploadRows(rows, options, mark) {
  const problems = options.problems ?? new ProblemLog();
  const prepared = await prepareRows(rows, {
    columns: options.columns,
    maxPartBytes: options.maxPartBytes,
    nowSeconds: options.nowSeconds,
    write: !options.dryRun,
    problems,
    tmpDir: options.tmpDir,
    holdBackInvalid: options.holdBackInvalid === true
  });
  const result = {
    status: "uploaded",
    held: prepared.held,
    notAccepted: 0,
    summary: prepared.summary,
    problems: problems.kept,
    problemCount: problems.count,
    uploads: []
  };
  try {
    if (problems.count > 0) return { ...result, status: "invalid" };
    if (options.dryRun) return { ...result, status: "dry-run" };
    if (prepared.summary.rows === 0) return { ...result, status: "empty" };
    const parts = prepared.parts;
    for (const [index, part] of parts.entries()) {
      const blob = await openAsBlob(part.path, { type: "text/csv" });
      const comment = parts.length > 1 && options.comment ? partComment(options.comment, index + 1, parts.length) : options.comment;
      const uploading = await options.client.upload(options.counterId, blob, { comment, signal: options.signal });
      if (uploading.line_quantity !== void 0 && uploading.line_quantity < part.rows) {
        result.notAccepted += part.rows - uploading.line_quantity;
      }
      await options.onUploaded?.(uploading, { index, of: parts.length, rows: part.rows });
      if (mark) await mark(uploading, part);
      result.uploads.push({ uploading, rows: part.rows });
    }
    if (options.wait) {
      const waitOptions = typeof options.wait === "object" ? options.wait : {};
      for (const report of result.uploads) {
        const { outcome, uploading } = await options.client.waitForUpload(options.counterId, report.uploading.id, {
          signal: options.signal,
          onStatus: options.onStatus,
          ...waitOptions
        });
        report.outcome = outcome;
        report.uploading = uploading;
      }
    }
    return result;
  } finally {
    await prepared.cleanup();
  }
}
function partComment(comment, n, of) {
  const suffix = ` part ${n} of ${of}`;
  return [...comment].slice(0, 255 - suffix.length).join("") + suffix;
}
async function uploadPending(store, options) {
  const rows = (async function* () {
    let line = 1;
    const query = {
      ...options.since === void 0 ? {} : { since: options.since },
      ...options.includeHeld ? { includeHeld: true } : {}
    };
    for await (const p of store.pendingConversions(query)) {
      line++;
      yield { line, record: p.record, ref: { key: p.key, revision: p.revision } };
    }
  })();
  const result = await uploadRows(rows, { ...options, holdBackInvalid: true }, async (uploading, part) => {
    await store.markUploaded(
      {
        uploadId: uploading.id,
        counterId: options.counterId,
        status: uploading.status,
        sentAt: Date.now(),
        rowCount: part.rows,
        ...uploading.line_quantity !== void 0 ? { acceptedCount: uploading.line_quantity } : {},
        ...options.comment ? { comment: options.comment } : {}
      },
      part.refs
    );
  });
  if (!options.dryRun) {
    await store.holdBack(
      result.held.map((h) => ({
        key: h.ref.key,
        revision: h.ref.revision,
        reason: h.problems.map((p) => `${p.column}: ${p.message}`).join("; ")
      }))
    );
  }
  for (const report of result.uploads) {
    if (report.outcome) {
      const u = report.uploading;
      await store.updateUploadStatus(u.id, u.status, {
        ...u.line_quantity !== void 0 ? { line_quantity: u.line_quantity } : {},
        ...u.linked_quantity !== void 0 ? { linked_quantity: u.linked_quantity } : {},
        ...u.user_not_found_quantity !== void 0 ? { user_not_found_quantity: u.user_not_found_quantity } : {}
      });
    }
  }
  return result;
}

export {
  MetricaApiError,
  QuotaExhaustedError,
  MetricaNetworkError,
  createPacer,
  parseRetryAfter,
  readUploadings,
  DEFAULT_API_URL,
  createMetricaClient,
  validateRecord,
  emptySummary,
  countRow,
  validateHeader,
  describeProblem,
  formatProblem,
  MAX_PART_BYTES,
  ProblemLog,
  prepareRows,
  uploadRows,
  uploadPending
};
