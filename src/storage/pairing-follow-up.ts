/**
 * What follows a committed batch of pairings: chats that were waiting for them are completed, and
 * each pairing learns whether matched chats of its chat ID lack a ClientID or UserID it may fill.
 * Nearly always neither applies, so one query (both questions, each on its own partial index)
 * is all a batch costs; a second one runs only when chats were completed.
 */
import { chatIdsWithUpgradableChats, UPGRADABLE } from './chat-upgrades.js';
import { hasMetricaId } from './rows.js';
import { placeholders, type SqlDriver } from './sql.js';
import type { PairingInput } from './types.js';
import { completeWaitingChats, WAITING } from './waiting-chats.js';

/** What the follow-up found for one pairing. */
export interface PairingFollowUp {
  /** Waiting chats it completed. */
  rematched: number;
  /** It carries a ClientID or UserID, and matched chats of its chat ID lack one. */
  upgradable: boolean;
}

const fillsUpgrades = (p: PairingInput): boolean => Boolean(p.clientId || p.userId);

export async function followUpPairings(
  db: SqlDriver,
  pairings: PairingInput[],
  now: () => number,
): Promise<PairingFollowUp[]> {
  const chatIds = [...new Set(pairings.filter(hasMetricaId).map((p) => p.chatId))];
  const waiting = new Set<string>();
  let upgradable = new Set<string>();
  if (chatIds.length > 0) {
    const list = placeholders(chatIds);
    const rows = await db.all<{ chat_id: string; waiting: number | string }>(
      `SELECT chat_id, 1 AS waiting FROM chats WHERE chat_id IN (${list}) AND ${WAITING}
       UNION
       SELECT chat_id, 0 AS waiting FROM chats WHERE chat_id IN (${list}) AND ${UPGRADABLE}`,
      [...chatIds, ...chatIds],
    );
    for (const r of rows) (Number(r.waiting) ? waiting : upgradable).add(r.chat_id);
  }
  const rematched = await completeWaitingChats(db, pairings, waiting, now);
  // Completing may have matched a chat that still lacks one of the IDs: asked again then only.
  if (rematched.some((n) => n > 0)) {
    upgradable = await chatIdsWithUpgradableChats(db, [
      ...new Set(pairings.filter(fillsUpgrades).map((p) => p.chatId)),
    ]);
  }
  return pairings.map((p, i) => ({
    rematched: rematched[i] ?? 0,
    upgradable: fillsUpgrades(p) && upgradable.has(p.chatId),
  }));
}
