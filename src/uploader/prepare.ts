import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvHeader, csvLine } from '../export/csv.js';
import { type ConversionRecord, CSV_COLUMNS, type CsvColumn } from '../shared/conversion.js';
import type { SourceRow } from './read-csv.js';
import { forgetTempDir, rememberTempDir } from './temp-dirs.js';
import { countRow, emptySummary, type UploadSummary, type ValidationProblem, validateRecord } from './validate.js';

/**
 * Validates rows and, while no row has failed, writes them as upload-ready CSV files in a
 * temporary directory, starting a new file (with its own header) before one would pass
 * Metrica's size limit. One streaming pass: memory stays flat however large the input.
 */

/** Metrica takes files up to 1 GB; decimal, to stay below it whichever GB is meant. */
export const MAX_PART_BYTES = 1_000_000_000;
/** Problems kept for the report; the rest are only counted. */
export const MAX_PROBLEMS_KEPT = 1000;

/** Which database row a CSV row came from, so the upload can mark exactly that revision. */
export interface RowRef {
  key: string;
  revision: number;
}

export interface PreparedPart {
  path: string;
  rows: number;
  bytes: number;
  refs: RowRef[];
}

/** Collects validation problems: keeps the first ones, counts all. */
export class ProblemLog {
  readonly kept: ValidationProblem[] = [];
  count = 0;
  constructor(private readonly limit = MAX_PROBLEMS_KEPT) {}
  add(problem: ValidationProblem): void {
    this.count++;
    if (this.kept.length < this.limit) this.kept.push(problem);
  }
}

/** A row held back (not written) because it breaks a CHATS rule, with its problems. */
export interface HeldBack {
  ref: RowRef;
  line: number;
  problems: ValidationProblem[];
}

export interface Prepared {
  parts: PreparedPart[];
  /** Rows held back (with `holdBackInvalid`); their problems are not in `problems`. */
  held: HeldBack[];
  summary: UploadSummary;
  problems: ProblemLog;
  /** Removes the temporary files. */
  cleanup(): Promise<void>;
}

export interface PrepareOptions {
  /** Columns of the files; a function is asked once the first row has arrived (a file's header is read by then). */
  columns?: readonly CsvColumn[] | (() => readonly CsvColumn[]);
  maxPartBytes?: number;
  /** Unix seconds; default now. */
  nowSeconds?: number;
  /** Validate and count only (`--dry-run`). */
  write?: boolean;
  problems?: ProblemLog;
  tmpDir?: string;
  /**
   * Hold back the invalid rows that have a database reference and write the valid ones (uploads
   * from the collector's database), instead of writing nothing once a row failed (a user's file,
   * which the user can fix and send again).
   */
  holdBackInvalid?: boolean;
}

/** Writes are gathered into chunks of this size: one fs write per CSV line would dominate the time. */
const CHUNK_BYTES = 64 * 1024;

export async function prepareRows(
  rows: AsyncIterable<SourceRow & { ref?: RowRef }>,
  options: PrepareOptions = {},
): Promise<Prepared> {
  const maxPartBytes = options.maxPartBytes ?? MAX_PART_BYTES;
  const nowSeconds = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const problems = options.problems ?? new ProblemLog();
  const write = options.write !== false;
  const summary = emptySummary();
  let columns: readonly CsvColumn[] = CSV_COLUMNS;
  let header = '';
  let headerBytes = 0;

  const dir = write ? await mkdtemp(join(options.tmpDir ?? tmpdir(), 'metrica-chats-')) : null;
  if (dir) rememberTempDir(dir);
  const parts: PreparedPart[] = [];
  let part: PreparedPart | null = null;
  let stream: WriteStream | null = null;
  let buffer = '';

  const flush = async (): Promise<void> => {
    if (stream && buffer !== '' && !stream.write(buffer)) await once(stream, 'drain');
    buffer = '';
  };
  const closePart = async (): Promise<void> => {
    await flush();
    if (stream) {
      const s = stream;
      stream = null;
      await new Promise<void>((resolve, reject) => s.end((e?: Error | null) => (e ? reject(e) : resolve())));
    }
  };
  const cleanup = async (): Promise<void> => {
    await closePart().catch(() => {});
    if (dir) {
      await rm(dir, { recursive: true, force: true });
      forgetTempDir(dir);
    }
  };

  const held: HeldBack[] = [];
  try {
    for await (const row of rows) {
      const found = validateRecord(row.record, row.line, nowSeconds);
      if (found.length > 0 && options.holdBackInvalid && row.ref) {
        held.push({ ref: row.ref, line: row.line, problems: found });
        continue;
      }
      for (const problem of found) problems.add(problem);
      if (found.length > 0) continue;
      countRow(summary, row.record);
      // Once a row has failed nothing will be sent, so the files stop growing; validation goes on.
      if (!dir || problems.count > 0) continue;
      if (header === '') {
        columns = (typeof options.columns === 'function' ? options.columns() : options.columns) ?? CSV_COLUMNS;
        header = csvHeader(columns);
        headerBytes = Buffer.byteLength(header);
      }
      const line = csvLine(row.record as ConversionRecord, columns);
      const bytes = Buffer.byteLength(line);
      if (headerBytes + bytes > maxPartBytes) {
        problems.add({
          line: row.line,
          column: '*',
          value: '',
          message: `the row alone is ${bytes} bytes, more than fits in one ${maxPartBytes}-byte file`,
        });
        continue;
      }
      if (part === null || part.bytes + bytes > maxPartBytes) {
        await closePart();
        part = {
          path: join(dir, `part-${String(parts.length + 1).padStart(3, '0')}.csv`),
          rows: 0,
          bytes: headerBytes,
          refs: [],
        };
        parts.push(part);
        stream = createWriteStream(part.path);
        buffer = header;
      }
      part.rows++;
      part.bytes += bytes;
      if (row.ref) part.refs.push(row.ref);
      buffer += line;
      if (buffer.length >= CHUNK_BYTES) await flush();
    }
    await closePart();
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { parts: problems.count > 0 ? [] : parts, held, summary, problems, cleanup };
}
