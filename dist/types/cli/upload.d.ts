import { type MetricaClientOptions, type WaitOptions } from '../uploader/client.js';
import { type Command } from './io.js';
export declare const UPLOAD_HELP = "Usage: metrica-chats upload --counter <id> (<file.csv> | --db <path|url>) [options]\n\nValidates chats and uploads them to Yandex Metrica as CHATS offline conversions.\n\n  <file.csv>         A CHATS CSV, made by this tool or elsewhere (comma-separated, UTF-8, a BOM is fine)\n  --db <path|url>    The collector's database (SQLite file or postgres:// URL): uploads the chats that\n                     are new or changed since their last upload and marks them with the upload ID\n                     (--from is the same option's older name)\n\nOptions:\n  --counter <id>     Metrica counter (tag) ID, digits (required)\n  --comment <text>   Note shown in Metrica's upload list: at most 255 digits, Latin or Cyrillic\n                     letters and spaces (Metrica refuses other characters)\n  --dry-run          Validate and print the summary (rows, attributed, unattributed, per platform);\n                     send nothing\n  --wait             Wait until Metrica has processed the upload and print what it reported\n  --api-url <url>    API base URL (METRICA_API_URL, default https://api-metrika.yandex.net)\n  --json             Print the result as one JSON object on stdout\n  -h, --help         Show this help\n\nEnvironment:\n  YANDEX_METRICA_TOKEN  OAuth token with the metrika:offline_data scope (not needed for --dry-run);\n                        never printed\n  METRICA_CHATS_DEBUG   Set to 1 to log each API request (method, path, status) on stderr\n\nExit codes: 0 uploaded (or nothing to upload, or a clean dry run), 1 validation errors (nothing\nwas sent), 2 usage, 3 Metrica refused the upload or it failed after retries.\n";
/** What tests may change: backoff and polling delays, so they run in milliseconds. */
export interface UploadCommandDeps {
    client?: Partial<Omit<MetricaClientOptions, 'token' | 'apiUrl'>>;
    wait?: WaitOptions;
    maxPartBytes?: number;
}
export declare function createUploadCommand(deps?: UploadCommandDeps): Command;
export declare const upload: Command;
