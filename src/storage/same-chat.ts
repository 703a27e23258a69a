import type { ChatColumns } from './rows.js';
import type { Sql, SqlValue } from './sql.js';
import type { PartnerIdsOf } from './types.js';

/** The stored chat of this platform and DateTime that shares any partner ID with `ids`, oldest first. */
export async function findSameChat(
  q: Sql,
  dateTime: number,
  platform: string,
  ids: PartnerIdsOf,
  forUpdate: string,
): Promise<ChatColumns | null> {
  const tests: string[] = [];
  const params: SqlValue[] = [platform, dateTime];
  if (ids.chatUserId) {
    tests.push('chat_user_id = ?');
    params.push(ids.chatUserId);
  }
  if (ids.chatUsername) {
    // Usernames are case-insensitive (see forget-person.ts for how LOWER folds).
    tests.push('LOWER(chat_username) = LOWER(?)');
    params.push(ids.chatUsername);
  }
  if (ids.phoneNumber) {
    tests.push('phone_number = ?');
    params.push(ids.phoneNumber);
  }
  if (tests.length === 0) return null;
  const row = await q.get<ChatColumns>(
    `SELECT * FROM chats WHERE platform = ? AND date_time = ? AND (${tests.join(' OR ')})
       ORDER BY created_at, key LIMIT 1${forUpdate}`,
    params,
  );
  return row ?? null;
}
