import { COMMENT_MAX_LENGTH } from '../domain/index.js';
import { type RetryEvent, type RetryOptions } from './backoff.js';
import { type PacerOptions } from './pacer.js';
import { type Uploading } from './replies.js';
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
    upload(counterId: string | number, csv: Blob | string, options?: {
        comment?: string;
        signal?: AbortSignal;
    }): Promise<Uploading>;
    getUploading(counterId: string | number, id: string | number, options?: {
        signal?: AbortSignal;
    }): Promise<Uploading>;
    listUploadings(counterId: string | number, options?: {
        signal?: AbortSignal;
    }): Promise<Uploading[]>;
    waitForUpload(counterId: string | number, id: string | number, options?: WaitOptions): Promise<{
        outcome: WaitOutcome;
        uploading: Uploading;
    }>;
}
export declare const DEFAULT_API_URL = "https://api-metrika.yandex.net";
export { COMMENT_MAX_LENGTH };
/** The slowest upstream an upload is given time for: 0.5 MB/s (a 1 GB file gets about 33 minutes more). */
export declare const UPLOAD_BYTES_PER_SECOND = 500000;
/**
 * A client for Metrica's CHATS upload API. Retries what may succeed later (429, 5xx, timeouts,
 * resets, garbled replies) with exponential backoff and jitter, never other 4xx; re-sending an
 * upload is safe because Metrica updates a chat with the same DateTime + ChatPlatform + partner.
 */
export declare function createMetricaClient(options: MetricaClientOptions): MetricaClient;
