import { SAME_VISIT_MS } from '../domain/visit.js';
import { orNull } from './pairing-rows.js';
import { hasMetricaId } from './rows.js';
import type { SqlDriver } from './sql.js';
import type { PairingInput } from './types.js';

/** Chats waiting for a pairing with IDs (the partial index chats_chat_id holds them). */
export const WAITING = `unattributed_reason IS NOT NULL AND unattributed_reason IN ('chat_id_not_paired', 'pairing_without_metrica_id')`;

/**
 * Chats that arrived before their beacon wait unattributed; a pairing with IDs completes them.
 * `waitingIds`: the chat IDs that have such chats (see pairing-follow-up.ts). Resolves to how
 * many chats each pairing completed, by position in `pairings`.
 */
export async function completeWaitingChats(
  db: SqlDriver,
  pairings: PairingInput[],
  waitingIds: ReadonlySet<string>,
  now: () => number,
): Promise<number[]> {
  const rematched = pairings.map(() => 0);
  // The last pairing of a chat ID in the batch is the latest; it alone fills the waiting chats.
  const latest = new Map<string, number>();
  for (const [i, p] of pairings.entries()) if (hasMetricaId(p) && waitingIds.has(p.chatId)) latest.set(p.chatId, i);
  if (latest.size === 0) return rematched;
  await db.transaction(async (tx) => {
    for (const i of latest.values()) {
      const p = pairings[i] as PairingInput;
      rematched[i] = await tx.run(
        `UPDATE chats SET client_id = ?, user_id = ?, yclid = ?, purchase_id = ?, url = COALESCE(?, url),
           unattributed_reason = NULL, revision = revision + 1, updated_at = ?
         WHERE chat_id = ? AND unattributed_reason IS NOT NULL
           AND (unattributed_reason = 'chat_id_not_paired'
             OR (unattributed_reason = 'pairing_without_metrica_id' AND date_time >= ?))`,
        [
          orNull(p.clientId),
          orNull(p.userId),
          orNull(p.yclid),
          orNull(p.purchaseId),
          orNull(p.url),
          now(),
          p.chatId,
          // A chat that found its visit's pairing, without IDs, waits for that visit's later beacon
          // only: a pairing after the visit is a later visit's (a new ad click), never this chat's.
          // A chat that found no pairing at all takes the first one (a beacon that lost the race).
          Math.ceil((p.receivedAt - 999 - SAME_VISIT_MS) / 1000),
        ],
      );
    }
  });
  return rematched;
}
