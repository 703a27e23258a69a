/**
 * Faults the fake Metrica can be told to suffer, and the error replies of its API. Marks as in
 * server.ts: [D] documented, [Y] shown by Yandex's API tests, [I] inferred.
 */
/** Faults the next requests suffer, whatever route they ask for. */
export type FaultKind = 
/** 429 quota_requests_by_ip with `Retry-After`. */
'429'
/** 429 quota_parallel_requests without `Retry-After`. */
 | '429-no-retry-after'
/** 429 quota_requests_by_uid: the daily quota is used up. */
 | 'daily-quota'
/** 429 quota_requests_by_counter_id: the counter's daily quota is used up. */
 | 'counter-daily-quota'
/** 420 quota_requests_by_ip: the status the English quotas page names (the Russian one says 429). */
 | '420' | '500' | '503'
/** The connection is destroyed before the request is handled. */
 | 'reset'
/** The request is handled, but the reply comes only after `slowMs`. */
 | 'slow'
/** The request is handled, but the reply body is cut-off JSON. */
 | 'malformed-json';
/** Metrica's error body [D]: `{"errors":[{"error_type","message"}],"code","message"}`. */
export declare function metricaError(status: number, errorType: string, message: string): [number, unknown];
/**
 * The reply an error fault gives instead of handling the request (Metrica stores nothing on a 429
 * or 5xx); null for faults that let the request through (`slow`, `malformed-json`) or none.
 */
export declare function faultReply(fault: FaultKind | undefined, retryAfterSeconds: number): {
    status: number;
    body: unknown;
    headers: Record<string, string>;
} | null;
