import { type ChatIdFormat, DEFAULT_FORMAT, extractChatId, parseStartPayload } from '../match/index.js';
import { hasMetricaId } from '../storage/rows.js';
import type {
  ChatAttribution,
  ChatIdSource,
  ChatInput,
  ChatRow,
  Pairing,
  PartnerRef,
  UnattributedReason,
} from '../storage/types.js';
import type { ChatReport } from './validate.js';

/**
 * The attribution decision, pure: given what the chat says and what the database holds, which chat
 * ID it has, which pairing attributes it, and what is stored. `attribute.ts` does the lookups.
 */

/**
 * Where the chat ID of a chat comes from, in order of trust: given explicitly, a Telegram
 * `/start <payload>`, Viber's `context`, or the first message's text.
 */
export function findChatId(
  report: Pick<ChatReport, 'chatId' | 'text' | 'context'>,
  format: ChatIdFormat = DEFAULT_FORMAT,
): string | null {
  if (report.chatId) return report.chatId;
  if (report.text !== undefined) {
    const payload = parseStartPayload(report.text);
    if (payload !== null) return extractChatId(payload, format);
  }
  if (report.context) {
    const id = extractChatId(report.context, format);
    if (id) return id;
  }
  return report.text === undefined ? null : extractChatId(report.text, format);
}

/** What `POST /v1/chats` and the webhooks answer. */
export interface ChatResult {
  key: string;
  revision: number;
  created: boolean;
  changed: boolean;
  chatId: string | null;
  matched: { clientId?: string; userId?: string; yclid?: string; purchaseId?: string } | null;
  unattributedReason: UnattributedReason | null;
}

/** A Viber display name is not unique, so it never carries a partner link. */
export const linkablePartners = (platform: string, partners: PartnerRef[]): PartnerRef[] =>
  platform === 'viber' ? partners.filter((p) => p.kind !== 'ChatUsername') : partners;

/**
 * The chat's chat ID and where it came from: found in the chat; else the one the stored chat
 * already has (a CRM adding `answered` keeps it, though the partner may be linked to a newer one
 * since); else the one linked to the partner earlier.
 */
export function chooseChatId(
  found: string | null,
  existing: Pick<ChatRow, 'chatId' | 'chatIdSource'> | null,
  linked: string | null,
): { chatId: string | null; chatIdSource: ChatIdSource | null } {
  if (found) return { chatId: found, chatIdSource: 'message' };
  const stored = existing?.chatId ?? null;
  if (stored !== null) return { chatId: stored, chatIdSource: existing?.chatIdSource ?? 'message' };
  return { chatId: linked, chatIdSource: linked === null ? null : 'partner' };
}

/** The latest pairing at or before a chat's time (DateTime has whole seconds, so up to its last ms). */
export const pairingCutoff = (dateTime: number): number => dateTime * 1000 + 999;

/** The attribution a chat ID and its pairing (if any) give, or why there is none. */
export function attributionOf(
  chatId: string | null,
  chatIdSource: ChatIdSource | null,
  pairing: Pairing | null,
): ChatAttribution {
  if (chatId === null) return { chatId: null, chatIdSource, reason: 'no_chat_id' };
  if (!pairing) return { chatId, chatIdSource, reason: 'chat_id_not_paired' };
  if (!hasMetricaId(pairing)) return { chatId, chatIdSource, reason: 'pairing_without_metrica_id' };
  return {
    chatId,
    chatIdSource,
    reason: null,
    ...(pairing.clientId ? { clientId: pairing.clientId } : {}),
    ...(pairing.userId ? { userId: pairing.userId } : {}),
    ...(pairing.yclid ? { yclid: pairing.yclid } : {}),
    ...(pairing.purchaseId ? { purchaseId: pairing.purchaseId } : {}),
    ...(pairing.url ? { url: pairing.url } : {}),
  };
}

/**
 * A later report without an ID keeps a matched chat's attribution as it is (its pairing may be
 * purged by now), and never downgrades a chat that has a chat ID.
 */
export function keepsStoredAttribution(
  existing: Pick<ChatRow, 'chatId' | 'unattributedReason'> | null,
  attribution: Pick<ChatAttribution, 'reason'>,
): boolean {
  return (
    existing !== null &&
    (existing.unattributedReason === null || (attribution.reason !== null && existing.chatId !== null))
  );
}

/** What is written for the report: its fields, and the attribution unless the stored one stays. */
export function chatInputOf(report: ChatReport, attribution: ChatAttribution | null): ChatInput {
  return {
    dateTime: report.dateTime,
    platform: report.platform,
    ...(report.chatUsername ? { chatUsername: report.chatUsername } : {}),
    ...(report.chatUserId ? { chatUserId: report.chatUserId } : {}),
    ...(report.phoneNumber ? { phoneNumber: report.phoneNumber } : {}),
    ...(report.answered !== undefined ? { answered: report.answered } : {}),
    ...(report.tags ? { tags: report.tags } : {}),
    ...(report.price ? { price: report.price } : {}),
    ...(report.currency ? { currency: report.currency } : {}),
    ...(report.messengerTrackerUrl ? { messengerTrackerUrl: report.messengerTrackerUrl } : {}),
    ...(attribution === null ? {} : { attribution }),
  };
}

/** A stored chat with a chat ID that still waits for its pairing's Metrica IDs. */
export const awaitsPairing = (row: Pick<ChatRow, 'chatId' | 'unattributedReason'>): boolean =>
  row.chatId !== null &&
  (row.unattributedReason === 'chat_id_not_paired' || row.unattributedReason === 'pairing_without_metrica_id');

/** The answer for a stored chat. */
export function chatResultOf(row: ChatRow, created: boolean, changed: boolean): ChatResult {
  const ids = {
    ...(row.clientId ? { clientId: row.clientId } : {}),
    ...(row.userId ? { userId: row.userId } : {}),
    ...(row.yclid ? { yclid: row.yclid } : {}),
    ...(row.purchaseId ? { purchaseId: row.purchaseId } : {}),
  };
  return {
    key: row.key,
    revision: row.revision,
    created,
    changed,
    chatId: row.chatId,
    matched: row.unattributedReason === null ? ids : null,
    unattributedReason: row.unattributedReason,
  };
}
