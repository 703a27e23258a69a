import { type ChatIdFormat, DEFAULT_FORMAT } from '../match/index.js';
import { chatKey, hasMetricaId, partnersOf } from '../storage/rows.js';
import type { Storage } from '../storage/types.js';
import {
  attributionOf,
  awaitsPairing,
  type ChatResult,
  chatInputOf,
  chatResultOf,
  chooseChatId,
  findChatId,
  keepsStoredAttribution,
  linkablePartners,
  pairingCutoff,
} from './attribution.js';
import type { ChatReport } from './validate.js';

export { type ChatResult, findChatId } from './attribution.js';

/**
 * Stores a chat and attributes it: its chat ID (found, or linked to its partner earlier) → the
 * latest pairing at or before the chat's time, else the latest one. A found chat ID links the
 * partner for good. An attributed chat is never downgraded by a later report without an ID.
 * The decisions are in attribution.ts; this does the lookups and the writes around them.
 */
export async function recordChat(
  storage: Storage,
  report: ChatReport,
  format: ChatIdFormat = DEFAULT_FORMAT,
): Promise<ChatResult> {
  if (typeof format !== 'object' || format === null) {
    // The third parameter was once an unused clock; a number here is a call written for that.
    throw new TypeError(
      `recordChat(storage, report, format): format must be a chat-ID format object, got ${JSON.stringify(format)}`,
    );
  }
  return storeAndAttribute(storage, report, format, true);
}

async function storeAndAttribute(
  storage: Storage,
  report: ChatReport,
  format: ChatIdFormat,
  recheck: boolean,
): Promise<ChatResult> {
  const partners = partnersOf(report);
  const first = partners[0];
  if (!first) throw new Error('a chat needs a partner identifier');
  const key = chatKey(report.dateTime, report.platform, first);
  const found = findChatId(report, format);
  const links = linkablePartners(report.platform, partners);
  // The link is as old as the chat, so re-reporting an older chat does not take the partner back
  // from the chat ID of a newer one.
  if (found) await storage.linkPartner(report.platform, links, found, report.dateTime * 1000);
  const existing = found ? null : await storage.getChat(key);
  const linked = found || existing?.chatId ? null : await storage.findLinkedChatId(report.platform, links);
  const { chatId, chatIdSource } = chooseChatId(found, existing, linked);
  const pairing = chatId === null ? null : await storage.findPairing(chatId, pairingCutoff(report.dateTime));
  const attribution = attributionOf(chatId, chatIdSource, pairing);
  const keep = keepsStoredAttribution(existing, attribution);
  const { row, created, changed } = await storage.upsertChat(key, chatInputOf(report, keep ? null : attribution));
  // A beacon stored between our findPairing and our write looked for waiting chats before this one
  // existed, and we looked for pairings before it existed. Each side writes, then looks: now that
  // this chat is written, one more look finds any such beacon (the beacon's own look found nothing).
  if (recheck && awaitsPairing(row)) {
    const late = await storage.findPairing(row.chatId as string, pairingCutoff(report.dateTime));
    if (late && hasMetricaId(late)) {
      const again = await storeAndAttribute(storage, report, format, false);
      return { ...again, created: created || again.created, changed: true };
    }
  }
  return chatResultOf(row, created, changed);
}
