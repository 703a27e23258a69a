#!/usr/bin/env node
import {
  FILTER_LIST_URLS,
  checkInstallation,
  loadFilterLists
} from "./chunk-II6ICZSI.js";
import {
  parseCommandArgs
} from "./chunk-3DS3ONAR.js";
import {
  EXIT,
  UsageError
} from "./chunk-VRJGC2HL.js";

// src/cli/check.ts
import { resolve } from "node:path";

// src/check/report-text.ts
var MARK = { pass: "ok  ", fail: "FAIL", skip: "skip" };
function formatCheck(report) {
  const width = Math.max(...report.lines.map((l) => l.title.length));
  const out = [`Checking ${report.pageUrl}`, ""];
  for (const line of report.lines) {
    out.push(`${MARK[line.status]}  ${line.title.padEnd(width)}  ${line.detail}`);
    if (line.fix) out.push(`      ${"".padEnd(width)}  \u2192 ${line.fix}`);
  }
  const failed = report.lines.filter((l) => l.status === "fail").length;
  out.push("", report.ok ? "All checks passed." : `${failed} check${failed === 1 ? "" : "s"} failed.`, "");
  return out.join("\n");
}

// src/cli/check.ts
var CHECK_HELP = `Usage: metrica-chats check <page-url> [options]

Checks an installed site, as a visitor's browser would meet it: fetches the page (following
redirects), finds the script tag or the Google Tag Manager loader and its configuration, then
checks one line each, with what to do when one fails:
  the script file loads; the configuration is valid; the collector endpoint answers; it allows
  the page's origin (CORS); the script and endpoint are not on the content blockers' lists.
Nothing is written to the collector.

Options:
  --filter-lists <dir>  Folder of filter lists (.txt, Adblock Plus syntax) to check against
                        (METRICA_CHATS_FILTER_LISTS; default: download EasyList, EasyPrivacy and
                        uBlock Origin's lists)
  --timeout <seconds>   Per request (default 10)
  --json                Print the result as JSON
  -h, --help            Show this help

Exit codes: 0 every check passed, 1 a check failed, 2 usage.
`;
function filterListSource(dir, cwd) {
  return dir ? { dir: resolve(cwd, dir) } : { urls: FILTER_LIST_URLS };
}
var check = async (args, io) => {
  const { values, positionals } = parseCommandArgs({
    args,
    options: {
      "filter-lists": { type: "string" },
      timeout: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" }
    },
    strict: true,
    allowPositionals: true
  });
  if (values.help) {
    io.stdout.write(CHECK_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0 ? "Give the URL of a page with the script, e.g. metrica-chats check https://example.com/landing" : `Expected one page URL, got ${positionals.length}: ${positionals.join(" ")}`
    );
  }
  const timeout = values.timeout ?? "10";
  if (!/^\d{1,3}$/.test(timeout) || Number(timeout) === 0) {
    throw new UsageError(`--timeout must be a number of seconds from 1 to 999, got ${JSON.stringify(timeout)}`);
  }
  const source = filterListSource(values["filter-lists"] ?? io.env.METRICA_CHATS_FILTER_LISTS, io.cwd);
  let report;
  try {
    report = await checkInstallation(positionals[0], {
      filters: () => loadFilterLists(source),
      timeoutMs: Number(timeout) * 1e3
    });
  } catch (error) {
    if (error instanceof TypeError) throw new UsageError(error.message);
    throw error;
  }
  io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}
` : formatCheck(report));
  return report.ok ? EXIT.ok : EXIT.failed;
};

export {
  CHECK_HELP,
  filterListSource,
  check
};
