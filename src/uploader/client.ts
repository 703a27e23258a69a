import pRetry, { AbortError } from 'p-retry';
import { COMMENT_MAX_LENGTH, uploadCommentVerdict } from '../domain/index.js';
import { type RetryEvent, type RetryOptions, retryDelay } from './backoff.js';
import { MetricaApiError, type MetricaErrorDetail, MetricaNetworkError, QuotaExhaustedError } from './errors.js';
import { createPacer, type PacerOptions } from './pacer.js';
import { parseJson, parseRetryAfter, readUploadings, type Uploading } from './replies.js';

export type { RetryEvent, RetryOptions } from './backoff.js';
export { parseRetryAfter, readUploadings, type Uploading } from './replies.js';

export interface MetricaClientOptions {
  token: string;
  /** Default https://api-metrika.yandex.net */
  apiUrl?: string;
  fetch?: typeof fetch;
  retry?: RetryOptions;
  pacing?: PacerOptions;
  /**
   * Per-request timeout in ms (default 120 000). An upload gets this plus the time its file takes
   * at UPLOAD_BYTES_PER_SECOND, so a 1 GB file is not cut off while it is still being sent.
   */
  timeoutMs?: number;
  /** Receives one line per request attempt (method, path, status); never headers or the token. */
  debug?: (line: string) => void;
  /** Told of each failed attempt that will be retried: what failed, and when it tries again. */
  onRetry?: (event: RetryEvent) => void;
}

export interface WaitOptions {
  /** Give up after this many ms (default 3 hours: Metrica takes up to 2 hours to process a file). */
  timeoutMs?: number;
  /** First poll interval in ms (default 2000), doubling up to `maxIntervalMs` (default 60 000). */
  intervalMs?: number;
  maxIntervalMs?: number;
  signal?: AbortSignal;
  onStatus?: (uploading: Uploading) => void;
}

/** How waiting ended: a final status, a status this client does not know, or the timeout. */
export type WaitOutcome = 'processed' | 'linkage_failure' | 'unknown' | 'timeout';

export interface MetricaClient {
  upload(
    counterId: string | number,
    csv: Blob | string,
    options?: { comment?: string; signal?: AbortSignal },
  ): Promise<Uploading>;
  getUploading(counterId: string | number, id: string | number, options?: { signal?: AbortSignal }): Promise<Uploading>;
  listUploadings(counterId: string | number, options?: { signal?: AbortSignal }): Promise<Uploading[]>;
  waitForUpload(
    counterId: string | number,
    id: string | number,
    options?: WaitOptions,
  ): Promise<{ outcome: WaitOutcome; uploading: Uploading }>;
}

export const DEFAULT_API_URL = 'https://api-metrika.yandex.net';
export { COMMENT_MAX_LENGTH };
/** The slowest upstream an upload is given time for: 0.5 MB/s (a 1 GB file gets about 33 minutes more). */
export const UPLOAD_BYTES_PER_SECOND = 500_000;
/** Statuses on the way to a result (Metrica's list); anything else that is not final is unknown. */
const IN_PROGRESS = new Set(['PREPARED', 'UPLOADED', 'EXPORTED', 'MATCHED']);
const FINAL: Record<string, WaitOutcome> = { PROCESSED: 'processed', LINKAGE_FAILURE: 'linkage_failure' };
/** 420 is what Metrica's English quotas page names for 429 (the Russian one says 429): both are retried. */
const RETRYABLE_STATUS = new Set([420, 429, 500, 502, 503, 504]);
/** Daily quotas (per user, per counter): nothing succeeds before they reset, so the run stops instead of retrying. */
const DAILY_QUOTAS: Record<string, string> = {
  quota_requests_by_uid: 'the daily request quota of this Metrica user',
  quota_requests_by_counter_id: 'the daily request quota of this counter',
};

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

function counterPath(counterId: string | number): string {
  const id = String(counterId);
  if (!/^\d+$/.test(id)) throw new TypeError(`Expected the counter ID to be digits, got ${JSON.stringify(id)}.`);
  return `/management/v1/counter/${id}/offline_conversions`;
}

/**
 * A client for Metrica's CHATS upload API. Retries what may succeed later (429, 5xx, timeouts,
 * resets, garbled replies) with exponential backoff and jitter, never other 4xx; re-sending an
 * upload is safe because Metrica updates a chat with the same DateTime + ChatPlatform + partner.
 */
export function createMetricaClient(options: MetricaClientOptions): MetricaClient {
  const token = options.token;
  if (typeof token !== 'string' || token.trim() === '') {
    throw new TypeError('Expected `token` to be a non-empty OAuth token (scope metrika:offline_data).');
  }
  // fetch refuses such a header value with a TypeError that would be retried as a network
  // failure for minutes; the position, never the token, says where it went wrong.
  const bad = token.search(/[^\x21-\x7e]/);
  if (bad !== -1) {
    throw new TypeError(
      `Expected \`token\` to be an OAuth token of printable ASCII characters; character ${bad + 1} of ${token.length} is not (a space, a line break or a non-Latin letter?).`,
    );
  }
  const apiUrl = (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const pacer = createPacer(options.pacing);
  const baseTimeoutMs = options.timeoutMs ?? 120_000;
  const retry = options.retry ?? {};
  const sleep = retry.sleep ?? defaultSleep;
  // Defence in depth: even a server that echoes the token back cannot get it into our output.
  const redact = (text: string): string => text.split(token).join('***');
  const debug = (line: string): void => options.debug?.(redact(line));

  async function attempt(
    method: string,
    path: string,
    what: string,
    body: (() => FormData) | undefined,
    signal: AbortSignal | undefined,
    attemptNumber: number,
    timeoutMs: number,
  ): Promise<unknown> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signals = signal ? [timeout, signal] : [timeout];
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(apiUrl + path, {
        method,
        headers: { Authorization: `OAuth ${token}`, Accept: 'application/json' },
        body: body?.(),
        signal: AbortSignal.any(signals),
      });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw new AbortError(redact(`${what} stopped: ${String(signal.reason)}`));
      if (timeout.aborted) {
        debug(`${method} ${path} -> timeout after ${timeoutMs} ms (attempt ${attemptNumber})`);
        throw new MetricaNetworkError(`${what}: no reply within ${timeoutMs} ms`, 'ETIMEDOUT');
      }
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const code = cause?.code ?? (error as { code?: string }).code;
      debug(`${method} ${path} -> ${code ?? 'network error'} (attempt ${attemptNumber})`);
      throw new MetricaNetworkError(
        redact(`${what}: connection failed (${code ?? cause?.message ?? (error as Error).message})`),
        code,
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

  function errorFromReply(response: Response, text: string, what: string): Error {
    let parsed: { errors?: MetricaErrorDetail[]; code?: number; message?: string } | null = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // An HTML error page from a proxy, say: reported by status alone.
    }
    const errors = Array.isArray(parsed?.errors) ? parsed.errors : [];
    const first = errors[0];
    const init = {
      status: response.status,
      code: typeof parsed?.code === 'number' ? parsed.code : undefined,
      errorType: first?.error_type,
      metricaMessage: redact(first?.message ?? parsed?.message ?? (text.slice(0, 200) || response.statusText)),
      errors: errors.map((e) => ({ ...e, message: redact(String(e.message)) })),
      retryable: RETRYABLE_STATUS.has(response.status),
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      what,
    };
    const daily = errors.map((e) => DAILY_QUOTAS[e.error_type]).find(Boolean);
    if (daily) {
      return new QuotaExhaustedError({
        ...init,
        retryable: false,
        metricaMessage: `${init.metricaMessage} (${daily} is used up; it resets at 00:00 UTC, so the run stops here)`,
      });
    }
    return new MetricaApiError(init);
  }

  async function request(
    method: string,
    path: string,
    what: string,
    body?: () => FormData,
    signal?: AbortSignal,
    bodyBytes = 0,
  ): Promise<unknown> {
    const timeoutMs = baseTimeoutMs + Math.ceil((bodyBytes / UPLOAD_BYTES_PER_SECOND) * 1000);
    return pRetry(
      async (n) => {
        try {
          return await pacer.run(() => attempt(method, path, what, body, signal, n, timeoutMs));
        } catch (error) {
          const retryable = (error as { retryable?: boolean }).retryable === true;
          throw retryable || error instanceof AbortError ? error : new AbortError(error as Error);
        }
      },
      {
        retries: retry.retries ?? 6,
        // The wait between attempts happens below, where it can be announced before it starts.
        minTimeout: 0,
        signal,
        onFailedAttempt: async ({ error, retriesLeft, attemptNumber }) => {
          if (retriesLeft <= 0) return;
          const after = (error as { retryAfterMs?: number }).retryAfterMs;
          const delayMs = retryDelay(retry, attemptNumber, after);
          if (after !== undefined) debug(`${method} ${path}: Retry-After ${after} ms (waiting ${delayMs} ms)`);
          options.onRetry?.({ what, attempt: attemptNumber, attempts: (retry.retries ?? 6) + 1, error, delayMs });
          await sleep(delayMs, signal);
        },
      },
    );
  }

  return {
    async upload(counterId, csv, uploadOptions = {}) {
      const comment = uploadOptions.comment;
      const verdict = comment === undefined ? null : uploadCommentVerdict(comment);
      if (verdict) {
        throw new TypeError(
          `Expected \`comment\` to be ${verdict.expected}${verdict.hint ? ` (${verdict.hint})` : ''}: Metrica refuses anything else.`,
        );
      }
      const query = new URLSearchParams({ type: 'CHATS' });
      if (comment) query.set('comment', comment);
      const blob = typeof csv === 'string' ? new Blob([csv], { type: 'text/csv' }) : csv;
      const form = (): FormData => {
        const f = new FormData();
        f.set('file', blob.type ? blob : new Blob([blob], { type: 'text/csv' }), 'chats.csv');
        return f;
      };
      const path = `${counterPath(counterId)}/upload?${query.toString().replaceAll('+', '%20')}`;
      const body = await request('POST', path, 'Upload', form, uploadOptions.signal, blob.size);
      const [uploading] = readUploadings(body, 'Upload');
      if (!uploading) throw new MetricaNetworkError('Upload: the reply lists no upload');
      return uploading;
    },

    async getUploading(counterId, id, o = {}) {
      const path = `${counterPath(counterId)}/uploading/${encodeURIComponent(String(id))}`;
      const [uploading] = readUploadings(
        await request('GET', path, `Upload ${id} status`, undefined, o.signal),
        'Status',
      );
      if (!uploading) throw new MetricaNetworkError(`Upload ${id} status: the reply lists no upload`);
      return uploading;
    },

    async listUploadings(counterId, o = {}) {
      // The list's `type` defaults to BASIC (findAll_1): without it no chat upload is listed.
      const path = `${counterPath(counterId)}/uploadings?type=CHATS`;
      return readUploadings(await request('GET', path, 'Upload list', undefined, o.signal), 'Upload list');
    },

    async waitForUpload(counterId, id, o = {}) {
      const deadline = Date.now() + (o.timeoutMs ?? 3 * 3600_000);
      let interval = o.intervalMs ?? 2000;
      const maxInterval = o.maxIntervalMs ?? 60_000;
      for (;;) {
        const uploading = await this.getUploading(counterId, id, { signal: o.signal });
        o.onStatus?.(uploading);
        const final = FINAL[uploading.status];
        if (final) return { outcome: final, uploading };
        // A status Metrica has not documented is reported as it is, never taken for success.
        if (!IN_PROGRESS.has(uploading.status)) return { outcome: 'unknown', uploading };
        const left = deadline - Date.now();
        if (left <= 0) return { outcome: 'timeout', uploading };
        await defaultSleep(Math.min(interval, left), o.signal);
        interval = Math.min(interval * 2, maxInterval);
      }
    },
  };
}
