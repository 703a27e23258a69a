import { createHash } from 'node:crypto';
import { type Sql, toNumber } from './sql.js';

/**
 * The memory of connector messages already taken (table `webhook_messages`): a hash of the
 * connector and the platform's message ID (a WhatsApp message ID encodes the sender's phone
 * number, so the ID itself is never stored) → the DateTime of the first delivery.
 */

const keyOf = (source: string, messageId: string): string =>
  createHash('sha256').update(`${source}\u0000${messageId}`).digest('base64url').slice(0, 32);

/** Remembers the message with its DateTime unless it is known, and returns the DateTime remembered first. */
export async function rememberMessage(
  db: Sql,
  seenAt: number,
  source: string,
  messageId: string,
  dateTime: number,
): Promise<number> {
  const key = keyOf(source, messageId);
  // Insert-or-keep, then read: whichever instance wrote first, every caller gets that DateTime.
  await db.run('INSERT INTO webhook_messages (key, date_time, seen_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING', [
    key,
    dateTime,
    seenAt,
  ]);
  const row = await db.get<{ date_time: number | string }>('SELECT date_time FROM webhook_messages WHERE key = ?', [
    key,
  ]);
  return toNumber(row?.date_time ?? dateTime);
}
