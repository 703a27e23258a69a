import { hasMetricaId } from '../domain/index.js';
import { SAME_VISIT_MS } from '../domain/visit.js';
import {
  type ChatIdCandidate,
  type ChatIdFormat,
  DEFAULT_FORMAT,
  findChatIds,
  parseStartPayload,
} from '../match/index.js';
import type {
  ChatAttribution,
  ChatIdSource,
  ChatInput,
  ChatRow,
  Pairing,
  PairingInput,
  PartnerRef,
  UnattributedReason,
} from '../storage/types.js';
import type { ChatReport } from './validate.js';

/**
 * The attribution decision, pure: given what the chat says and what the database holds, which chat
 * ID it has, which pairing attributes it, and what is stored. `attribute.ts` does the lookups.
 */

/**
 * Every chat ID a chat carries, from the first place that has any, in order of trust: given
 * explicitly, a Telegram `/start <payload>`, Viber's `context`, or the first message's text.
 */
export function findChatIdCandidates(
  report: Pick<ChatReport, 'chatId' | 'text' | 'context'>,
  format: ChatIdFormat = DEFAULT_FORMAT,
): ChatIdCandidate[] {
  if (report.chatId) return [{ id: report.chatId, repair: null }];
  if (report.text !== undefined) {
    const payload = parseStartPayload(report.text);
    if (payload !== null) return findChatIds(payload, format);
  }
  if (report.context) {
    const found = findChatIds(report.context, format);
    if (found.length > 0) return found;
  }
  return report.text === undefined ? [] : findChatIds(report.text, format);
}

/** The single chat ID a chat carries, or null when it carries none or several. */
export function findChatId(
  report: Pick<ChatReport, 'chatId' | 'text' | 'context'>,
  format: ChatIdFormat = DEFAULT_FORMAT,
): string | null {
  const candidates = findChatIdCandidates(report, format);
  return candidates.length === 1 ? (candidates[0] as ChatIdCandidate).id : null;
}

/** A chat ID the message carried, with its latest pairing at or before the chat (else its latest one). */
export interface PairedCandidate extends ChatIdCandidate {
  pairing: Pairing | null;
}

/**
 * Chooses between several chat IDs in one message (a forwarded or pasted message carries someone
 * else's tag beside the visitor's own): the only one that has a pairing; if several do, the one
 * whose page view is latest before the chat, which is the visit the chat came from. Null when that
 * is still not clear (no pairing at all, several only after the chat, or two page views at the
 * same moment): the chat stays unattributed rather than credited to a guess.
 */
export function chooseAmongCandidates(candidates: readonly PairedCandidate[], cutoff: number): PairedCandidate | null {
  const paired = candidates.filter((c) => c.pairing !== null);
  if (paired.length <= 1) return paired[0] ?? null;
  const before = paired
    .filter((c) => (c.pairing as Pairing).receivedAt <= cutoff)
    .sort((a, b) => (b.pairing as Pairing).receivedAt - (a.pairing as Pairing).receivedAt);
  const [latest, next] = before;
  if (!latest) return null;
  if (next && (next.pairing as Pairing).receivedAt === (latest.pairing as Pairing).receivedAt) return null;
  return latest;
}

export { SAME_VISIT_MS };

type CreditedIds = Partial<Record<'clientId' | 'userId' | 'yclid' | 'purchaseId', string | null>>;

/**
 * The Metrica IDs a later, fuller pairing of the same page view adds to a matched chat, or null.
 * The Metrica tag may load late or be blocked at first, so the first beacon carries only the
 * yclid; the same page view's next beacon adds the ClientID (and a site may set the UserID after
 * a login). A later pairing upgrades the chat only when it is within {@link SAME_VISIT_MS} of
 * the pairing the chat was matched with, carries every ID the chat was credited with unchanged,
 * and brings no yclid or PurchaseID the chat lacks (those name another ad click or purchase). It
 * adds a ClientID or UserID and never replaces one; the latest such pairing wins.
 */
export function upgradeOf(
  chat: CreditedIds,
  matchedWith: Pick<Pairing, 'receivedAt'> | null,
  later: ReadonlyArray<Omit<PairingInput, 'chatId'>>,
): { clientId?: string; userId?: string } | null {
  if (!matchedWith) return null;
  let upgrade: { clientId?: string; userId?: string } | null = null;
  for (const p of later) {
    if (p.receivedAt < matchedWith.receivedAt || p.receivedAt > matchedWith.receivedAt + SAME_VISIT_MS) continue;
    const keeps = (['clientId', 'userId', 'yclid', 'purchaseId'] as const).every((k) => !chat[k] || p[k] === chat[k]);
    if (!keeps || (p.yclid && !chat.yclid) || (p.purchaseId && !chat.purchaseId)) continue;
    const adds = {
      ...(!chat.clientId && p.clientId ? { clientId: p.clientId } : {}),
      ...(!chat.userId && p.userId ? { userId: p.userId } : {}),
    };
    if (Object.keys(adds).length > 0) upgrade = adds;
  }
  return upgrade;
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
