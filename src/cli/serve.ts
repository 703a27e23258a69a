import { resolve } from 'node:path';
import { LinkConfigError, linkTable, parseLinkSpec, splitLinkList } from '../bridge/links.js';
import { shortSecretProblem } from '../collector/secrets.js';
import { createCollector } from '../collector/server.js';
import { isPostgresUrl } from '../storage/index.js';
import { type ScheduledUploadOptions, scheduledUpload } from '../uploader/schedule.js';
import { filterListSource } from './check.js';
import { parseDuration } from './duration.js';
import { splitList } from './env-list.js';
import { type CliIO, type Command, EXIT, parseCommandArgs, UsageError } from './io.js';
import { apiUrlOption, counterOption, metricaClient, tokenFromEnv } from './metrica-options.js';
import { chooseDatabase, DEFAULT_DB, explainDatabaseError, explainListenError, helpText } from './toolkit.js';

export const SERVE_HELP = `Usage: metrica-chats serve [options]

Runs the collector: pairing beacons, chats from bots and CRMs, the CSV of what is not uploaded yet.

Options (each also read from the environment variable shown; a flag wins over it):
  --port <n>             Port to listen on (PORT, default 8787)
  --host <address>       Address to bind (HOST, default 0.0.0.0)
  --db <path|url>        SQLite file, created on first start, or a postgres:// URL
                         (METRICA_CHATS_DB, default ${DEFAULT_DB})
  --allow-origin <o>     Origin allowed to send beacons, repeatable; https://*.example.com allows
                         subdomains (METRICA_CHATS_ALLOW_ORIGINS, comma-separated)
  --path-prefix <p>      Serve every route under this path, e.g. /px (METRICA_CHATS_PATH_PREFIX)
  --rate-limit <n>       Beacons a minute per client address, 0 for no limit
                         (METRICA_CHATS_RATE_LIMIT, default 120)
  --trust-proxy          Take the client address from X-Forwarded-For (METRICA_CHATS_TRUST_PROXY=1)
  --retention <age>      Delete pairings and connector messages older than this, e.g. 90d,
                         checked hourly (METRICA_CHATS_RETENTION, default: keep)
  --link <NAME=URL>      A bridge link, repeatable: /go/NAME pairs a fresh chat ID with the ad click's
                         yclid and redirects to the messenger URL with the chat ID written in, e.g.
                         --link promo=https://t.me/shop_bot (METRICA_CHATS_LINKS, comma-separated)
  --quiet                No request logs (refusals, chats stored, pairings counted each minute),
                         only start-up and errors
  -h, --help             Show this help

Scheduled upload (off unless --upload-every is given):
  --upload-every <t>     Upload the chats that are new or changed every <t>, e.g. 30m, 1h, and once
                         at start (METRICA_CHATS_UPLOAD_EVERY). Collectors on one database take
                         turns, so each row is uploaded once; a failed run is retried at the next
                         tick, a used-up daily quota waits until 00:00 UTC.
  --counter <id>         Metrica counter (tag) ID to upload to (METRICA_COUNTER_ID)
  --api-url <url>        Metrica API base URL (METRICA_API_URL, default https://api-metrika.yandex.net)

Dashboard (/dashboard, HTTP Basic with an API key as the password):
  --filter-lists <dir>   Folder of filter lists (.txt) for its installation check
                         (METRICA_CHATS_FILTER_LISTS; default: download EasyList, EasyPrivacy and
                         uBlock Origin's lists)

Secrets, from the environment only (each at least 16 characters):
  METRICA_CHATS_API_KEYS        Comma-separated keys for /v1/chats, /v1/conversions.csv, /v1/stats
                                (Bearer) and the dashboard (its password)
  METRICA_CHATS_WEBHOOK_SECRET  The <secret> path segment of /v1/webhooks/<channel>/<secret>
                                (telegram, viber, whatsapp, green-api, wazzup)
  METRICA_CHATS_WHATSAPP_APP_SECRET  Meta's app secret: WhatsApp Cloud API notifications must be signed with it
  METRICA_CHATS_GREEN_API_TOKEN      Green-API's Webhook URL Token, checked in the Authorization header
  YANDEX_METRICA_TOKEN          OAuth token (metrika:offline_data) for --upload-every; never logged
`;

/** The activity lines `--quiet` leaves out. */
const QUIET_DROPS = new Set(['chat stored', 'chat updated', 'pairings stored']);

/** `NAME=URL` pairs → name → URL; a pair the bridge cannot serve is a usage error naming it and why. */
function bridgeLinks(specs: readonly string[]): Record<string, string> {
  try {
    const entries = specs.map(parseLinkSpec);
    linkTable(entries);
    return Object.fromEntries(entries);
  } catch (error) {
    if (error instanceof LinkConfigError) throw new UsageError(`--link: ${error.message}`);
    throw error;
  }
}

function integer(value: string, name: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

/** `--upload-every` with its `--counter`, `--api-url` and the token, checked before anything starts. */
function scheduleOptions(
  values: { 'upload-every'?: string; counter?: string; 'api-url'?: string },
  env: CliIO['env'],
): ScheduledUploadOptions | undefined {
  const every = values['upload-every'] ?? env.METRICA_CHATS_UPLOAD_EVERY;
  if (!every) {
    if (values.counter !== undefined || values['api-url'] !== undefined) {
      throw new UsageError('`--counter` and `--api-url` go with `--upload-every <interval>`, e.g. --upload-every 30m.');
    }
    return undefined;
  }
  let everyMs: number;
  try {
    everyMs = parseDuration(every, '--upload-every');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const counterId = counterOption(values.counter ?? env.METRICA_COUNTER_ID);
  const token = tokenFromEnv(env);
  if (token === '') {
    throw new UsageError(
      'YANDEX_METRICA_TOKEN is not set: --upload-every needs an OAuth token with the metrika:offline_data scope.',
    );
  }
  const client = metricaClient({ token, apiUrl: apiUrlOption(values['api-url'], env) });
  return { client, counterId, everyMs, every: every.trim(), comment: 'metrica-chats serve --upload-every' };
}

export const serve: Command = async (args: string[], io: CliIO): Promise<number> => {
  const { values } = parseCommandArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      'path-prefix': { type: 'string' },
      'rate-limit': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      retention: { type: 'string' },
      link: { type: 'string', multiple: true },
      quiet: { type: 'boolean' },
      'upload-every': { type: 'string' },
      counter: { type: 'string' },
      'api-url': { type: 'string' },
      'filter-lists': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout.write(helpText(io, SERVE_HELP));
    return EXIT.ok;
  }
  const env = io.env;
  const port = integer(String(values.port ?? env.PORT ?? '8787'), '--port', 0, 65535);
  const host = String(values.host ?? env.HOST ?? '0.0.0.0');
  const db = chooseDatabase(values, io).target;
  const origins = (values['allow-origin'] as string[] | undefined) ?? splitList(env.METRICA_CHATS_ALLOW_ORIGINS);
  const perMinute = integer(
    String(values['rate-limit'] ?? env.METRICA_CHATS_RATE_LIMIT ?? '120'),
    '--rate-limit',
    0,
    1e9,
  );
  const retention = (values.retention as string | undefined) ?? env.METRICA_CHATS_RETENTION;
  let retentionDays: number | undefined;
  if (retention) {
    try {
      retentionDays = parseDuration(retention, '--retention') / 86_400_000;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const links = bridgeLinks((values.link as string[] | undefined) ?? splitLinkList(env.METRICA_CHATS_LINKS));
  const apiKeys = splitList(env.METRICA_CHATS_API_KEYS);
  const webhookSecret = env.METRICA_CHATS_WEBHOOK_SECRET?.trim() || undefined;
  const shortSecret = shortSecretProblem(apiKeys, webhookSecret, {
    apiKeys: 'METRICA_CHATS_API_KEYS',
    webhookSecret: 'METRICA_CHATS_WEBHOOK_SECRET',
  });
  if (shortSecret) throw new UsageError(shortSecret);
  const whatsappAppSecret = env.METRICA_CHATS_WHATSAPP_APP_SECRET?.trim() || undefined;
  const greenApiToken = env.METRICA_CHATS_GREEN_API_TOKEN?.trim() || undefined;
  const connectorSecrets = [whatsappAppSecret, greenApiToken].filter((v): v is string => v !== undefined);
  const uploadSchedule = scheduleOptions(values, env);
  const write = (line: string) => io.stdout.write(line);
  const { jsonLogger } = await import('../collector/logger.js');
  const base = jsonLogger(write, [
    ...apiKeys,
    ...(webhookSecret ? [webhookSecret] : []),
    ...connectorSecrets,
    // Never printed anyway; masked in case a message ever quotes it.
    ...(uploadSchedule ? [tokenFromEnv(env)] : []),
  ]);
  // --quiet drops the per-request lines (refusals, chats stored, the pairing count), not start-up or errors.
  const logger = values.quiet
    ? { ...base, warn() {}, info: (m: string, f?: Record<string, unknown>) => QUIET_DROPS.has(m) || base.info(m, f) }
    : base;

  const collector = await createCollector({
    db: isPostgresUrl(db) ? db : resolve(io.cwd, db),
    allowOrigins: origins,
    apiKeys,
    ...(webhookSecret ? { webhookSecret } : {}),
    ...(whatsappAppSecret ? { whatsappAppSecret } : {}),
    ...(greenApiToken ? { greenApiToken } : {}),
    pathPrefix: String(values['path-prefix'] ?? env.METRICA_CHATS_PATH_PREFIX ?? ''),
    rateLimit: perMinute === 0 ? false : { perMinute, burst: Math.max(10, Math.ceil(perMinute / 4)) },
    trustProxy: Boolean(values['trust-proxy']) || env.METRICA_CHATS_TRUST_PROXY === '1',
    logger,
    ...(retentionDays !== undefined ? { retentionDays } : {}),
    ...(uploadSchedule ? { uploadSchedule: scheduledUpload(uploadSchedule) } : {}),
    filterLists: filterListSource(values['filter-lists'] ?? env.METRICA_CHATS_FILTER_LISTS, io.cwd),
    links,
  }).catch((error: unknown) => {
    // A bad path, a missing driver or an unreachable server, said with the database it is about.
    throw explainDatabaseError(error, db) ?? error;
  });
  // Start-up warnings go out even with --quiet: they describe a collector that will refuse requests.
  if (origins.length === 0) base.warn('no --allow-origin given: beacons from web pages will be refused with 403');
  if (apiKeys.length === 0)
    base.warn('METRICA_CHATS_API_KEYS is empty: /v1/chats and the exports refuse every request');
  let url: string;
  try {
    ({ url } = await collector.listen(port, host));
  } catch (error) {
    await collector.close();
    throw explainListenError(error, {
      port,
      host,
      what: 'the collector',
      move: 'Stop the program using it, or choose another port with --port <n> (or PORT); --port 0 picks a free one.',
    });
  }
  logger.info('ready', { url, pid: process.pid });
  for (const [name, target] of Object.entries(links))
    logger.info('bridge link', { url: `${url}/go/${name}`, to: target });
  // Runs until SIGINT/SIGTERM (bin.ts turns them into the abort signal); without one, until killed.
  await new Promise<void>((done) => {
    if (!io.signal) return;
    if (io.signal.aborted) done();
    else io.signal.addEventListener('abort', () => done(), { once: true });
  });
  logger.info('shutting down', { signal: String(io.signal?.reason ?? '') });
  await collector.close();
  return EXIT.ok;
};
