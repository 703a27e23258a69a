import { chatKey, hasMetricaId, partnersOf } from '../domain/index.js';
import { type ChatIdCandidate, type ChatIdFormat, DEFAULT_FORMAT } from '../match/index.js';
import type { ChatAttribution, ChatRow, Pairing, PairingInput, Storage } from '../storage/types.js';
import {
  attributionOf,
  awaitsPairing,
  type ChatResult,
  chatInputOf,
  chatResultOf,
  chooseAmongCandidates,
  chooseChatId,
  findChatIdCandidates,
  keepsStoredAttribution,
  linkablePartners,
  pairingCutoff,
  SAME_VISIT_MS,
  upgradeOf,
} from './attribution.js';
import type { ChatReport } from './validate.js';

export { type ChatResult, findChatId, findChatIdCandidates } from './attribution.js';

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

/** The chat ID a chat's own message settles on, or why several could not be settled. */
interface Found {
  chatId: string | null;
  repair: ChatIdCandidate['repair'];
  /** How many different chat IDs the message carried. */
  count: number;
  /** Its pairing, when choosing between several looked it up already. */
  pairing?: Pairing | null;
}

/** Reads the chat's chat IDs; between several, the one whose pairing says it is the visitor's. */
async function findInChat(storage: Storage, report: ChatReport, format: ChatIdFormat): Promise<Found> {
  const candidates = findChatIdCandidates(report, format);
  const [only] = candidates;
  if (candidates.length <= 1)
    return { chatId: only?.id ?? null, repair: only?.repair ?? null, count: candidates.length };
  const cutoff = pairingCutoff(report.dateTime);
  const paired = await Promise.all(
    candidates.map(async (c) => ({ ...c, pairing: await storage.findPairing(c.id, cutoff) })),
  );
  const chosen = chooseAmongCandidates(paired, cutoff);
  return chosen
    ? { chatId: chosen.id, repair: chosen.repair, count: candidates.length, pairing: chosen.pairing }
    : { chatId: null, repair: null, count: candidates.length };
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
  // The chat keeps the key of its first report, whichever partner ID this one carries first.
  const same = await storage.findSameChat(report.dateTime, report.platform, report);
  const key = same?.key ?? chatKey(report.dateTime, report.platform, first);
  const inChat = await findInChat(storage, report, format);
  const found = inChat.chatId;
  // Several IDs and none of them clearly the visitor's: no partner link and no older ID stands in.
  const ambiguous = found === null && inChat.count > 1;
  const links = linkablePartners(report.platform, partners);
  // The link is as old as the chat, so re-reporting an older chat does not take the partner back
  // from the chat ID of a newer one.
  if (found) await storage.linkPartner(report.platform, links, found, report.dateTime * 1000);
  const existing = found ? null : await storage.getChat(key);
  const linked = found || ambiguous || existing?.chatId ? null : await storage.findLinkedChatId(report.platform, links);
  const { chatId, chatIdSource } = chooseChatId(found, ambiguous ? null : existing, linked);
  const cutoff = pairingCutoff(report.dateTime);
  const pairing =
    chatId === null ? null : inChat.pairing !== undefined ? inChat.pairing : await storage.findPairing(chatId, cutoff);
  const attribution: ChatAttribution = ambiguous
    ? { chatId: null, chatIdSource: null, reason: 'several_chat_ids', idCount: inChat.count }
    : {
        ...attributionOf(chatId, chatIdSource, pairing),
        ...(found ? { repair: inChat.repair, idCount: inChat.count } : {}),
      };
  const keep = keepsStoredAttribution(existing, attribution);
  const { row, created, changed } = await storage.upsertChat(key, chatInputOf(report, keep ? null : attribution));
  // A beacon stored between our findPairing and our write looked for waiting chats before this one
  // existed, and we looked for pairings before it existed. Each side writes, then looks: now that
  // this chat is written, one more look finds any such beacon (the beacon's own look found nothing).
  if (recheck && awaitsPairing(row)) {
    const late = await storage.findPairing(row.chatId as string, cutoff);
    if (late && hasMetricaId(late)) {
      const again = await storeAndAttribute(storage, report, format, false);
      return { ...again, created: created || again.created, changed: true };
    }
  }
  // The same holds for a fuller pairing of the same page view (a ClientID that came late): it may
  // be stored already, or arrive while this chat is written; its own look covers the rest.
  const upgraded = await upgradeChat(storage, row);
  return chatResultOf(upgraded ?? row, created, changed || upgraded !== null);
}

/**
 * Gives a matched chat the ClientID or UserID that a later pairing of the same page view carries
 * (see `upgradeOf`). Resolves to the upgraded row, or null when there is nothing to add.
 */
async function upgradeChat(storage: Storage, row: ChatRow): Promise<ChatRow | null> {
  if (row.chatId === null || row.unattributedReason !== null || (row.clientId && row.userId)) return null;
  const matchedWith = await storage.findPairing(row.chatId, pairingCutoff(row.dateTime));
  if (!matchedWith) return null;
  const later = await storage.pairingsBetween(
    row.chatId,
    matchedWith.receivedAt,
    matchedWith.receivedAt + SAME_VISIT_MS,
  );
  const ids = upgradeOf(row, matchedWith, later);
  return ids ? storage.upgradeChat(row.key, ids) : null;
}

/**
 * After a pairing is stored: the matched chats of its chat ID that it may complete with a ClientID
 * or UserID (the Metrica tag loaded after the chat started). A chat already uploaded is uploaded
 * again under the same Metrica key, which Metrica takes as an update of the same conversion.
 * Resolves to how many chats were upgraded.
 */
export async function upgradeChatsWith(storage: Storage, pairing: PairingInput): Promise<number> {
  if (!pairing.clientId && !pairing.userId) return 0;
  let upgraded = 0;
  for (const row of await storage.upgradableChats(pairing.chatId)) {
    if (await upgradeChat(storage, row)) upgraded++;
  }
  return upgraded;
}
