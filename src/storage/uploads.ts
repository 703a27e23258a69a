import type { UploadReceipt } from './contract.js';
import type { Sql } from './sql.js';

/** The record of uploads to Metrica, and which revision of each chat went in which upload. */

/**
 * Records the upload and marks the rows it carried; runs inside the caller's transaction. A row
 * changed after it was read keeps its newer revision and stays pending.
 */
export async function recordUpload(
  q: Sql,
  receipt: UploadReceipt,
  rows: ReadonlyArray<{ key: string; revision: number }>,
  now: () => number,
): Promise<void> {
  await q.run(
    `INSERT INTO uploads (upload_id, counter_id, status, sent_at, row_count, accepted_count, comment, details, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)
     ON CONFLICT (upload_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
    [
      receipt.uploadId,
      receipt.counterId,
      receipt.status,
      receipt.sentAt,
      receipt.rowCount,
      receipt.acceptedCount ?? null,
      receipt.comment ?? null,
      now(),
    ],
  );
  for (const r of rows) {
    await q.run('INSERT INTO upload_rows (upload_id, chat_key, revision) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [
      receipt.uploadId,
      r.key,
      r.revision,
    ]);
    // Only ever forward: a row changed after it was read keeps a newer revision and stays pending.
    await q.run(
      'UPDATE chats SET uploaded_revision = ? WHERE key = ? AND revision >= ? AND (uploaded_revision IS NULL OR uploaded_revision < ?)',
      [r.revision, r.key, r.revision, r.revision],
    );
  }
}

/** Updates the status Metrica reported for an upload; throws for an upload never recorded. */
export async function updateUploadStatus(
  db: Sql,
  uploadId: string,
  status: string,
  details: Record<string, unknown> | undefined,
  now: () => number,
): Promise<void> {
  const changed = await db.run(
    'UPDATE uploads SET status = ?, details = COALESCE(?, details), updated_at = ? WHERE upload_id = ?',
    [status, details === undefined ? null : JSON.stringify(details), now(), uploadId],
  );
  if (changed === 0)
    throw new Error(`unknown upload ID ${JSON.stringify(uploadId)}: record it with markUploaded first`);
}

/** Marks rows held back by the uploader in the revision it read; a later change clears the mark. */
export async function holdBackRows(
  q: Sql,
  rows: ReadonlyArray<{ key: string; revision: number; reason: string }>,
): Promise<void> {
  for (const r of rows) {
    await q.run('UPDATE chats SET held_revision = ?, held_reason = ? WHERE key = ? AND revision = ?', [
      r.revision,
      r.reason,
      r.key,
      r.revision,
    ]);
  }
}
