#!/usr/bin/env node
import {
  MetricaApiError,
  MetricaNetworkError,
  QuotaExhaustedError
} from "./chunk-5RDS6SZ6.js";

// src/uploader/pacer.ts
var WINDOW_MS = 1e3;
function createPacer(options = {}) {
  const maxPerSecond = options.maxPerSecond ?? 30;
  const maxInFlight = options.maxInFlight ?? 3;
  for (const [name, value] of [
    ["maxPerSecond", maxPerSecond],
    ["maxInFlight", maxInFlight]
  ]) {
    if (!Number.isInteger(value) || value < 1) {
      throw new TypeError(`Expected \`pacing.${name}\` to be a positive integer, got ${value}.`);
    }
  }
  const waiting = [];
  const starts = [];
  let inFlight = 0;
  let timer = null;
  function pump() {
    while (waiting.length > 0 && inFlight < maxInFlight) {
      const now = performance.now();
      while (starts.length > 0 && starts[0] <= now - WINDOW_MS) starts.shift();
      if (starts.length >= maxPerSecond) {
        if (timer === null) {
          timer = setTimeout(
            () => {
              timer = null;
              pump();
            },
            starts[0] + WINDOW_MS - now
          );
        }
        return;
      }
      starts.push(now);
      inFlight++;
      waiting.shift()();
    }
  }
  return {
    async run(task) {
      await new Promise((resolve) => {
        waiting.push(resolve);
        pump();
      });
      try {
        return await task();
      } finally {
        inFlight--;
        pump();
      }
    }
  };
}

// src/uploader/replies.ts
function parseRetryAfter(header, now = Date.now()) {
  if (header === null || header.trim() === "") return void 0;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1e3;
  const at = Date.parse(header);
  return Number.isNaN(at) ? void 0 : Math.max(0, at - now);
}
function parseJson(text) {
  return JSON.parse(text.replace(/"id"\s*:\s*(\d{16,})/g, '"id":"$1"'));
}
function toUploading(raw, what) {
  const o = raw;
  if (!o || typeof o !== "object" || typeof o.id !== "number" && typeof o.id !== "string") {
    throw new MetricaNetworkError(`${what}: the reply has no upload object with an id`);
  }
  const num = (k) => typeof o[k] === "number" ? o[k] : void 0;
  const str = (k) => typeof o[k] === "string" ? o[k] : void 0;
  const u = { id: String(o.id), status: str("status") ?? "UNKNOWN" };
  for (const k of ["create_time", "comment", "type"]) {
    const v = str(k);
    if (v !== void 0) u[k] = v;
  }
  for (const k of ["source_quantity", "line_quantity", "linked_quantity", "user_not_found_quantity"]) {
    const v = num(k);
    if (v !== void 0) u[k] = v;
  }
  return u;
}
function readUploadings(body, what) {
  const o = body;
  if (o && typeof o === "object") {
    if (Array.isArray(o.uploadings)) return o.uploadings.map((u) => toUploading(u, what));
    if (o.uploading !== void 0) return [toUploading(o.uploading, what)];
  }
  throw new MetricaNetworkError(`${what}: the reply has neither \`uploading\` nor \`uploadings\``);
}

// src/uploader/client.ts
import pRetry, { AbortError } from "p-retry";
var DEFAULT_API_URL = "https://api-metrika.yandex.net";
var COMMENT_MAX_LENGTH = 255;
var IN_PROGRESS = /* @__PURE__ */ new Set(["PREPARED", "UPLOADED", "EXPORTED", "MATCHED"]);
var FINAL = { PROCESSED: "processed", LINKAGE_FAILURE: "linkage_failure" };
var RETRYABLE_STATUS = /* @__PURE__ */ new Set([429, 500, 502, 503, 504]);
var DAILY_QUOTA = "quota_requests_by_uid";
var defaultSleep = (ms, signal) => new Promise((resolve, reject) => {
  if (signal?.aborted) return reject(signal.reason);
  const t = setTimeout(() => {
    signal?.removeEventListener("abort", onAbort);
    resolve();
  }, ms);
  const onAbort = () => {
    clearTimeout(t);
    reject(signal?.reason);
  };
  signal?.addEventListener("abort", onAbort, { once: true });
});
function counterPath(counterId) {
  const id = String(counterId);
  if (!/^\d+$/.test(id)) throw new TypeError(`Expected the counter ID to be digits, got ${JSON.stringify(id)}.`);
  return `/management/v1/counter/${id}/offline_conversions`;
}
function createMetricaClient(options) {
  const token = options.token;
  if (typeof token !== "string" || token.trim() === "") {
    throw new TypeError("Expected `token` to be a non-empty OAuth token (scope metrika:offline_data).");
  }
  const bad = token.search(/[^\x21-\x7e]/);
  if (bad !== -1) {
    throw new TypeError(
      `Expected \`token\` to be an OAuth token of printable ASCII characters; character ${bad + 1} of ${token.length} is not (a space, a line break or a non-Latin letter?).`
    );
  }
  const apiUrl = (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, "");
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const pacer = createPacer(options.pacing);
  const timeoutMs = options.timeoutMs ?? 3e5;
  const retry = options.retry ?? {};
  const sleep = retry.sleep ?? defaultSleep;
  const retryAfterCap = retry.retryAfterCapMs ?? 12e4;
  const redact = (text) => text.split(token).join("***");
  const debug = (line) => options.debug?.(redact(line));
  async function attempt(method, path, what, body, signal, attemptNumber) {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signals = signal ? [timeout, signal] : [timeout];
    let response;
    let text;
    try {
      response = await fetchImpl(apiUrl + path, {
        method,
        headers: { Authorization: `OAuth ${token}`, Accept: "application/json" },
        body: body?.(),
        signal: AbortSignal.any(signals)
      });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw new AbortError(redact(`${what} stopped: ${String(signal.reason)}`));
      if (timeout.aborted) {
        debug(`${method} ${path} -> timeout after ${timeoutMs} ms (attempt ${attemptNumber})`);
        throw new MetricaNetworkError(`${what}: no reply within ${timeoutMs} ms`, "ETIMEDOUT");
      }
      const cause = error.cause;
      const code = cause?.code ?? error.code;
      debug(`${method} ${path} -> ${code ?? "network error"} (attempt ${attemptNumber})`);
      throw new MetricaNetworkError(
        redact(`${what}: connection failed (${code ?? cause?.message ?? error.message})`),
        code
      );
    }
    debug(`${method} ${path} -> ${response.status} (attempt ${attemptNumber})`);
    if (!response.ok) throw errorFromReply(response, text, what);
    try {
      return parseJson(text);
    } catch {
      throw new MetricaNetworkError(`${what}: HTTP ${response.status} with a body that is not JSON`);
    }
  }
  function errorFromReply(response, text, what) {
    let parsed = null;
    try {
      parsed = JSON.parse(text);
    } catch {
    }
    const errors = Array.isArray(parsed?.errors) ? parsed.errors : [];
    const first = errors[0];
    const init = {
      status: response.status,
      code: typeof parsed?.code === "number" ? parsed.code : void 0,
      errorType: first?.error_type,
      metricaMessage: redact(first?.message ?? parsed?.message ?? (text.slice(0, 200) || response.statusText)),
      errors: errors.map((e) => ({ ...e, message: redact(String(e.message)) })),
      retryable: RETRYABLE_STATUS.has(response.status),
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
      what
    };
    if (errors.some((e) => e.error_type === DAILY_QUOTA)) {
      return new QuotaExhaustedError({
        ...init,
        retryable: false,
        metricaMessage: `${init.metricaMessage} (the daily request quota of this Metrica user is used up; it resets at 00:00 UTC, so the run stops here)`
      });
    }
    return new MetricaApiError(init);
  }
  async function request(method, path, what, body, signal) {
    return pRetry(
      async (n) => {
        try {
          return await pacer.run(() => attempt(method, path, what, body, signal, n));
        } catch (error) {
          const retryable = error.retryable === true;
          throw retryable || error instanceof AbortError ? error : new AbortError(error);
        }
      },
      {
        retries: retry.retries ?? 6,
        minTimeout: retry.minTimeout ?? 1e3,
        maxTimeout: retry.maxTimeout ?? 6e4,
        factor: retry.factor ?? 2,
        randomize: true,
        signal,
        onFailedAttempt: async ({ error, retriesLeft }) => {
          const after = error.retryAfterMs;
          if (after !== void 0 && retriesLeft > 0) {
            debug(`${method} ${path}: Retry-After ${after} ms (waiting ${Math.min(after, retryAfterCap)} ms)`);
            await sleep(Math.min(after, retryAfterCap), signal);
          }
        }
      }
    );
  }
  return {
    async upload(counterId, csv, uploadOptions = {}) {
      const comment = uploadOptions.comment;
      if (comment !== void 0 && [...comment].length > COMMENT_MAX_LENGTH) {
        throw new TypeError(
          `Expected \`comment\` to be at most ${COMMENT_MAX_LENGTH} characters, got ${[...comment].length}.`
        );
      }
      const query = new URLSearchParams({ type: "CHATS" });
      if (comment) query.set("comment", comment);
      const blob = typeof csv === "string" ? new Blob([csv], { type: "text/csv" }) : csv;
      const form = () => {
        const f = new FormData();
        f.set("file", blob.type ? blob : new Blob([blob], { type: "text/csv" }), "chats.csv");
        return f;
      };
      const path = `${counterPath(counterId)}/upload?${query.toString().replaceAll("+", "%20")}`;
      const body = await request("POST", path, "Upload", form, uploadOptions.signal);
      const [uploading] = readUploadings(body, "Upload");
      if (!uploading) throw new MetricaNetworkError("Upload: the reply lists no upload");
      return uploading;
    },
    async getUploading(counterId, id, o = {}) {
      const path = `${counterPath(counterId)}/uploading/${encodeURIComponent(String(id))}`;
      const [uploading] = readUploadings(
        await request("GET", path, `Upload ${id} status`, void 0, o.signal),
        "Status"
      );
      if (!uploading) throw new MetricaNetworkError(`Upload ${id} status: the reply lists no upload`);
      return uploading;
    },
    async listUploadings(counterId, o = {}) {
      const path = `${counterPath(counterId)}/uploadings`;
      return readUploadings(await request("GET", path, "Upload list", void 0, o.signal), "Upload list");
    },
    async waitForUpload(counterId, id, o = {}) {
      const deadline = Date.now() + (o.timeoutMs ?? 3 * 36e5);
      let interval = o.intervalMs ?? 2e3;
      const maxInterval = o.maxIntervalMs ?? 6e4;
      for (; ; ) {
        const uploading = await this.getUploading(counterId, id, { signal: o.signal });
        o.onStatus?.(uploading);
        const final = FINAL[uploading.status];
        if (final) return { outcome: final, uploading };
        if (!IN_PROGRESS.has(uploading.status)) return { outcome: "unknown", uploading };
        const left = deadline - Date.now();
        if (left <= 0) return { outcome: "timeout", uploading };
        await defaultSleep(Math.min(interval, left), o.signal);
        interval = Math.min(interval * 2, maxInterval);
      }
    }
  };
}

export {
  createPacer,
  parseRetryAfter,
  readUploadings,
  DEFAULT_API_URL,
  COMMENT_MAX_LENGTH,
  createMetricaClient
};
