import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { ConversionRecord, CsvColumn } from '../shared/conversion.js';
import { type ValidationProblem, validateHeader } from './validate.js';

/** A row on its way to an upload: its line in the file (header = 1) and its values. */
export interface SourceRow {
  line: number;
  record: ConversionRecord;
}

export interface ReadCsvOptions {
  /** Header and structure problems (unknown columns, wrong field counts, broken quoting). */
  onProblem: (problem: ValidationProblem) => void;
  /** The known columns of the file, in file order, once the header is read. */
  onHeader?: (columns: CsvColumn[]) => void;
  /** Bytes of input read so far, for progress. */
  onBytes?: (bytes: number) => void;
}

/**
 * Reads a user's CHATS CSV (made by this tool or elsewhere) as a stream: quoted fields, CRLF or
 * LF, a UTF-8 BOM tolerated. Rows come out with their file line numbers; rows whose structure is
 * broken are reported, not yielded.
 */
export async function* readCsv(input: Readable | AsyncIterable<Buffer | string>, options: ReadCsvOptions) {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  const source = input as AsyncIterable<Buffer | string>;
  // Feed by hand rather than pipe(): a parse error must end this generator with a problem, not
  // surface as an unhandled stream error.
  const feed = (async () => {
    try {
      for await (const chunk of source) {
        if (parser.destroyed) return;
        if (!parser.write(chunk)) {
          await new Promise<void>((resolve) => {
            parser.once('drain', resolve);
            parser.once('close', resolve);
          });
        }
      }
      if (!parser.destroyed) parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();

  let header: (CsvColumn | null)[] | null = null;
  let drift = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; bytes: number };
    }>) {
      // info.lines is where the record ends, and csv-parse counts a CRLF inside a quoted field
      // as two lines; the file's own numbering counts it once, as editors do.
      let real = 0;
      let counted = 0;
      for (const field of record) {
        real += field.match(/\r\n|\r|\n/g)?.length ?? 0;
        counted += field.match(/[\r\n]/g)?.length ?? 0;
      }
      drift += counted - real;
      const line = info.lines - drift - real;
      options.onBytes?.(info.bytes);
      if (header === null) {
        const { columns, problems } = validateHeader(record);
        for (const problem of problems) options.onProblem(problem);
        const known = new Set<string>(columns);
        header = record.map((name) => (known.has(name) ? (name as CsvColumn) : null));
        options.onHeader?.(columns);
        continue;
      }
      if (record.length !== header.length) {
        options.onProblem({
          line,
          column: '*',
          value: '',
          message: `has ${record.length} fields, but the header has ${header.length}`,
        });
        continue;
      }
      const row: ConversionRecord = {};
      let decodable = true;
      for (let i = 0; i < header.length; i++) {
        const column = header[i];
        const value = record[i]!;
        // U+FFFD is what the UTF-8 decoder leaves for bytes that are not UTF-8 (a Windows-1251
        // export, say); sent on, Metrica would keep the garbled text.
        if (column && value.includes('\ufffd')) {
          decodable = false;
          options.onProblem({
            line,
            column,
            value,
            message: 'is not UTF-8 text; save the file as UTF-8 (Metrica reads only UTF-8)',
          });
        }
        if (column && value !== '') row[column] = value;
      }
      if (!decodable) continue;
      yield { line, record: row } satisfies SourceRow;
    }
  } catch (error) {
    const e = error as Error & { code?: string; lines?: number };
    if (!e.code?.startsWith('CSV_') && !e.code?.startsWith('INVALID_')) throw error;
    options.onProblem({ line: e.lines ?? 0, column: '*', value: '', message: `malformed CSV: ${e.message}` });
  } finally {
    // The consumer may stop early (the first problems are enough for it): release the feeder.
    if (!parser.readableEnded) parser.destroy();
    await feed;
  }
  if (header === null) options.onProblem({ line: 1, column: '*', value: '', message: 'the file is empty' });
}
