#!/usr/bin/env node
import {
  parseSince
} from "./chunk-4D27BE6Q.js";
import {
  DatabaseNotFoundError,
  openCollectorStorage
} from "./chunk-QIJ4A3X2.js";
import {
  formatReport
} from "./chunk-EM3OMI3P.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import {
  EXIT,
  UsageError,
  parseCommandArgs
} from "./chunk-THAAWAOL.js";

// src/cli/report.ts
var REPORT_HELP = `Usage: metrica-chats report [--from <db>] [--since <time>] [--json]

The chat yield: chats by platform, how many carried a chat ID, how many matched a pairing, how many
were uploaded, the unattributed ones grouped by reason, and the visits, chats and matches of each
bridge link (serve --link).

Options:
  --from <db>      The collector's database: a SQLite file or a postgres:// URL
                   (default: $METRICA_CHATS_DB or ./metrica-chats.db)
  --since <time>   Only chats at or after this time: Unix seconds, a date (2026-10-01, UTC)
                   or an ISO 8601 date and time
  --json           Print the counts as JSON
  -h, --help       Show this help
`;
var report = async (args, io) => {
  const { values } = parseCommandArgs({
    args,
    options: {
      from: { type: "string" },
      since: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" }
    },
    strict: true
  });
  if (values.help) {
    io.stdout.write(REPORT_HELP);
    return EXIT.ok;
  }
  const since = values.since === void 0 ? void 0 : parseSince(values.since);
  const target = values.from ?? io.env.METRICA_CHATS_DB ?? "./metrica-chats.db";
  let storage;
  try {
    storage = await openCollectorStorage(target, io.cwd);
  } catch (error) {
    if (error instanceof DatabaseNotFoundError) throw new UsageError(error.message);
    throw error;
  }
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
