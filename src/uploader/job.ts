import { openAsBlob } from 'node:fs';
import type { CsvColumn } from '../shared/conversion.js';
import type { ConversionStore } from '../storage/contract.js';
import type { MetricaClient, Uploading, WaitOptions, WaitOutcome } from './client.js';
import { type HeldBack, type PreparedPart, ProblemLog, prepareRows, type RowRef } from './prepare.js';
import type { SourceRow } from './read-csv.js';
import type { UploadSummary, ValidationProblem } from './validate.js';

/**
 * The upload job: rows → validation → CSV files → Metrica → (for the collector's database)
 * the rows marked with the upload ID. Marking comes only after Metrica accepted the file, in
 * one transaction with the receipt; if the run dies in between, the rows stay pending and are
 * sent again next time, which Metrica treats as an update (same DateTime + ChatPlatform +
 * partner), not a new chat.
 */

export interface UploadJobOptions {
  client: MetricaClient;
  counterId: string;
  comment?: string;
  /** Validate and count only; nothing is sent. */
  dryRun?: boolean;
  /** Poll each upload until Metrica's final status. */
  wait?: boolean | WaitOptions;
  /** Columns of the uploaded files; a function is asked once the first row has been read. */
  columns?: readonly CsvColumn[] | (() => readonly CsvColumn[]);
  maxPartBytes?: number;
  nowSeconds?: number;
  tmpDir?: string;
  signal?: AbortSignal;
  /** Told about each part once Metrica accepted it (before the rows are marked). */
  onUploaded?: (uploading: Uploading, part: { index: number; of: number; rows: number }) => void | Promise<void>;
  onStatus?: (uploading: Uploading) => void;
  /** Receives structural problems found while reading (the CSV reader's); merged into the result. */
  problems?: ProblemLog;
  /** See PrepareOptions.holdBackInvalid; set by uploadPending. */
  holdBackInvalid?: boolean;
}

export interface UploadReport {
  uploading: Uploading;
  rows: number;
  outcome?: WaitOutcome;
}

export interface UploadResult {
  /** `invalid`: nothing was sent; `empty`: there was nothing to send. */
  status: 'uploaded' | 'invalid' | 'dry-run' | 'empty';
  /** Rows held back in this run (database uploads only): not sent, each with its problems. */
  held: HeldBack[];
  /** Rows sent that Metrica did not accept (`line_quantity` below the rows of a part), summed. */
  notAccepted: number;
  summary: UploadSummary;
  problems: ValidationProblem[];
  problemCount: number;
  uploads: UploadReport[];
}

/** Uploads rows from any source (a user's file, the database); marks them via `mark` when given. */
export async function uploadRows(
  rows: AsyncIterable<SourceRow & { ref?: RowRef }>,
  options: UploadJobOptions,
  mark?: (uploading: Uploading, part: PreparedPart) => Promise<void>,
): Promise<UploadResult> {
  const problems = options.problems ?? new ProblemLog();
  const prepared = await prepareRows(rows, {
    columns: options.columns,
    maxPartBytes: options.maxPartBytes,
    nowSeconds: options.nowSeconds,
    write: !options.dryRun,
    problems,
    tmpDir: options.tmpDir,
    holdBackInvalid: options.holdBackInvalid === true,
  });
  const result: UploadResult = {
    status: 'uploaded',
    held: prepared.held,
    notAccepted: 0,
    summary: prepared.summary,
    problems: problems.kept,
    problemCount: problems.count,
    uploads: [],
  };
  try {
    if (problems.count > 0) return { ...result, status: 'invalid' };
    if (options.dryRun) return { ...result, status: 'dry-run' };
    if (prepared.summary.rows === 0) return { ...result, status: 'empty' };
    const parts = prepared.parts;
    for (const [index, part] of parts.entries()) {
      const blob = await openAsBlob(part.path, { type: 'text/csv' });
      const comment =
        parts.length > 1 && options.comment ? partComment(options.comment, index + 1, parts.length) : options.comment;
      const uploading = await options.client.upload(options.counterId, blob, { comment, signal: options.signal });
      // Metrica skips rows that fail its checks and says how many passed; the rest are not there.
      if (uploading.line_quantity !== undefined && uploading.line_quantity < part.rows) {
        result.notAccepted += part.rows - uploading.line_quantity;
      }
      await options.onUploaded?.(uploading, { index, of: parts.length, rows: part.rows });
      if (mark) await mark(uploading, part);
      result.uploads.push({ uploading, rows: part.rows });
    }
    if (options.wait) {
      const waitOptions = typeof options.wait === 'object' ? options.wait : {};
      for (const report of result.uploads) {
        const { outcome, uploading } = await options.client.waitForUpload(options.counterId, report.uploading.id, {
          signal: options.signal,
          onStatus: options.onStatus,
          ...waitOptions,
        });
        report.outcome = outcome;
        report.uploading = uploading;
      }
    }
    return result;
  } finally {
    await prepared.cleanup();
  }
}

/**
 * Keeps the part number inside Metrica's 255-character comment limit, in the characters a comment
 * may hold (digits, Latin and Cyrillic letters, spaces: no brackets).
 */
export function partComment(comment: string, n: number, of: number): string {
  const suffix = ` part ${n} of ${of}`;
  return [...comment].slice(0, 255 - suffix.length).join('') + suffix;
}

/**
 * Uploads what the collector's database holds that Metrica has not got in its current form,
 * and marks those rows with the upload ID.
 */
export async function uploadPending(
  store: ConversionStore,
  options: UploadJobOptions & { since?: number; includeHeld?: boolean },
): Promise<UploadResult> {
  const rows = (async function* () {
    let line = 1;
    const query = {
      ...(options.since === undefined ? {} : { since: options.since }),
      ...(options.includeHeld ? { includeHeld: true } : {}),
    };
    for await (const p of store.pendingConversions(query)) {
      line++;
      yield { line, record: p.record, ref: { key: p.key, revision: p.revision } };
    }
  })();
  const result = await uploadRows(rows, { ...options, holdBackInvalid: true }, async (uploading, part) => {
    await store.markUploaded(
      {
        uploadId: uploading.id,
        counterId: options.counterId,
        status: uploading.status,
        sentAt: Date.now(),
        rowCount: part.rows,
        ...(uploading.line_quantity !== undefined ? { acceptedCount: uploading.line_quantity } : {}),
        ...(options.comment ? { comment: options.comment } : {}),
      },
      part.refs,
    );
  });
  // Held back in the revision read: later runs skip these rows until they change (or --retry-held).
  if (!options.dryRun) {
    await store.holdBack(
      result.held.map((h) => ({
        key: h.ref.key,
        revision: h.ref.revision,
        reason: h.problems.map((p) => `${p.column}: ${p.message}`).join('; '),
      })),
    );
  }
  for (const report of result.uploads) {
    if (report.outcome) {
      const u = report.uploading;
      await store.updateUploadStatus(u.id, u.status, {
        ...(u.line_quantity !== undefined ? { line_quantity: u.line_quantity } : {}),
        ...(u.linked_quantity !== undefined ? { linked_quantity: u.linked_quantity } : {}),
        ...(u.user_not_found_quantity !== undefined ? { user_not_found_quantity: u.user_not_found_quantity } : {}),
      });
    }
  }
  return result;
}
