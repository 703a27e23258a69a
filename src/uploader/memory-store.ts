import type { ConversionRecord } from '../shared/conversion.js';
import type { ConversionStore, HeldRow, PendingConversion, UploadReceipt } from '../storage/contract.js';

/**
 * A ConversionStore held in memory: the contract's behaviour in its plainest form (revisions,
 * marking only the revision that was sent), for the upload job's tests and for embedding the
 * uploader where there is no database. The collector's adapters are SQLite and PostgreSQL.
 */
export class MemoryConversionStore implements ConversionStore {
  private readonly rows = new Map<
    string,
    { record: ConversionRecord; revision: number; uploaded: number | null; held?: HeldRow }
  >();
  readonly receipts: Array<UploadReceipt & { keys: string[]; details?: Record<string, unknown> }> = [];

  /** Adds or changes a row; every change is a new revision that is pending until uploaded. */
  put(key: string, record: ConversionRecord): void {
    const row = this.rows.get(key);
    if (row) {
      row.record = { ...record };
      row.revision++;
    } else {
      this.rows.set(key, { record: { ...record }, revision: 1, uploaded: null });
    }
  }

  async *pendingConversions(options: { since?: number; includeHeld?: boolean } = {}): AsyncIterable<PendingConversion> {
    const pending = [...this.rows.entries()]
      .filter(([, r]) => r.uploaded !== r.revision)
      .filter(([, r]) => options.includeHeld || r.held?.revision !== r.revision)
      .filter(([, r]) => options.since === undefined || Number(r.record.DateTime) >= options.since)
      .sort(([, a], [, b]) => Number(a.record.DateTime) - Number(b.record.DateTime));
    for (const [key, r] of pending) yield { key, revision: r.revision, record: { ...r.record } };
  }

  async markUploaded(
    receipt: UploadReceipt,
    rows: ReadonlyArray<Pick<PendingConversion, 'key' | 'revision'>>,
  ): Promise<void> {
    this.receipts.push({ ...receipt, keys: rows.map((r) => r.key) });
    for (const { key, revision } of rows) {
      const row = this.rows.get(key);
      if (row && row.revision === revision) row.uploaded = revision;
    }
  }

  async holdBack(rows: readonly HeldRow[]): Promise<void> {
    for (const held of rows) {
      const row = this.rows.get(held.key);
      if (row && row.revision === held.revision) row.held = { ...held };
    }
  }

  /** The held-back mark of a row in its current revision, if any. */
  heldReason(key: string): string | undefined {
    const row = this.rows.get(key);
    return row?.held?.revision === row?.revision ? row?.held?.reason : undefined;
  }

  async updateUploadStatus(uploadId: string, status: string, details?: Record<string, unknown>): Promise<void> {
    const receipt = this.receipts.find((r) => r.uploadId === uploadId);
    if (!receipt) throw new Error(`No upload ${uploadId} is recorded.`);
    receipt.status = status;
    if (details) receipt.details = details;
  }

  async close(): Promise<void> {}
}
