import { once } from 'node:events';
import { exportPending } from '../export/pending.js';
import { type CliIO, type Command, EXIT, parseCommandArgs, UsageError } from './io.js';
import { chooseDatabase, DATABASE_OPTIONS, DEFAULT_DB, helpText, openDatabase } from './toolkit.js';

export const EXPORT_HELP = `Usage: metrica-chats export [--db <path|url>] [--since <time>] > chats.csv

Writes the Metrica CHATS CSV of the chats not yet uploaded in their current form to stdout: the
same file as the collector's GET /v1/conversions.csv. Nothing is marked as uploaded.

Options:
  --db <path|url>  The collector's SQLite file or postgres:// URL (METRICA_CHATS_DB,
                   default ${DEFAULT_DB}); --from is the same option's older name
  --since <time>   Only chats at or after this time: Unix seconds, a date (2026-10-01, UTC)
                   or an ISO 8601 date and time
  -h, --help       Show this help
`;

/** `--since` as Unix seconds: digits are seconds already; otherwise an ISO date (UTC when no zone). */
export function parseSince(value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  // Date.parse reads a date and time without a zone as local time; the help promises UTC.
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? `${value}T00:00:00Z`
    : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)
      ? `${value}Z`
      : value;
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new UsageError(
      `\`--since\` must be Unix seconds, a date such as 2026-10-01, or an ISO date and time; got ${JSON.stringify(value)}.`,
    );
  }
  return Math.floor(ms / 1000);
}

/** Lines are gathered into chunks of this size: one write per row would dominate the time. */
const CHUNK = 64 * 1024;

export const exportCommand: Command = async (args: string[], io: CliIO): Promise<number> => {
  const { values } = parseCommandArgs({
    args,
    options: { ...DATABASE_OPTIONS, since: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout.write(helpText(io, EXPORT_HELP));
    return EXIT.ok;
  }
  const since = values.since === undefined ? undefined : parseSince(values.since);
  const store = await openDatabase(chooseDatabase(values, io), io, { create: false });
  const out = io.stdout as { write(chunk: string): unknown; once?: (event: string, cb: () => void) => unknown };
  const write = async (chunk: string): Promise<void> => {
    // Honour a full pipe (`export | gzip`) rather than queueing the whole file in memory.
    if (out.write(chunk) === false && typeof out.once === 'function') await once(out as never, 'drain');
  };
  try {
    let buffer = '';
    for await (const line of exportPending(store, since === undefined ? {} : { since })) {
      if (io.signal?.aborted) break;
      buffer += line;
      if (buffer.length >= CHUNK) {
        await write(buffer);
        buffer = '';
      }
    }
    if (buffer !== '') await write(buffer);
  } finally {
    await store.close();
  }
  return EXIT.ok;
};
