import { createMetricaClient, type MetricaClientOptions } from '../uploader/client.js';
import { type CliIO } from './io.js';
/** The options every command that talks to Metrica takes (`upload`, `serve --upload-every`), checked once. */
/** `--counter <id>`: required, the counter's digits. */
export declare function counterOption(value: string | undefined): string;
/** `--api-url`, else `METRICA_API_URL`, else Metrica's own. */
export declare function apiUrlOption(value: string | undefined, env: CliIO['env']): string;
/** `YANDEX_METRICA_TOKEN`, or '' when unset. */
export declare const tokenFromEnv: (env: CliIO["env"]) => string;
/** The API client; a token the client refuses becomes a usage error that never quotes the token. */
export declare function metricaClient(options: MetricaClientOptions): ReturnType<typeof createMetricaClient>;
