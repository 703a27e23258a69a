import type { Storage } from '../storage/index.js';

/** What the demo panel shows about each beacon and each chat, besides the collector's raw reply. */

/** What the collector answered a pairing beacon, for the panel. */
export interface BeaconAnswer {
  at: number;
  status: number;
  meaning: string;
}

export const BEACON_ANSWERS: Record<number, string> = {
  204: '(stored)',
  400: '(a field of the beacon was refused)',
  403: '(this page’s origin is not allowed)',
  413: '(the beacon is too large)',
  415: '(wrong content type)',
  429: '(too many beacons from this address)',
};

/**
 * The chat the collector stored, with the Metrica IDs it was matched to. The CRM route answers
 * with them; a webhook answers with its chats' IDs only, so the IDs are read from the pairing.
 */
export async function chatVerdict(
  answer: unknown,
  storage: Pick<Storage, 'findPairing'>,
): Promise<{
  chatId: string | null;
  matched: Record<string, string> | null;
  unattributedReason: string | null;
} | null> {
  // A webhook answers with the chats it stored; the panel sends one message, so one chat at most.
  const chats = typeof answer === 'object' && answer !== null ? (answer as { chats?: unknown }).chats : undefined;
  const chat = Array.isArray(chats) ? chats[0] : answer;
  if (typeof chat !== 'object' || chat === null || !('chatId' in chat)) return null;
  const a = chat as {
    chatId: string | null;
    matched?: Record<string, string> | null;
    unattributedReason?: string | null;
  };
  const reason = a.unattributedReason ?? null;
  let matched = a.matched ?? null;
  if (matched === null && reason === null && a.chatId) {
    const pairing = await storage.findPairing(a.chatId, Date.now());
    matched = {};
    for (const id of ['clientId', 'yclid', 'userId', 'purchaseId'] as const) {
      const value = pairing?.[id];
      if (typeof value === 'string' && value !== '') matched[id] = value;
    }
  }
  return { chatId: a.chatId, matched, unattributedReason: reason };
}
