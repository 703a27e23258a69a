import type { PartnerKind } from '../domain/index.js';
import type { ChatPlatform, ConversionRecord } from '../shared/conversion.js';
import type { ChatIdRepair, ChatIdSource, ChatInput, ChatRow, UnattributedReason } from './types.js';

/**
 * Pure row logic shared by both adapters: merging a report into a stored row, and turning a row
 * into the CHATS record. The rules of a chat (its key, its partner, its values) live in `domain/`;
 * adapters only move these values in and out of SQL.
 */

export { chatKey, hasMetricaId, partnersOf } from '../domain/index.js';

/** Column values of a chat row in the database, snake_case, as both dialects store them. */
export interface ChatColumns {
  key: string;
  revision: number;
  uploaded_revision: number | null;
  date_time: number;
  platform: string;
  chat_username: string | null;
  chat_user_id: string | null;
  phone_number: string | null;
  answered: number | null;
  tags: string | null;
  price: string | null;
  currency: string | null;
  messenger_tracker_url: string | null;
  chat_id: string | null;
  chat_id_source: string | null;
  client_id: string | null;
  user_id: string | null;
  yclid: string | null;
  purchase_id: string | null;
  url: string | null;
  unattributed_reason: string | null;
  chat_id_repair: string | null;
  chat_id_count: number | string | null;
  upgraded_at: number | string | null;
  created_at: number;
  updated_at: number;
}

/** The chats column that holds each kind of partner identifier. */
export const PARTNER_DB_COLUMN = {
  ChatUserID: 'chat_user_id',
  ChatUsername: 'chat_username',
  PhoneNumber: 'phone_number',
} as const satisfies Record<PartnerKind, keyof ChatColumns>;

export const CHAT_COLUMNS: ReadonlyArray<keyof ChatColumns> = [
  'key',
  'revision',
  'uploaded_revision',
  'date_time',
  'platform',
  'chat_username',
  'chat_user_id',
  'phone_number',
  'answered',
  'tags',
  'price',
  'currency',
  'messenger_tracker_url',
  'chat_id',
  'chat_id_source',
  'client_id',
  'user_id',
  'yclid',
  'purchase_id',
  'url',
  'unattributed_reason',
  'chat_id_repair',
  'chat_id_count',
  'upgraded_at',
  'created_at',
  'updated_at',
];

// Columns whose change is a change of the chat (and so of what Metrica must receive). Where and
// how the chat ID was found, and when it was upgraded, are bookkeeping for the report.
const BOOKKEEPING_COLUMNS: ReadonlyArray<keyof ChatColumns> = [
  'key',
  'revision',
  'uploaded_revision',
  'created_at',
  'updated_at',
  'chat_id_source',
  'chat_id_repair',
  'chat_id_count',
  'upgraded_at',
];
const CONTENT_COLUMNS = CHAT_COLUMNS.filter((c) => !BOOKKEEPING_COLUMNS.includes(c));

const num = (v: unknown): number => (typeof v === 'string' ? Number(v) : (v as number));

/** Reads a database row (numbers may come back as strings from PostgreSQL bigint) into a ChatRow. */
export function rowFromColumns(c: ChatColumns): ChatRow {
  return {
    key: c.key,
    revision: num(c.revision),
    uploadedRevision: c.uploaded_revision === null ? null : num(c.uploaded_revision),
    dateTime: num(c.date_time),
    platform: c.platform as ChatPlatform,
    chatUsername: c.chat_username,
    chatUserId: c.chat_user_id,
    phoneNumber: c.phone_number,
    answered: c.answered === null ? null : num(c.answered) === 1,
    tags: c.tags,
    price: c.price,
    currency: c.currency,
    messengerTrackerUrl: c.messenger_tracker_url,
    chatId: c.chat_id,
    chatIdSource: c.chat_id_source as ChatIdSource | null,
    clientId: c.client_id,
    userId: c.user_id,
    yclid: c.yclid,
    purchaseId: c.purchase_id,
    url: c.url,
    unattributedReason: c.unattributed_reason as UnattributedReason | null,
    chatIdRepair: c.chat_id_repair as ChatIdRepair | null,
    chatIdCount: c.chat_id_count === null ? null : num(c.chat_id_count),
    upgradedAt: c.upgraded_at === null ? null : num(c.upgraded_at),
    createdAt: num(c.created_at),
    updatedAt: num(c.updated_at),
  };
}

function columnsFromRow(r: ChatRow): ChatColumns {
  return {
    key: r.key,
    revision: r.revision,
    uploaded_revision: r.uploadedRevision,
    date_time: r.dateTime,
    platform: r.platform,
    chat_username: r.chatUsername,
    chat_user_id: r.chatUserId,
    phone_number: r.phoneNumber,
    answered: r.answered === null ? null : r.answered ? 1 : 0,
    tags: r.tags,
    price: r.price,
    currency: r.currency,
    messenger_tracker_url: r.messengerTrackerUrl,
    chat_id: r.chatId,
    chat_id_source: r.chatIdSource,
    client_id: r.clientId,
    user_id: r.userId,
    yclid: r.yclid,
    purchase_id: r.purchaseId,
    url: r.url,
    unattributed_reason: r.unattributedReason,
    chat_id_repair: r.chatIdRepair,
    chat_id_count: r.chatIdCount,
    upgraded_at: r.upgradedAt,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}

/**
 * Merges a report into the stored row (or makes a new one). Fields absent from the report keep
 * their stored value, so a CRM can send `answered` or `price` later on its own. Returns the
 * columns to write and whether the chat changed; an unchanged chat keeps its revision so a repeated
 * report is not uploaded again.
 */
export function mergeChat(
  key: string,
  existing: ChatColumns | null,
  input: ChatInput,
  now: number,
): { columns: ChatColumns; changed: boolean } {
  const pick = <T>(v: T | undefined, old: T | null | undefined): T | null => (v === undefined ? (old ?? null) : v);
  // Once uploaded, the partner columns are the chat's Metrica key (domain/identity.ts): a later
  // report that adds a user ID or a phone number must not change them, or the update becomes a
  // second conversion under the strict reading of the key.
  const frozen = existing !== null && existing.uploaded_revision !== null;
  const partner = <T>(v: T | undefined, old: T | null | undefined): T | null => (frozen ? (old ?? null) : pick(v, old));
  const a = input.attribution;
  const next: ChatColumns = {
    key,
    revision: existing ? num(existing.revision) : 1,
    uploaded_revision: existing ? existing.uploaded_revision : null,
    date_time: input.dateTime,
    platform: input.platform,
    chat_username: partner(input.chatUsername, existing?.chat_username),
    chat_user_id: partner(input.chatUserId, existing?.chat_user_id),
    phone_number: partner(input.phoneNumber, existing?.phone_number),
    answered: input.answered === undefined ? (existing?.answered ?? null) : input.answered ? 1 : 0,
    tags: pick(input.tags, existing?.tags),
    price: pick(input.price, existing?.price),
    currency: pick(input.currency, existing?.currency),
    messenger_tracker_url: pick(input.messengerTrackerUrl, existing?.messenger_tracker_url),
    chat_id: a ? a.chatId : (existing?.chat_id ?? null),
    chat_id_source: a ? (a.chatIdSource ?? (a.chatId === null ? null : 'message')) : (existing?.chat_id_source ?? null),
    client_id: a ? (a.clientId ?? null) : (existing?.client_id ?? null),
    user_id: a ? (a.userId ?? null) : (existing?.user_id ?? null),
    yclid: a ? (a.yclid ?? null) : (existing?.yclid ?? null),
    purchase_id: a ? (a.purchaseId ?? null) : (existing?.purchase_id ?? null),
    url: a ? (a.url ?? null) : (existing?.url ?? null),
    unattributed_reason: a ? a.reason : existing ? existing.unattributed_reason : 'no_chat_id',
    chat_id_repair: a ? (a.repair ?? null) : (existing?.chat_id_repair ?? null),
    chat_id_count: a ? (a.idCount ?? null) : (existing?.chat_id_count ?? null),
    // A new attribution starts from its own pairing; only upgradeChat records an upgrade.
    upgraded_at: a ? null : (existing?.upgraded_at ?? null),
    created_at: existing ? num(existing.created_at) : now,
    updated_at: existing ? num(existing.updated_at) : now,
  };
  if (!existing) return { columns: next, changed: true };
  const changed = CONTENT_COLUMNS.some((c) => normalize(next[c]) !== normalize(existing[c]));
  if (changed) {
    next.revision += 1;
    next.updated_at = now;
  }
  return { columns: next, changed };
}

// PostgreSQL returns bigint as a string; compare everything as text so no digit is lost.
const normalize = (v: unknown): unknown => (typeof v === 'number' ? String(v) : v);

/** The CHATS record of a row: column-named strings, absent keys for empty cells. */
export function recordOf(row: ChatRow): ConversionRecord {
  const r: ConversionRecord = {};
  const set = (k: keyof ConversionRecord, v: string | null) => {
    if (v !== null && v !== '') r[k] = v;
  };
  set('ClientID', row.clientId);
  set('UserID', row.userId);
  set('Yclid', row.yclid);
  set('PurchaseID', row.purchaseId);
  set('DateTime', String(row.dateTime));
  set('ChatPlatform', row.platform);
  set('ChatUsername', row.chatUsername);
  set('ChatUserID', row.chatUserId);
  set('PhoneNumber', row.phoneNumber);
  set('ChatAnswered', row.answered === null ? null : row.answered ? '1' : '0');
  set('Tag', row.tags);
  set('Price', row.price);
  set('Currency', row.currency);
  set('URL', row.url);
  set('MessengerTrackerURL', row.messengerTrackerUrl);
  return r;
}

export { columnsFromRow };
