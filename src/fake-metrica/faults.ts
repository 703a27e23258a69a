/**
 * Faults the fake Metrica can be told to suffer, and the error replies of its API. Marks as in
 * server.ts: [D] documented, [Y] shown by Yandex's API tests, [I] inferred.
 */

/** Faults the next requests suffer, whatever route they ask for. */
export type FaultKind =
  /** 429 quota_requests_by_ip with `Retry-After`. */
  | '429'
  /** 429 quota_parallel_requests without `Retry-After`. */
  | '429-no-retry-after'
  /** 429 quota_requests_by_uid: the daily quota is used up. */
  | 'daily-quota'
  /** 429 quota_requests_by_counter_id: the counter's daily quota is used up. */
  | 'counter-daily-quota'
  /** 420 quota_requests_by_ip: the status the English quotas page names (the Russian one says 429). */
  | '420'
  | '500'
  | '503'
  /** The connection is destroyed before the request is handled. */
  | 'reset'
  /** The request is handled, but the reply comes only after `slowMs`. */
  | 'slow'
  /** The request is handled, but the reply body is cut-off JSON. */
  | 'malformed-json';

/** Metrica's error body [D]: `{"errors":[{"error_type","message"}],"code","message"}`. */
export function metricaError(status: number, errorType: string, message: string): [number, unknown] {
  return [status, { errors: [{ error_type: errorType, message }], code: status, message }];
}

const QUOTA_TYPES: Partial<Record<FaultKind, string>> = {
  '429': 'quota_requests_by_ip',
  '420': 'quota_requests_by_ip',
  '429-no-retry-after': 'quota_parallel_requests',
  'daily-quota': 'quota_requests_by_uid',
  'counter-daily-quota': 'quota_requests_by_counter_id',
};

/**
 * The reply an error fault gives instead of handling the request (Metrica stores nothing on a 429
 * or 5xx); null for faults that let the request through (`slow`, `malformed-json`) or none.
 */
export function faultReply(
  fault: FaultKind | undefined,
  retryAfterSeconds: number,
): { status: number; body: unknown; headers: Record<string, string> } | null {
  const quota = fault ? QUOTA_TYPES[fault] : undefined;
  if (quota) {
    // [D] the quota types; [I] the English page's 420 is the same quota as the Russian page's 429.
    const [status, body] = metricaError(fault === '420' ? 420 : 429, quota, 'Превышена квота на количество запросов');
    return { status, body, headers: fault === '429' ? { 'retry-after': String(retryAfterSeconds) } : {} };
  }
  if (fault === '500') {
    const [status, body] = metricaError(500, 'backend_error', 'Internal error');
    return { status, body, headers: {} };
  }
  if (fault === '503') {
    const [status, body] = metricaError(503, 'backend_error', 'Сервис временно недоступен, попробуйте позже');
    return { status, body, headers: {} };
  }
  return null;
}
