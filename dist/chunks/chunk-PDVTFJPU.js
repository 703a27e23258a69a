#!/usr/bin/env node
import {
  exportPending
} from "./chunk-DJ2W7AGI.js";
import {
  parseCommandArgs
} from "./chunk-3DS3ONAR.js";
import {
  DATABASE_OPTIONS,
  DEFAULT_DB,
  EXIT,
  UsageError,
  chooseDatabase,
  helpText,
  openDatabase
} from "./chunk-VRJGC2HL.js";

// src/cli/export.ts
import { once } from "node:events";
var EXPORT_HELP = `Usage: metrica-chats export [--db <path|url>] [--since <time>] > chats.csv

Writes the Metrica CHATS CSV of the chats not yet uploaded in their current form to stdout: the
same file as the collector's GET /v1/conversions.csv. Nothing is marked as uploaded.

Options:
  --db <path|url>  The collector's SQLite file or postgres:// URL (METRICA_CHATS_DB,
                   default ${DEFAULT_DB}); --from is the same option's older name
  --since <time>   Only chats at or after this time: Unix seconds, a date (2026-10-01, UTC)
                   or an ISO 8601 date and time
  -h, --help       Show this help
`;
function parseSince(value) {
  if (/^\d+$/.test(value)) return Number(value);
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? `${value}Z` : value;
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new UsageError(
      `\`--since\` must be Unix seconds, a date such as 2026-10-01, or an ISO date and time; got ${JSON.stringify(value)}.`
    );
  }
  return Math.floor(ms / 1e3);
}
var CHUNK = 64 * 1024;
var exportCommand = async (args, io) => {
  const { values } = parseCommandArgs({
    args,
    options: { ...DATABASE_OPTIONS, since: { type: "string" }, help: { type: "boolean", short: "h" } },
    strict: true,
    allowPositionals: false
  });
  if (values.help) {
    io.stdout.write(helpText(io, EXPORT_HELP));
    return EXIT.ok;
  }
  const since = values.since === void 0 ? void 0 : parseSince(values.since);
  const store = await openDatabase(chooseDatabase(values, io), io, { create: false });
  const out = io.stdout;
  const write = async (chunk) => {
    if (out.write(chunk) === false && typeof out.once === "function") await once(out, "drain");
  };
  try {
    let buffer = "";
    for await (const line of exportPending(store, since === void 0 ? {} : { since })) {
      if (io.signal?.aborted) break;
      buffer += line;
      if (buffer.length >= CHUNK) {
        await write(buffer);
        buffer = "";
      }
    }
    if (buffer !== "") await write(buffer);
  } finally {
    await store.close();
  }
  return EXIT.ok;
};

export {
  EXPORT_HELP,
  parseSince,
  exportCommand
};
