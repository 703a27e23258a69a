import { CHAT_COLUMNS, type ChatColumns, rowFromColumns } from './rows.js';
import { placeholders, type SqlDriver } from './sql.js';
import type { ChatRow } from './types.js';

/** Writes every column of a chat row but its key; the key is the last parameter. */
export const UPDATE_CHAT = `UPDATE chats SET ${CHAT_COLUMNS.filter((c) => c !== 'key')
  .map((c) => `${c} = ?`)
  .join(', ')} WHERE key = ?`;

/** Matched chats missing a ClientID or UserID (the partial index chats_upgradable holds them). */
export const UPGRADABLE = 'unattributed_reason IS NULL AND (client_id IS NULL OR user_id IS NULL)';

/** Attributed chats of this chat ID still missing a ClientID or UserID: what a later pairing can fill. */
export async function upgradableChats(db: SqlDriver, chatId: string): Promise<ChatRow[]> {
  const rows = await db.all<ChatColumns>(
    `SELECT * FROM chats WHERE chat_id = ? AND ${UPGRADABLE} ORDER BY date_time, key`,
    [chatId],
  );
  return rows.map(rowFromColumns);
}

/**
 * Which of these chat IDs have a chat that upgradableChats would return, in one query: a batch of
 * beacons asks once, and only a beacon whose chat ID is here looks further.
 */
export async function chatIdsWithUpgradableChats(db: SqlDriver, chatIds: string[]): Promise<Set<string>> {
  if (chatIds.length === 0) return new Set();
  const rows = await db.all<{ chat_id: string }>(
    `SELECT DISTINCT chat_id FROM chats WHERE chat_id IN (${placeholders(chatIds)}) AND ${UPGRADABLE}`,
    chatIds,
  );
  return new Set(rows.map((r) => r.chat_id));
}

/** Fills the missing ClientID or UserID of an attributed chat, never replacing one; null when nothing changed. */
export async function upgradeChat(
  db: SqlDriver,
  key: string,
  ids: { clientId?: string; userId?: string },
  now: () => number,
): Promise<ChatRow | null> {
  return db.transaction(async (q) => {
    const row = await q.get<ChatColumns>(`SELECT * FROM chats WHERE key = ?${db.forUpdate}`, [key]);
    if (!row || row.unattributed_reason !== null) return null;
    const clientId = row.client_id ?? ids.clientId ?? null;
    const userId = row.user_id ?? ids.userId ?? null;
    if (clientId === row.client_id && userId === row.user_id) return null;
    const at = now();
    const next: ChatColumns = {
      ...row,
      client_id: clientId,
      user_id: userId,
      upgraded_at: at,
      revision: Number(row.revision) + 1,
      updated_at: at,
    };
    await q.run(UPDATE_CHAT, [...CHAT_COLUMNS.filter((c) => c !== 'key').map((c) => next[c]), key]);
    return rowFromColumns(next);
  });
}
