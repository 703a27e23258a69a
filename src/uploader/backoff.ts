/**
 * How long the client waits before retrying: Metrica's Retry-After when it sent one (cut to a
 * cap), else exponential backoff with jitter (base × 1–2, as p-retry's `randomize`). Computed
 * here rather than inside p-retry so that the wait can be announced before it starts.
 */

export interface RetryOptions {
  /** Retries after the first attempt (default 6). */
  retries?: number;
  /** First backoff delay in ms (default 1000); doubled each time, with jitter. */
  minTimeout?: number;
  /** Longest backoff delay in ms (default 60 000). */
  maxTimeout?: number;
  factor?: number;
  /** Longest `Retry-After` honoured, in ms (default 120 000); a longer one is cut to this. */
  retryAfterCapMs?: number;
  /** Waits between attempts; replaceable so tests need not wait for real. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** A failed attempt about to be retried: `what` was being done (`Upload`), attempt n of `attempts`. */
export interface RetryEvent {
  what: string;
  attempt: number;
  attempts: number;
  error: Error;
  /** Time until the next attempt: Metrica's Retry-After, or the backoff with jitter. */
  delayMs: number;
}

/** The wait before the attempt after `attemptNumber` (from 1) failed, in ms. */
export function retryDelay(retry: RetryOptions, attemptNumber: number, retryAfterMs: number | undefined): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, retry.retryAfterCapMs ?? 120_000);
  const base = Math.min(
    (retry.minTimeout ?? 1000) * (retry.factor ?? 2) ** (attemptNumber - 1),
    retry.maxTimeout ?? 60_000,
  );
  return Math.round(base * (1 + Math.random()));
}
