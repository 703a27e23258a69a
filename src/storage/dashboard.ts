import { type ChatColumns, rowFromColumns } from './rows.js';
import { type Sql, toNumber } from './sql.js';
import type { ChatRow, ChatsOnDay, UploadRecord } from './types.js';

/**
 * What the dashboard lists beside the yield figures (those come from chatStats, as for
 * `/v1/stats` and `report`): chats per UTC day, the latest chats, the upload history.
 */

/** Chats per UTC day at or after `since` (Unix seconds), attributed or not; days without chats are absent. */
export async function chatsPerDay(db: Sql, since: number): Promise<ChatsOnDay[]> {
  // Integer division in both dialects: date_time is an integer column.
  const rows = await db.all<{ d: number | string; attributed: number | string; unattributed: number | string }>(
    `SELECT date_time / 86400 AS d,
       SUM(CASE WHEN unattributed_reason IS NULL THEN 1 ELSE 0 END) AS attributed,
       SUM(CASE WHEN unattributed_reason IS NULL THEN 0 ELSE 1 END) AS unattributed
     FROM chats WHERE date_time >= ? GROUP BY date_time / 86400 ORDER BY d`,
    [since],
  );
  return rows.map((r) => ({
    day: new Date(toNumber(r.d) * 86_400_000).toISOString().slice(0, 10),
    attributed: toNumber(r.attributed),
    unattributed: toNumber(r.unattributed),
  }));
}

/** The latest chats at or after `since`, newest first. */
export async function recentChats(db: Sql, since: number, limit: number): Promise<ChatRow[]> {
  const rows = await db.all<ChatColumns>(
    `SELECT * FROM chats WHERE date_time >= ? ORDER BY date_time DESC, key DESC LIMIT ${Math.trunc(limit)}`,
    [since],
  );
  return rows.map(rowFromColumns);
}

const count = (details: Record<string, unknown>, key: string): number | undefined =>
  typeof details[key] === 'number' ? (details[key] as number) : undefined;

/** The latest uploads, newest first, with the counts Metrica reported once it processed them. */
export async function uploadHistory(db: Sql, limit: number): Promise<UploadRecord[]> {
  const rows = await db.all<{
    upload_id: string;
    counter_id: string;
    status: string;
    sent_at: number | string;
    row_count: number | string;
    comment: string | null;
    details: string | null;
  }>(
    `SELECT upload_id, counter_id, status, sent_at, row_count, comment, details FROM uploads
     ORDER BY sent_at DESC, upload_id DESC LIMIT ${Math.trunc(limit)}`,
  );
  return rows.map((r) => {
    let details: Record<string, unknown> = {};
    try {
      details = r.details ? (JSON.parse(r.details) as Record<string, unknown>) : {};
    } catch {}
    const line = count(details, 'line_quantity');
    const linked = count(details, 'linked_quantity');
    const notFound = count(details, 'user_not_found_quantity');
    return {
      uploadId: r.upload_id,
      counterId: r.counter_id,
      status: r.status,
      sentAt: toNumber(r.sent_at),
      rowCount: toNumber(r.row_count),
      ...(r.comment ? { comment: r.comment } : {}),
      ...(line === undefined ? {} : { lineQuantity: line }),
      ...(linked === undefined ? {} : { linkedQuantity: linked }),
      ...(notFound === undefined ? {} : { userNotFoundQuantity: notFound }),
    };
  });
}
