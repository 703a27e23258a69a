import { formatReport } from '../report/stats-text.js';
import { parseSince } from './export.js';
import { type CliIO, type Command, EXIT, parseCommandArgs } from './io.js';
import { chooseDatabase, DATABASE_OPTIONS, DEFAULT_DB, helpText, openDatabase } from './toolkit.js';

export const REPORT_HELP = `Usage: metrica-chats report [--db <path|url>] [--since <time>] [--json]

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

export const report: Command = async (args: string[], io: CliIO): Promise<number> => {
  const { values } = parseCommandArgs({
    args,
    options: {
      ...DATABASE_OPTIONS,
      since: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout.write(helpText(io, REPORT_HELP));
    return EXIT.ok;
  }
  const since = values.since === undefined ? undefined : parseSince(values.since);
  const storage = await openDatabase(chooseDatabase(values, io), io, { create: false });
  try {
    const stats = await storage.chatStats(since === undefined ? {} : { since });
    io.stdout.write(values.json ? `${JSON.stringify(stats, null, 2)}\n` : formatReport(stats, values.since));
    return EXIT.ok;
  } finally {
    await storage.close();
  }
};
