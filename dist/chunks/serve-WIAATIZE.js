#!/usr/bin/env node
import {
  apiUrlOption,
  counterOption,
  metricaClient,
  tokenFromEnv
} from "./chunk-TE5TUXEX.js";
import {
  MetricaApiError,
  MetricaNetworkError,
  QuotaExhaustedError,
  uploadPending
} from "./chunk-SLN3KFK4.js";
import {
  createCollector,
  shortSecretProblem
} from "./chunk-35RFB4VA.js";
import "./chunk-3UQKVSVT.js";
import {
  LinkConfigError,
  linkTable,
  parseLinkSpec,
  splitLinkList
} from "./chunk-TDIG5AFX.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-KSOJ7EKS.js";
import {
  isPostgresUrl
} from "./chunk-5OEX7AUI.js";
import "./chunk-4YCAPLBT.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-SULML3OP.js";
import {
  filterListSource
} from "./chunk-JKIGCABM.js";
import "./chunk-II6ICZSI.js";
import {
  parseDuration
} from "./chunk-KM4NCDVJ.js";
import {
  parseCommandArgs
} from "./chunk-3DS3ONAR.js";
import {
  DEFAULT_DB,
  EXIT,
  UsageError,
  chooseDatabase,
  explainDatabaseError,
  explainListenError,
  helpText
} from "./chunk-VRJGC2HL.js";

// src/cli/serve.ts
import { resolve } from "node:path";

// src/uploader/schedule.ts
function nextUtcMidnight(ms) {
  return (Math.floor(ms / 864e5) + 1) * 864e5;
}
var rows = (n) => n === 1 ? "1 row" : `${n} rows`;
function createUploadSchedule(o) {
  const now = o.now ?? Date.now;
  const state = { every: o.every, counterId: o.counterId };
  let timer = null;
  let running = null;
  let stopped = false;
  const abort = new AbortController();
  async function run() {
    const at = now();
    const done = (outcome, message, uploads = [], count = 0) => {
      const result = { at, outcome, message, uploads, rows: count };
      state.lastRun = result;
      const fields = { counterId: o.counterId, outcome, uploads, rows: count, ms: now() - at };
      if (outcome === "failed" || outcome === "invalid") o.log.error(`scheduled upload: ${message}`, fields);
      else if (outcome === "quota-exhausted") o.log.warn(`scheduled upload: ${message}`, fields);
      else o.log.info(`scheduled upload: ${message}`, fields);
      return result;
    };
    if (state.pausedUntil !== void 0 && at < state.pausedUntil) {
      return done(
        "quota-exhausted",
        `skipped: the daily quota is used up until ${new Date(state.pausedUntil).toISOString()}`
      );
    }
    delete state.pausedUntil;
    let release;
    try {
      release = await o.tryLock();
    } catch (error) {
      return done("failed", `could not take the upload lock: ${error.message}`);
    }
    if (!release) return done("locked", "skipped: another collector is uploading right now");
    try {
      const result = await uploadPending(o.store, {
        client: o.client,
        counterId: o.counterId,
        ...o.comment ? { comment: o.comment } : {},
        // Stopping cuts only the wait for Metrica's status: an upload in flight finishes and is
        // marked, so the next run does not send its rows again.
        wait: { timeoutMs: 6e4, ...o.wait, signal: abort.signal }
      });
      const ids = result.uploads.map((u) => u.uploading.id);
      const sent = result.uploads.reduce((n, u) => n + u.rows, 0);
      if (result.status === "empty") return done("nothing-to-upload", "nothing new to upload");
      if (result.status === "invalid") {
        const first = result.problems[0];
        const where = first ? `: row ${first.line}, ${first.column}: ${first.message}` : "";
        return done(
          "invalid",
          `${result.problemCount} invalid value${result.problemCount === 1 ? "" : "s"} in the pending chats${where}; nothing was sent`
        );
      }
      const statuses = result.uploads.map((u) => {
        const accepted = u.uploading.line_quantity;
        return `upload ${u.uploading.id} ${u.uploading.status}${accepted === void 0 ? "" : `, ${accepted} rows accepted`}`;
      }).join("; ");
      return done("uploaded", `uploaded ${rows(sent)} (${statuses})`, ids, sent);
    } catch (error) {
      if (error instanceof QuotaExhaustedError) {
        state.pausedUntil = nextUtcMidnight(now());
        return done(
          "quota-exhausted",
          `${error.message}; the rows stay pending, next try after ${new Date(state.pausedUntil).toISOString()}`
        );
      }
      if (error instanceof MetricaApiError || error instanceof MetricaNetworkError) {
        return done("failed", `${error.message}; the rows stay pending, the next tick tries again`);
      }
      if (abort.signal.aborted) return done("failed", "stopped while waiting for Metrica\u2019s status");
      return done("failed", `${error.message}; the next tick tries again`);
    } finally {
      await release();
    }
  }
  function runOnce() {
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  }
  function schedule(delay) {
    if (stopped) return;
    state.nextRunAt = now() + delay;
    timer = setTimeout(() => {
      timer = null;
      void runOnce().finally(() => schedule(o.everyMs));
    }, delay);
    timer.unref();
  }
  return {
    start(options = {}) {
      schedule(options.immediately ? 0 : o.everyMs);
    },
    runOnce,
    state: () => ({ ...state, ...state.lastRun ? { lastRun: { ...state.lastRun } } : {} }),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      delete state.nextRunAt;
      if (running) {
        abort.abort(new Error("the collector is stopping"));
        await running.catch(() => {
        });
      }
    }
  };
}
function scheduledUpload(o) {
  return (storage, log) => createUploadSchedule({
    store: storage,
    tryLock: () => storage.tryUploadLock(),
    client: o.client,
    counterId: o.counterId,
    everyMs: o.everyMs,
    every: o.every,
    log,
    ...o.comment ? { comment: o.comment } : {},
    ...o.wait ? { wait: o.wait } : {}
  });
}

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
function scheduleOptions(values, env) {
  const every = values["upload-every"] ?? env.METRICA_CHATS_UPLOAD_EVERY;
  if (!every) {
    if (values.counter !== void 0 || values["api-url"] !== void 0) {
      throw new UsageError("`--counter` and `--api-url` go with `--upload-every <interval>`, e.g. --upload-every 30m.");
    }
    return void 0;
  }
  let everyMs;
  try {
    everyMs = parseDuration(every, "--upload-every");
  } catch (error) {
    throw new UsageError(error.message);
  }
  const counterId = counterOption(values.counter ?? env.METRICA_COUNTER_ID);
  const token = tokenFromEnv(env);
  if (token === "") {
    throw new UsageError(
      "YANDEX_METRICA_TOKEN is not set: --upload-every needs an OAuth token with the metrika:offline_data scope."
    );
  }
  const client = metricaClient({ token, apiUrl: apiUrlOption(values["api-url"], env) });
  return { client, counterId, everyMs, every: every.trim(), comment: "metrica-chats serve --upload-every" };
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
      "upload-every": { type: "string" },
      counter: { type: "string" },
      "api-url": { type: "string" },
      "filter-lists": { type: "string" },
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
  const shortSecret = shortSecretProblem(apiKeys, webhookSecret, {
    apiKeys: "METRICA_CHATS_API_KEYS",
    webhookSecret: "METRICA_CHATS_WEBHOOK_SECRET"
  });
  if (shortSecret) throw new UsageError(shortSecret);
  const whatsappAppSecret = env.METRICA_CHATS_WHATSAPP_APP_SECRET?.trim() || void 0;
  const greenApiToken = env.METRICA_CHATS_GREEN_API_TOKEN?.trim() || void 0;
  const connectorSecrets = [whatsappAppSecret, greenApiToken].filter((v) => v !== void 0);
  const uploadSchedule = scheduleOptions(values, env);
  const write = (line) => io.stdout.write(line);
  const { jsonLogger } = await import("./logger-GOIP6M3O.js");
  const base = jsonLogger(write, [
    ...apiKeys,
    ...webhookSecret ? [webhookSecret] : [],
    ...connectorSecrets,
    // Never printed anyway; masked in case a message ever quotes it.
    ...uploadSchedule ? [tokenFromEnv(env)] : []
  ]);
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
    ...uploadSchedule ? { uploadSchedule: scheduledUpload(uploadSchedule) } : {},
    filterLists: filterListSource(values["filter-lists"] ?? env.METRICA_CHATS_FILTER_LISTS, io.cwd),
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
