import { MetricaNetworkError } from './errors.js';

/** Reading Metrica's replies: upload records, `Retry-After`, and IDs too long for a float. */

/** Metrica's record of one upload (`OfflineConversionUploading`). */
export interface Uploading {
  /** The upload ID, kept as text: it is an int64 and must not pass through a float. */
  id: string;
  status: string;
  create_time?: string;
  source_quantity?: number;
  line_quantity?: number;
  linked_quantity?: number;
  user_not_found_quantity?: number;
  comment?: string;
  type?: string;
  client_id_type?: string;
}

/** `Retry-After` as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** JSON with 16+ digit `id` values read as strings, so an int64 upload ID keeps every digit. */
export function parseJson(text: string): unknown {
  return JSON.parse(text.replace(/"id"\s*:\s*(\d{16,})/g, '"id":"$1"'));
}

function toUploading(raw: unknown, what: string): Uploading {
  const o = raw as Record<string, unknown> | null;
  if (!o || typeof o !== 'object' || (typeof o.id !== 'number' && typeof o.id !== 'string')) {
    throw new MetricaNetworkError(`${what}: the reply has no upload object with an id`);
  }
  const num = (k: string): number | undefined => (typeof o[k] === 'number' ? (o[k] as number) : undefined);
  const str = (k: string): string | undefined => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  const u: Uploading = { id: String(o.id), status: str('status') ?? 'UNKNOWN' };
  for (const k of ['create_time', 'comment', 'type', 'client_id_type'] as const) {
    const v = str(k);
    if (v !== undefined) u[k] = v;
  }
  for (const k of ['source_quantity', 'line_quantity', 'linked_quantity', 'user_not_found_quantity'] as const) {
    const v = num(k);
    if (v !== undefined) u[k] = v;
  }
  return u;
}

/** Reads either reply shape Metrica documents: `{"uploading": {…}}` or `{"uploadings": [{…}]}`. */
export function readUploadings(body: unknown, what: string): Uploading[] {
  const o = body as { uploading?: unknown; uploadings?: unknown } | null;
  if (o && typeof o === 'object') {
    if (Array.isArray(o.uploadings)) return o.uploadings.map((u) => toUploading(u, what));
    if (o.uploading !== undefined) return [toUploading(o.uploading, what)];
  }
  throw new MetricaNetworkError(`${what}: the reply has neither \`uploading\` nor \`uploadings\``);
}
