import { parse } from 'csv-parse/sync';
import {
  type ConversionRecord,
  CSV_COLUMNS,
  type CsvColumn,
  checkChatRecord,
  PARTNER_CSV_COLUMNS,
  strictUpdateKey,
} from '../domain/index.js';

/**
 * The fake's reading of an uploaded CHATS file. Which values are valid is the domain's rule (the
 * one the collector and the uploader apply); what Metrica does with an invalid value follows its
 * docs and its own API tests (see docs/metrica-api.md, addendum A.3). Marks: [D] documented, [Y]
 * shown by Yandex's API tests for BASIC uploads, [I] inferred.
 *
 * - Whole file refused with 400 `invalid_uploading` [Y]: an empty body, a header with no data
 *   rows, broken quoting, a missing mandatory column. An unknown column [I].
 * - A row with an invalid mandatory value (DateTime, ChatPlatform, no partner ID, an invalid
 *   ClientID or Yclid) is skipped and the upload still succeeds; `line_quantity` counts only the
 *   rows kept [Y].
 * - A short all-empty row is skipped without counting as a source row [Y].
 * - An invalid optional value keeps the row with that value dropped: Price and Currency [D]
 *   ("null values will be sent instead of currencies and amounts"); the other optional columns [I].
 */

export type CsvCheck =
  | { ok: true; rows: ConversionRecord[]; sourceRows: number; skipped: Array<{ line: number; column: string }> }
  | { ok: false; errorType: string; message: string; location?: string };

/** A bad value in one of these skips the row; elsewhere only the value is dropped. */
const MANDATORY = new Set<string>(['DateTime', 'ChatPlatform', PARTNER_CSV_COLUMNS.join('/'), 'ClientID', 'Yclid']);

const badLine = (line: number): CsvCheck => ({
  ok: false,
  errorType: 'invalid_uploading',
  message: `Неверный формат данных, ошибка в строке номер ${line}`,
});

export function checkChatsCsv(text: string, nowSeconds: number): CsvCheck {
  if (text.length === 0) return { ok: false, errorType: 'invalid_uploading', message: 'The file is empty' };
  let table: string[][];
  try {
    table = parse(text, { relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    return badLine((error as { lines?: number }).lines ?? 1);
  }
  const [header, ...body] = table;
  if (!header) return { ok: false, errorType: 'invalid_uploading', message: 'The file is empty' };
  const known = new Set<string>(CSV_COLUMNS);
  for (const name of header) {
    if (!known.has(name)) {
      return { ok: false, errorType: 'invalid_uploading', message: `Неизвестная колонка ${name}`, location: name };
    }
  }
  for (const required of ['DateTime', 'ChatPlatform'] as const) {
    if (!header.includes(required)) {
      return { ok: false, errorType: 'invalid_uploading', message: `Отсутствует обязательная колонка ${required}` };
    }
  }
  if (!PARTNER_CSV_COLUMNS.some((p) => header.includes(p))) {
    return {
      ok: false,
      errorType: 'invalid_uploading',
      message: `Отсутствует обязательная колонка ${PARTNER_CSV_COLUMNS.join('/')}`,
    };
  }
  if (body.length === 0) return badLine(2);
  const rows: ConversionRecord[] = [];
  const skipped: Array<{ line: number; column: string }> = [];
  let sourceRows = 0;
  for (let i = 0; i < body.length; i++) {
    const fields = body[i]!;
    const line = i + 2;
    if (fields.length === header.length - 1 && fields.every((f) => f.trim() === '')) continue;
    if (fields.length !== header.length) return badLine(line);
    sourceRows++;
    const row: ConversionRecord = {};
    header.forEach((name, j) => {
      // Untrimmed values are taken [Y]; the cell is read as its trimmed text.
      const value = fields[j]!.trim();
      if (value !== '') row[name as CsvColumn] = value;
    });
    const problems = checkChatRecord(row, nowSeconds);
    const fatal = problems.find((p) => MANDATORY.has(p.column));
    if (fatal) {
      skipped.push({ line, column: fatal.column });
      continue;
    }
    for (const p of problems) delete row[p.column as CsvColumn];
    rows.push(row);
  }
  if (rows.length === 0 && sourceRows === 0) return badLine(2);
  return { ok: true, rows, sourceRows, skipped };
}

/** Metrica's update key under the strict reading: the same DateTime, platform and all partner columns. */
export const updateKey = strictUpdateKey;
