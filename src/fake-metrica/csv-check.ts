import { parse } from 'csv-parse/sync';
import { CHAT_PLATFORMS, type ConversionRecord, CSV_COLUMNS, type CsvColumn } from '../shared/conversion.js';

/**
 * The fake's own reading of an uploaded CHATS file, kept apart from the uploader's validator so
 * the tests check one against the other. Messages are those Metrica's own API tests expect.
 */

export type CsvCheck =
  | { ok: true; rows: ConversionRecord[] }
  | { ok: false; errorType: string; message: string; location?: string };

const PARTNERS: readonly CsvColumn[] = ['ChatUsername', 'ChatUserID', 'PhoneNumber'];

export function checkChatsCsv(text: string, nowSeconds: number): CsvCheck {
  if (text.length === 0) return { ok: false, errorType: 'invalid_uploading', message: 'The file is empty' };
  let table: string[][];
  try {
    table = parse(text, { relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      ok: false,
      errorType: 'invalid_uploading',
      message: `Неверный формат данных, ошибка в строке номер ${line}`,
    };
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
  if (!PARTNERS.some((p) => header.includes(p))) {
    return {
      ok: false,
      errorType: 'invalid_uploading',
      message: `Отсутствует обязательная колонка ${PARTNERS.join('/')}`,
    };
  }
  const rows: ConversionRecord[] = [];
  for (let i = 0; i < body.length; i++) {
    const fields = body[i]!;
    const bad = {
      ok: false as const,
      errorType: 'invalid_uploading',
      message: `Неверный формат данных, ошибка в строке номер ${i + 2}`,
    };
    if (fields.length !== header.length) return bad;
    const row: ConversionRecord = {};
    header.forEach((name, j) => {
      if (fields[j] !== '') row[name as CsvColumn] = fields[j]!;
    });
    const dt = row.DateTime ?? '';
    if (!/^\d+$/.test(dt) || Number(dt) > nowSeconds) return bad;
    if (!(CHAT_PLATFORMS as readonly string[]).includes(row.ChatPlatform ?? '')) return bad;
    if (!PARTNERS.some((p) => row[p])) return bad;
    if (row.ChatAnswered !== undefined && row.ChatAnswered !== '0' && row.ChatAnswered !== '1') {
      return { ...bad, message: `Некорректное значение ChatAnswered в строке ${i + 2}` };
    }
    if (row.Price !== undefined && !/^\d+(\.\d+)?$/.test(row.Price)) {
      return { ...bad, message: `Некорректное значение Price в строке ${i + 2}` };
    }
    if (row.Currency !== undefined && !/^[A-Z]{3}$/.test(row.Currency)) {
      return { ...bad, message: 'Неверный код валюты' };
    }
    rows.push(row);
  }
  return { ok: true, rows };
}

/** Metrica's update key: the same DateTime, platform and partner update a chat instead of adding one. */
export function updateKey(row: ConversionRecord): string {
  return [row.DateTime, row.ChatPlatform, ...PARTNERS.map((p) => row[p] ?? '')].join('\u0000');
}
