import { UTM_KEYS } from '../shared/utm.js';
import type { ColumnSpec, SqlValue } from './sql.js';
import { toNumber } from './sql.js';
import type { Pairing, PairingInput } from './types.js';

/** A `pairings` row as the database returns it (PostgreSQL bigints may come back as strings). */
export interface PairingColumns {
  id: number | string;
  chat_id: string;
  client_id: string | null;
  yclid: string | null;
  user_id: string | null;
  purchase_id: string | null;
  counter_id: string | null;
  url: string | null;
  referrer: string | null;
  platform: string | null;
  ts: number | string | null;
  received_at: number | string;
  link: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_content: string | null;
  utm_term: string | null;
}

export function pairingFromColumns(c: PairingColumns): Pairing {
  const p: Pairing = { id: toNumber(c.id), chatId: c.chat_id, receivedAt: toNumber(c.received_at) };
  if (c.client_id !== null) p.clientId = c.client_id;
  if (c.yclid !== null) p.yclid = c.yclid;
  if (c.user_id !== null) p.userId = c.user_id;
  if (c.purchase_id !== null) p.purchaseId = c.purchase_id;
  if (c.counter_id !== null) p.counterId = c.counter_id;
  if (c.url !== null) p.url = c.url;
  if (c.referrer !== null) p.referrer = c.referrer;
  if (c.platform !== null) p.platform = c.platform as Pairing['platform'];
  if (c.ts !== null) p.ts = toNumber(c.ts);
  if (c.link !== null) p.link = c.link;
  for (const key of UTM_KEYS) {
    const value = c[key];
    if (value !== null) p.utm = { ...p.utm, [key]: value };
  }
  return p;
}

/** The columns a new pairing fills, in the order of {@link pairingValues}. */
export const PAIRING_INSERT_COLUMNS: readonly ColumnSpec[] = [
  ['chat_id', 'TEXT'],
  ['client_id', 'TEXT'],
  ['yclid', 'TEXT'],
  ['user_id', 'TEXT'],
  ['purchase_id', 'TEXT'],
  ['counter_id', 'TEXT'],
  ['url', 'TEXT'],
  ['referrer', 'TEXT'],
  ['platform', 'TEXT'],
  ['ts', 'BIGINT'],
  ['received_at', 'BIGINT'],
  ['link', 'TEXT'],
  ...UTM_KEYS.map((key): ColumnSpec => [key, 'TEXT']),
];

export const orNull = (x: string | number | undefined): SqlValue => x ?? null;

export function pairingValues(p: PairingInput): SqlValue[] {
  return [
    p.chatId,
    orNull(p.clientId),
    orNull(p.yclid),
    orNull(p.userId),
    orNull(p.purchaseId),
    orNull(p.counterId),
    orNull(p.url),
    orNull(p.referrer),
    orNull(p.platform),
    orNull(p.ts),
    p.receivedAt,
    orNull(p.link),
    ...UTM_KEYS.map((key) => orNull(p.utm?.[key])),
  ];
}
