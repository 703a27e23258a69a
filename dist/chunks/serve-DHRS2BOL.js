#!/usr/bin/env node
import {
  createCollector
} from "./chunk-UVWC73CB.js";
import {
  LinkConfigError,
  linkTable,
  parseLinkSpec,
  splitLinkList
} from "./chunk-TDIG5AFX.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import {
  isPostgresUrl
} from "./chunk-YCBYQKZV.js";
import "./chunk-SULML3OP.js";
import {
  parseDuration
} from "./chunk-KM4NCDVJ.js";
import "./chunk-4YCAPLBT.js";
import "./chunk-5GHHCO5G.js";
import {
  parseCommandArgs
} from "./chunk-6XQJZ6PI.js";
import {
  DEFAULT_DB,
  EXIT,
  UsageError,
  chooseDatabase,
  explainDatabaseError,
  explainListenError,
  helpText
} from "./chunk-7T6EUAPJ.js";

// src/cli/serve.ts
import { resolve } from "node:path";

// src/cli/env-list.ts
var splitList = (value) => (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);

// src/cli/serve.ts
var SERVE_HELP = `Usage: metrica-chats serve [options]

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
  --retention <age>      Delete pairings older than this, e.g. 90d, checked hourly
                         (METRICA_CHATS_RETENTION, default: keep)
  --link <NAME=URL>      A bridge link, repeatable: /go/NAME pairs a fresh chat ID with the ad click's
                         yclid and redirects to the messenger URL with the chat ID written in, e.g.
                         --link promo=https://t.me/shop_bot (METRICA_CHATS_LINKS, comma-separated)
  --quiet                No request logs (refusals, chats stored, pairings counted each minute),
                         only start-up and errors
  -h, --help             Show this help

Secrets, from the environment only:
  METRICA_CHATS_API_KEYS        Comma-separated bearer keys for /v1/chats, /v1/conversions.csv, /v1/stats
  METRICA_CHATS_WEBHOOK_SECRET  The <secret> path segment of /v1/webhooks/<channel>/<secret>
                                (telegram, viber, whatsapp, green-api, wazzup)
  METRICA_CHATS_WHATSAPP_APP_SECRET  Meta's app secret: WhatsApp Cloud API notifications must be signed with it
  METRICA_CHATS_GREEN_API_TOKEN      Green-API's Webhook URL Token, checked in the Authorization header
`;
var QUIET_DROPS = /* @__PURE__ */ new Set(["chat stored", "chat updated", "pairings stored"]);
function bridgeLinks(specs) {
  try {
    const entries = specs.map(parseLinkSpec);
    linkTable(entries);
    return Object.fromEntries(entries);
  } catch (error) {
    if (error instanceof LinkConfigError) throw new UsageError(`--link: ${error.message}`);
    throw error;
  }
}
function integer(value, name, min, max) {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}
var serve = async (args, io) => {
  const { values } = parseCommandArgs({
    args,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      db: { type: "string" },
      "allow-origin": { type: "string", multiple: true },
      "path-prefix": { type: "string" },
      "rate-limit": { type: "string" },
      "trust-proxy": { type: "boolean" },
      retention: { type: "string" },
      link: { type: "string", multiple: true },
      quiet: { type: "boolean" },
      help: { type: "boolean", short: "h" }
    },
    strict: true,
    allowPositionals: false
  });
  if (values.help) {
    io.stdout.write(helpText(io, SERVE_HELP));
    return EXIT.ok;
  }
  const env = io.env;
  const port = integer(String(values.port ?? env.PORT ?? "8787"), "--port", 0, 65535);
  const host = String(values.host ?? env.HOST ?? "0.0.0.0");
  const db = chooseDatabase(values, io).target;
  const origins = values["allow-origin"] ?? splitList(env.METRICA_CHATS_ALLOW_ORIGINS);
  const perMinute = integer(
    String(values["rate-limit"] ?? env.METRICA_CHATS_RATE_LIMIT ?? "120"),
    "--rate-limit",
    0,
    1e9
  );
  const retention = values.retention ?? env.METRICA_CHATS_RETENTION;
  let retentionDays;
  if (retention) {
    try {
      retentionDays = parseDuration(retention, "--retention") / 864e5;
    } catch (error) {
      throw new UsageError(error.message);
    }
  }
  const links = bridgeLinks(values.link ?? splitLinkList(env.METRICA_CHATS_LINKS));
  const apiKeys = splitList(env.METRICA_CHATS_API_KEYS);
  const webhookSecret = env.METRICA_CHATS_WEBHOOK_SECRET?.trim() || void 0;
  const whatsappAppSecret = env.METRICA_CHATS_WHATSAPP_APP_SECRET?.trim() || void 0;
  const greenApiToken = env.METRICA_CHATS_GREEN_API_TOKEN?.trim() || void 0;
  const connectorSecrets = [whatsappAppSecret, greenApiToken].filter((v) => v !== void 0);
  const write = (line) => io.stdout.write(line);
  const { jsonLogger } = await import("./logger-GOIP6M3O.js");
  const base = jsonLogger(write, [...apiKeys, ...webhookSecret ? [webhookSecret] : [], ...connectorSecrets]);
  const logger = values.quiet ? { ...base, warn() {
  }, info: (m, f) => QUIET_DROPS.has(m) || base.info(m, f) } : base;
  const collector = await createCollector({
    db: isPostgresUrl(db) ? db : resolve(io.cwd, db),
    allowOrigins: origins,
    apiKeys,
    ...webhookSecret ? { webhookSecret } : {},
    ...whatsappAppSecret ? { whatsappAppSecret } : {},
    ...greenApiToken ? { greenApiToken } : {},
    pathPrefix: String(values["path-prefix"] ?? env.METRICA_CHATS_PATH_PREFIX ?? ""),
    rateLimit: perMinute === 0 ? false : { perMinute, burst: Math.max(10, Math.ceil(perMinute / 4)) },
    trustProxy: Boolean(values["trust-proxy"]) || env.METRICA_CHATS_TRUST_PROXY === "1",
    logger,
    ...retentionDays !== void 0 ? { retentionDays } : {},
    links
  }).catch((error) => {
    throw explainDatabaseError(error, db) ?? error;
  });
  if (origins.length === 0) base.warn("no --allow-origin given: beacons from web pages will be refused with 403");
  if (apiKeys.length === 0)
    base.warn("METRICA_CHATS_API_KEYS is empty: /v1/chats and the exports refuse every request");
  let url;
  try {
    ({ url } = await collector.listen(port, host));
  } catch (error) {
    await collector.close();
    throw explainListenError(error, {
      port,
      host,
      what: "the collector",
      move: "Stop the program using it, or choose another port with --port <n> (or PORT); --port 0 picks a free one."
    });
  }
  logger.info("ready", { url, pid: process.pid });
  for (const [name, target] of Object.entries(links))
    logger.info("bridge link", { url: `${url}/go/${name}`, to: target });
  await new Promise((done) => {
    if (!io.signal) return;
    if (io.signal.aborted) done();
    else io.signal.addEventListener("abort", () => done(), { once: true });
  });
  logger.info("shutting down", { signal: String(io.signal?.reason ?? "") });
  await collector.close();
  return EXIT.ok;
};
export {
  SERVE_HELP,
  serve
};
