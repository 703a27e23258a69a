import { type ConversionRecord, CSV_COLUMNS, type CsvColumn } from '../shared/conversion.js';

/**
 * The Metrica CHATS CSV writer: UTF-8 text, comma-separated, header first, RFC 4180 quoting,
 * one line per record, streamed.
 */

/** Lines end with LF, as in Metrica's own example file; Metrica and every CSV reader accept it. */
export const EOL = '\n';

/**
 * Columns people type into (names, phone numbers, tags) are always quoted when not empty, as in
 * Metrica's example; a phone number such as +7… then stays text for every reader. Other cells are
 * quoted only when RFC 4180 requires it.
 */
const ALWAYS_QUOTED: ReadonlySet<CsvColumn> = new Set(['ChatUsername', 'PhoneNumber', 'Tag']);

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

export interface CsvOptions {
  /** Columns to write, in this order; default: every CHATS column. */
  columns?: readonly CsvColumn[];
  /**
   * Prefix cells starting with = + - @ tab or CR with an apostrophe so spreadsheets show them as
   * text. Only for files people open in spreadsheets: Metrica must get `+7…` phone numbers as they are.
   */
  escapeFormulas?: boolean;
}

/** One CSV cell, quoted when needed (or always, when `force`). */
export function csvField(value: string, force = false): string {
  if (value === '') return '';
  if (force || /[",\r\n]/.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

/** Neutralises a formula-looking cell for spreadsheets; other cells are returned unchanged. */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The header line (with its line end) for the given columns. */
export function csvHeader(columns: readonly CsvColumn[] = CSV_COLUMNS): string {
  return columns.join(',') + EOL;
}

/** One record as a CSV line (with its line end); absent values are empty cells. */
export function csvLine(
  record: ConversionRecord,
  columns: readonly CsvColumn[] = CSV_COLUMNS,
  guardFormulas = false,
): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    let value = record[column] ?? '';
    if (guardFormulas) value = escapeFormula(value);
    if (i > 0) line += ',';
    line += csvField(value, ALWAYS_QUOTED.has(column));
  }
  return line + EOL;
}

/**
 * Yields the header line, then one complete line per record, as the records arrive: the whole
 * file never sits in memory, so a caller can pipe it to a file, an HTTP response or an upload.
 */
export async function* csvLines(
  records: AsyncIterable<ConversionRecord> | Iterable<ConversionRecord>,
  options: CsvOptions = {},
): AsyncGenerator<string> {
  const columns = options.columns ?? CSV_COLUMNS;
  checkColumns(columns);
  const guard = options.escapeFormulas === true;
  yield csvHeader(columns);
  for await (const record of records) yield csvLine(record, columns, guard);
}

function checkColumns(columns: readonly CsvColumn[]): void {
  const known = new Set<string>(CSV_COLUMNS);
  const seen = new Set<string>();
  for (const column of columns) {
    if (!known.has(column)) {
      throw new TypeError(`Unknown CSV column \`${column}\`. Expected one of: ${CSV_COLUMNS.join(', ')}.`);
    }
    if (seen.has(column)) throw new TypeError(`CSV column \`${column}\` is listed twice.`);
    seen.add(column);
  }
}
