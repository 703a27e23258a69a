import { createHash } from 'node:crypto';
import { type ChatPlatform, type ConversionRecord, PARTNER_CSV_COLUMNS } from '../shared/conversion.js';

/**
 * Who a chat is with, and which chat it is for Metrica.
 *
 * Metrica updates a chat conversion when a later upload carries the same key: "DateTime +
 * ChatPlatform + (ChatUsername/ChatUserID/PhoneNumber)… If you change any component of a key, a
 * new conversion will be created". The docs do not say whether the partner part is the one
 * partner ID used or all three columns together. A chat therefore gets its partner columns once,
 * from its first report, and every later row of it carries exactly those columns with exactly those
 * values: then an update replaces the conversion under either reading. Partner IDs learned later
 * (a user ID after a username, a phone after a user ID) are kept for matching and linking, never
 * added to the key.
 */

/** Which partner column an identifier belongs in. */
export type PartnerKind = (typeof PARTNER_CSV_COLUMNS)[number];
export interface PartnerRef {
  kind: PartnerKind;
  value: string;
}

/** A chat's partner identifiers by column; absent ones are left out. */
export interface PartnerIds {
  chatUsername?: string;
  chatUserId?: string;
  phoneNumber?: string;
}

/** The partner identifiers of a chat, in the order used for its local key and for partner lookups. */
export function partnersOf(input: {
  chatUserId?: string | null;
  chatUsername?: string | null;
  phoneNumber?: string | null;
}): PartnerRef[] {
  const refs: PartnerRef[] = [];
  if (input.chatUserId) refs.push({ kind: 'ChatUserID', value: input.chatUserId });
  if (input.chatUsername) refs.push({ kind: 'ChatUsername', value: input.chatUsername });
  if (input.phoneNumber) refs.push({ kind: 'PhoneNumber', value: input.phoneNumber });
  return refs;
}

/**
 * The local key of a chat: its time, platform and first partner identifier at its first report,
 * hashed so that keys (which reach logs and the uploader) never carry a phone number.
 */
export function chatKey(dateTime: number, platform: ChatPlatform, partner: PartnerRef): string {
  return createHash('sha256')
    .update(`${dateTime}\u0000${platform}\u0000${partner.kind}\u0000${partner.value}`)
    .digest('base64url')
    .slice(0, 32);
}

/**
 * Metrica's update key of a CHATS row under the strict reading: DateTime, ChatPlatform and all
 * three partner columns exactly as sent (an empty column is part of the key).
 */
export function strictUpdateKey(row: ConversionRecord): string {
  return [row.DateTime ?? '', row.ChatPlatform ?? '', ...PARTNER_CSV_COLUMNS.map((c) => row[c] ?? '')].join('\u0000');
}

/**
 * Metrica's update keys of a row under the loose reading: one per partner ID present (DateTime,
 * ChatPlatform, the column and its value). Two rows are the same chat when any key is shared.
 */
export function looseUpdateKeys(row: ConversionRecord): string[] {
  return PARTNER_CSV_COLUMNS.filter((c) => row[c]).map((c) =>
    [row.DateTime ?? '', row.ChatPlatform ?? '', c, row[c] ?? ''].join('\u0000'),
  );
}

/** Whether two sets of partner IDs name the same person: any identifier in common, column for column. */
export function sharesPartner(a: PartnerIds, b: PartnerIds): boolean {
  return (
    (a.chatUserId !== undefined && a.chatUserId === b.chatUserId) ||
    (a.chatUsername !== undefined && a.chatUsername === b.chatUsername) ||
    (a.phoneNumber !== undefined && a.phoneNumber === b.phoneNumber)
  );
}
