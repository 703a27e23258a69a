import { PARTNER_DB_COLUMN } from './rows.js';
import { placeholders, type Sql } from './sql.js';
import type { ForgetRequest, Forgotten } from './types.js';

/**
 * Deletes everything held about a person: their chats, the partner links and the pairings of
 * their chat IDs. Runs inside the caller's transaction, so it is all or nothing.
 */
export async function forgetPerson(q: Sql, who: ForgetRequest): Promise<Forgotten> {
  const platform = who.platform ? ' AND platform = ?' : '';
  const onPlatform = who.platform ? [who.platform] : [];
  const chatIds = new Set<string>(who.chatId ? [who.chatId] : []);
  const keys = new Set<string>();
  const partner = who.partner && who.partner.values.length > 0 ? who.partner : undefined;
  // Usernames are case-insensitive in Telegram: compared through LOWER() on both sides, which
  // folds ASCII letters in SQLite (and in PostgreSQL's C locale) and leaves others as they are.
  const fold = partner?.kind === 'ChatUsername';
  const value = fold ? 'LOWER(value)' : 'value';
  const wanted = partner ? partner.values.map(() => (fold ? 'LOWER(?)' : '?')).join(', ') : '';
  if (partner) {
    const column = fold ? 'LOWER(chat_username)' : PARTNER_DB_COLUMN[partner.kind];
    const chats = await q.all<{ key: string; chat_id: string | null }>(
      `SELECT key, chat_id FROM chats WHERE ${column} IN (${wanted})${platform}`,
      [...partner.values, ...onPlatform],
    );
    const links = await q.all<{ chat_id: string }>(
      `SELECT chat_id FROM partners WHERE kind = ? AND ${value} IN (${wanted})${platform}`,
      [partner.kind, ...partner.values, ...onPlatform],
    );
    for (const c of chats) {
      keys.add(c.key);
      if (c.chat_id) chatIds.add(c.chat_id);
    }
    for (const l of links) chatIds.add(l.chat_id);
  }
  const ids = [...chatIds];
  if (ids.length > 0) {
    const more = await q.all<{ key: string }>(`SELECT key FROM chats WHERE chat_id IN (${placeholders(ids)})`, ids);
    for (const c of more) keys.add(c.key);
  }
  const chatKeys = [...keys];
  let chats = 0;
  if (chatKeys.length > 0) {
    await q.run(`DELETE FROM upload_rows WHERE chat_key IN (${placeholders(chatKeys)})`, chatKeys);
    chats = await q.run(`DELETE FROM chats WHERE key IN (${placeholders(chatKeys)})`, chatKeys);
  }
  let partnerLinks = 0;
  if (ids.length > 0) partnerLinks += await q.run(`DELETE FROM partners WHERE chat_id IN (${placeholders(ids)})`, ids);
  if (partner) {
    // Links of this partner to chat IDs not listed above cannot exist, but a link is personal
    // data on its own: delete by identifier too.
    partnerLinks += await q.run(`DELETE FROM partners WHERE kind = ? AND ${value} IN (${wanted})${platform}`, [
      partner.kind,
      ...partner.values,
      ...onPlatform,
    ]);
  }
  const pairings =
    ids.length > 0 ? await q.run(`DELETE FROM pairings WHERE chat_id IN (${placeholders(ids)})`, ids) : 0;
  return { chats, pairings, partnerLinks, chatIds: ids.sort() };
}
