/** Errors of the Metrica API client; none of them ever carries the OAuth token. */
/** One entry of Metrica's error body: `{"errors":[{"error_type","message","location"}],"code","message"}`. */
export interface MetricaErrorDetail {
    error_type: string;
    message: string;
    location?: string;
}
/** Metrica answered with an error (or a reply that is not what its API returns). */
export declare class MetricaApiError extends Error {
    name: string;
    /** HTTP status of the reply. */
    readonly status: number;
    /** `code` of Metrica's error body (the HTTP status it meant), when it sent one. */
    readonly code: number | undefined;
    /** `error_type` of Metrica's first error, e.g. `invalid_token`, `quota_requests_by_ip`. */
    readonly error_type: string | undefined;
    /** Metrica's own message, unchanged (often in Russian). */
    readonly metricaMessage: string;
    readonly errors: readonly MetricaErrorDetail[];
    /** Whether sending the same request again may succeed (429, 5xx). */
    readonly retryable: boolean;
    /** `Retry-After` of the reply, in milliseconds. */
    readonly retryAfterMs: number | undefined;
    constructor(init: {
        status: number;
        code?: number | undefined;
        errorType?: string | undefined;
        metricaMessage: string;
        errors?: readonly MetricaErrorDetail[];
        retryable: boolean;
        retryAfterMs?: number | undefined;
        what: string;
    });
}
/** The per-user daily request quota is used up; nothing will succeed before 00:00 UTC. */
export declare class QuotaExhaustedError extends MetricaApiError {
    name: string;
}
/** No usable reply: connection refused or reset, a timeout, or a body that is not JSON. */
export declare class MetricaNetworkError extends Error {
    name: string;
    readonly retryable = true;
    /** The system error code when there is one, e.g. ECONNRESET. */
    readonly code: string | undefined;
    constructor(message: string, code?: string);
}
