import { type Command } from './io.js';
export declare const EXPORT_HELP = "Usage: metrica-chats export [--db <path|url>] [--since <time>] > chats.csv\n\nWrites the Metrica CHATS CSV of the chats not yet uploaded in their current form to stdout: the\nsame file as the collector's GET /v1/conversions.csv. Nothing is marked as uploaded.\n\nOptions:\n  --db <path|url>  The collector's SQLite file or postgres:// URL (METRICA_CHATS_DB,\n                   default ./metrica-chats.db); --from is the same option's older name\n  --since <time>   Only chats at or after this time: Unix seconds, a date (2026-10-01, UTC)\n                   or an ISO 8601 date and time\n  -h, --help       Show this help\n";
/** `--since` as Unix seconds: digits are seconds already; otherwise an ISO date (UTC when no zone). */
export declare function parseSince(value: string): number;
export declare const exportCommand: Command;
