import { type PairingColumns, pairingFromColumns } from './pairing-rows.js';
import type { ChatColumns } from './rows.js';
import { rowFromColumns } from './rows.js';
import { type Sql, toNumber } from './sql.js';
import type { PartnerRef, StorageSnapshot } from './types.js';

/** Everything stored, in a stable order: what the tests compare. */
export async function snapshotOf(db: Sql): Promise<StorageSnapshot> {
  const pairings = await db.all<PairingColumns>('SELECT * FROM pairings ORDER BY id');
  const chats = await db.all<ChatColumns>('SELECT * FROM chats ORDER BY key');
  const partners = await db.all<{
    platform: string;
    kind: string;
    value: string;
    chat_id: string;
    linked_at: number | string;
  }>('SELECT * FROM partners ORDER BY platform, kind, value');
  const uploads = await db.all<{ upload_id: string; status: string; row_count: number | string }>(
    'SELECT upload_id, status, row_count FROM uploads ORDER BY upload_id',
  );
  return {
    pairings: pairings.map(pairingFromColumns),
    chats: chats.map(rowFromColumns),
    partners: partners.map((p) => ({
      platform: p.platform,
      kind: p.kind as PartnerRef['kind'],
      value: p.value,
      chatId: p.chat_id,
      linkedAt: toNumber(p.linked_at),
    })),
    uploads: uploads.map((u) => ({ uploadId: u.upload_id, status: u.status, rowCount: toNumber(u.row_count) })),
  };
}
