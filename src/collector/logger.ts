/**
 * Structured logs: one JSON object per line. Values pass through `mask` so that phone numbers,
 * bearer tokens and the webhook secret never reach a log in clear.
 */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Hides secrets and phone-number-like digit runs in a string. */
export function mask(value: string, secrets: readonly string[] = []): string {
  let out = value;
  for (const s of secrets) if (s) out = out.split(s).join('***');
  return out.replace(/(Bearer\s+)\S+/gi, '$1***').replace(/\+?\d[\d\s().-]{5,}\d/g, (m) => {
    const digits = m.replace(/\D/g, '');
    return digits.length >= 7 ? `***${digits.slice(-2)}` : m;
  });
}

export function jsonLogger(
  write: (line: string) => void = (l) => process.stdout.write(l),
  secrets: readonly string[] = [],
): Logger {
  const log = (level: string, msg: string, fields: Record<string, unknown> = {}) => {
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, msg: mask(msg, secrets) };
    for (const [k, v] of Object.entries(fields)) entry[k] = typeof v === 'string' ? mask(v, secrets) : v;
    write(`${JSON.stringify(entry)}\n`);
  };
  return {
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** Bounds the keys remembered, so odd payloads cannot grow memory without end. */
const ONCE_KEYS = 1000;

/** A warning logged once per key per process (then silently counted as seen). */
export function onceLogger(log: Logger): (key: string, msg: string, fields: Record<string, unknown>) => void {
  const seen = new Set<string>();
  return (key, msg, fields) => {
    if (seen.has(key) || seen.size >= ONCE_KEYS) return;
    seen.add(key);
    log.warn(msg, fields);
  };
}
