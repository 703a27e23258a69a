import type { ConversionRecord } from '../shared/conversion.js';

/**
 * What the uploader and the reports need from the collector's database, whichever adapter
 * (SQLite or PostgreSQL) holds it.
 */

/** A chat row not yet uploaded in its current form. */
export interface PendingConversion {
  /** Stable identity of the chat row in the database. */
  key: string;
  /** Bumped on every change of the row; an upload marks only the revision it sent. */
  revision: number;
  record: ConversionRecord;
}

/** What Metrica answered to one upload. */
export interface UploadReceipt {
  /** Metrica's upload ID. */
  uploadId: string;
  counterId: string;
  /** Metrica's status at the time of recording, e.g. UPLOADED. */
  status: string;
  /** Unix milliseconds. */
  sentAt: number;
  rowCount: number;
  /** Rows Metrica says passed its checks (`line_quantity`), when it said. */
  acceptedCount?: number;
  comment?: string;
}

/** A row the uploader did not send because it breaks a CHATS rule, and why. */
export interface HeldRow {
  key: string;
  revision: number;
  /** The problems, one line each, as the uploader reported them. */
  reason: string;
}

export interface ConversionStore {
  /**
   * Rows that are new or changed since their last upload, oldest first, streamed, leaving out the
   * rows held back in their current revision unless `includeHeld`. `since` (Unix seconds) limits
   * them to chats at or after that DateTime.
   */
  pendingConversions(options?: { since?: number; includeHeld?: boolean }): AsyncIterable<PendingConversion>;
  /**
   * Marks rows held back by the uploader (invalid): later runs skip them until the row changes
   * (a new revision is checked again) or a run asks for them with `includeHeld`.
   */
  holdBack(rows: readonly HeldRow[]): Promise<void>;
  /**
   * Records the upload and marks the rows it carried, in one transaction. A row whose revision
   * changed after it was read stays pending, so the change is sent next time.
   */
  markUploaded(receipt: UploadReceipt, rows: ReadonlyArray<Pick<PendingConversion, 'key' | 'revision'>>): Promise<void>;
  /** Updates a recorded upload's status (after polling Metrica). */
  updateUploadStatus(uploadId: string, status: string, details?: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}
