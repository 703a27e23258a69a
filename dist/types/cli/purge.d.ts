import { type Command } from './io.js';
export declare const PURGE_HELP = "Usage: metrica-chats purge --older-than <age> [--db <path|url>]\n\nDeletes pairings received longer ago than <age>. Chats, and the Metrica IDs already copied into\nthem, are kept.\n\nOptions:\n  --older-than <age>   e.g. 90d, 12w, 36h (required)\n  --db <path|url>      The collector's SQLite file or postgres:// URL (METRICA_CHATS_DB,\n                       default ./metrica-chats.db); it must exist\n  -h, --help           Show this help\n";
export declare const purge: Command;
