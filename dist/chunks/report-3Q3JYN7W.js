#!/usr/bin/env node
import {
  parseSince
} from "./chunk-PDVTFJPU.js";
import {
  formatReport
} from "./chunk-3UQKVSVT.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import {
  parseCommandArgs
} from "./chunk-3DS3ONAR.js";
import {
  DATABASE_OPTIONS,
  DEFAULT_DB,
  EXIT,
  chooseDatabase,
  helpText,
  openDatabase
} from "./chunk-VRJGC2HL.js";

// src/cli/report.ts
var REPORT_HELP = `Usage: metrica-chats report [--db <path|url>] [--since <time>] [--json]

The chat yield: chats by platform, how many carried a chat ID, how many matched a pairing, how many
were uploaded, the unattributed ones grouped by reason, and the visits, chats and matches of each
bridge link (serve --link).

Options:
  --db <path|url>  The collector's SQLite file or postgres:// URL (METRICA_CHATS_DB,
                   default ${DEFAULT_DB}); --from is the same option's older name
  --since <time>   Only chats at or after this time: Unix seconds, a date (2026-10-01, UTC)
                   or an ISO 8601 date and time
  --json           Print the counts as JSON
  -h, --help       Show this help
`;
var report = async (args, io) => {
  const { values } = parseCommandArgs({
    args,
    options: {
      ...DATABASE_OPTIONS,
      since: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" }
    },
    strict: true
  });
  if (values.help) {
    io.stdout.write(helpText(io, REPORT_HELP));
    return EXIT.ok;
  }
  const since = values.since === void 0 ? void 0 : parseSince(values.since);
  const storage = await openDatabase(chooseDatabase(values, io), io, { create: false });
  try {
    const stats = await storage.chatStats(since === void 0 ? {} : { since });
    io.stdout.write(values.json ? `${JSON.stringify(stats, null, 2)}
` : formatReport(stats, values.since));
    return EXIT.ok;
  } finally {
    await storage.close();
  }
};
export {
  REPORT_HELP,
  report
};
