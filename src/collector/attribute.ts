import { type ChatIdFormat, DEFAULT_FORMAT, extractChatId, parseStartPayload } from '../match/index.js';
import { chatKey, hasMetricaId, partnersOf } from '../storage/rows.js';
import type { ChatAttribution, PartnerRef, Storage, UnattributedReason } from '../storage/types.js';
import type { ChatReport } from './validate.js';

/**
 * Where the chat ID of a chat comes from, in order of trust: given explicitly, a Telegram
 * `/start <payload>`, Viber's `context`, or the first message's text. Pure.
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

// A Viber display name is not unique, so it never carries a partner link.
const linkable = (platform: string, partners: PartnerRef[]): PartnerRef[] =>
  platform === 'viber' ? partners.filter((p) => p.kind !== 'ChatUsername') : partners;

/**
 * Stores a chat and attributes it: its chat ID (found, or linked to its partner earlier) → the
 * latest pairing at or before the chat's time, else the latest one. A found chat ID links the
 * partner for good. An attributed chat is never downgraded by a later report without an ID.
 */
export async function recordChat(
  storage: Storage,
  report: ChatReport,
  // Partner links are dated by the chat itself now; the clock stays in the signature for callers.
  _now: number,
  format: ChatIdFormat = DEFAULT_FORMAT,
  recheck = true,
): Promise<ChatResult> {
  const partners = partnersOf(report);
  const first = partners[0];
  if (!first) throw new Error('a chat needs a partner identifier');
  const key = chatKey(report.dateTime, report.platform, first);
  const found = findChatId(report, format);
  const links = linkable(report.platform, partners);
  // The link is as old as the chat, so re-reporting an older chat does not take the partner back
  // from the chat ID of a newer one.
  if (found) await storage.linkPartner(report.platform, links, found, report.dateTime * 1000);
  // A later report of a stored chat (a CRM adding `answered` or a price) keeps that chat's own ID:
  // the partner may have been linked to a newer chat ID since, which belongs to a later chat.
  const existing = found ? null : await storage.getChat(key);
  const stored = existing?.chatId ?? null;
  const chatId = found ?? stored ?? (await storage.findLinkedChatId(report.platform, links));

  let attribution: ChatAttribution;
  const chatIdSource = found
    ? 'message'
    : stored !== null
      ? (existing?.chatIdSource ?? 'message')
      : chatId === null
        ? null
        : 'partner';
  if (chatId === null) {
    attribution = { chatId: null, chatIdSource, reason: 'no_chat_id' };
  } else {
    // DateTime has whole seconds: a beacon received within the chat's second came before the chat.
    const pairing = await storage.findPairing(chatId, report.dateTime * 1000 + 999);
    if (!pairing) attribution = { chatId, chatIdSource, reason: 'chat_id_not_paired' };
    else if (!hasMetricaId(pairing)) {
      attribution = { chatId, chatIdSource, reason: 'pairing_without_metrica_id' };
    } else {
      attribution = {
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
  }
  // A later report without an ID keeps a matched chat's attribution as it is (its pairing may be
  // purged by now), and never downgrades a chat that has a chat ID.
  const keep =
    existing !== null &&
    (existing.unattributedReason === null || (attribution.reason !== null && existing.chatId !== null));
  const { row, created, changed } = await storage.upsertChat(key, {
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
    ...(keep ? {} : { attribution }),
  });
  // A beacon stored between our findPairing and our write looked for waiting chats before this one
  // existed, and we looked for pairings before it existed. Each side writes, then looks: now that
  // this chat is written, one more look finds any such beacon (the beacon's own look found nothing).
  if (
    recheck &&
    row.chatId !== null &&
    (row.unattributedReason === 'chat_id_not_paired' || row.unattributedReason === 'pairing_without_metrica_id')
  ) {
    const pairing = await storage.findPairing(row.chatId, report.dateTime * 1000 + 999);
    if (pairing && hasMetricaId(pairing)) {
      const again = await recordChat(storage, report, _now, format, false);
      return { ...again, created: created || again.created, changed: true };
    }
  }
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
