import { createMetricaClient, DEFAULT_API_URL, type MetricaClientOptions } from '../uploader/client.js';
import { type CliIO, UsageError } from './io.js';

/** The options every command that talks to Metrica takes (`upload`, `serve --upload-every`), checked once. */

/** `--counter <id>`: required, the counter's digits. */
export function counterOption(value: string | undefined): string {
  if (value === undefined) throw new UsageError('`--counter <id>` is required: the Metrica counter (tag) ID.');
  if (!/^\d{1,10}$/.test(value)) {
    throw new UsageError(`\`--counter\` must be the counter's digits, e.g. 2215573; got ${JSON.stringify(value)}.`);
  }
  return value;
}

/** `--api-url`, else `METRICA_API_URL`, else Metrica's own. */
export function apiUrlOption(value: string | undefined, env: CliIO['env']): string {
  const apiUrl = value ?? env.METRICA_API_URL ?? DEFAULT_API_URL;
  if (!/^https?:\/\/[^/]/.test(apiUrl)) {
    throw new UsageError(`The API URL must start with http:// or https://; got ${JSON.stringify(apiUrl)}.`);
  }
  return apiUrl;
}

/** `YANDEX_METRICA_TOKEN`, or '' when unset. */
export const tokenFromEnv = (env: CliIO['env']): string => env.YANDEX_METRICA_TOKEN?.trim() ?? '';

/** The API client; a token the client refuses becomes a usage error that never quotes the token. */
export function metricaClient(options: MetricaClientOptions): ReturnType<typeof createMetricaClient> {
  try {
    return createMetricaClient(options);
  } catch (error) {
    // The client's message names the bad character's position, never the token itself.
    if (error instanceof TypeError && error.message.includes('`token`'))
      throw new UsageError(`YANDEX_METRICA_TOKEN: ${error.message}`);
    throw error;
  }
}
