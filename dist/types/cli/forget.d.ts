import type { FileCleanup } from '../storage/index.js';
import { type Command } from './io.js';
export declare const FORGET_HELP = "Usage: metrica-chats forget (--phone <number> | --user-id <id> | --username <name> | --chat-id <id>)\n                            [--platform <name>] [--db <path|url>]\n\nDeletes everything stored about one person, for a privacy request: their chats, their partner\nlinks, and the chats, pairings and partner links of every chat ID linked to them. Chats already\nuploaded stay in Metrica; the upload history keeps no trace of the deleted chats.\n\nOptions:\n  --phone <number>     the person's phone number, with the country code (+ and spaces optional)\n  --user-id <id>       the person's messenger user ID\n  --username <name>    the person's messenger username or display name, with or without @\n                       (Latin letters in any case)\n  --chat-id <id>       a chat ID (a visitor's browser), e.g. CT7KQ2M9XA\n  --platform <name>    the messenger the --phone, --user-id or --username belongs to: telegram,\n                       whatsapp or viber (default: all three; the same user ID on two messengers\n                       is two people). Everything of the chat IDs found goes, on every messenger:\n                       a chat ID is one visitor's browser.\n  --db <path|url>      The collector's SQLite file or postgres:// URL (METRICA_CHATS_DB,\n                       default ./metrica-chats.db); it must exist\n  -h, --help           Show this help\n";
/**
 * The file clean-up, on stderr: what ran, what was skipped and why (the deletion itself stands, so
 * the exit code stays 0), and which copies only the operator can remove.
 */
export declare function describeCleanup(files: FileCleanup): string;
export declare const forget: Command;
