import {
  CHAT_PLATFORMS,
  type ChatPlatform,
  type ConversionRecord,
  CSV_COLUMNS,
  type CsvColumn,
  METRICA_ID_COLUMNS,
  PARTNER_CSV_COLUMNS,
} from '../shared/conversion.js';
import { currencyVerdict } from './currency.js';
import { clientIdVerdict, siteIdVerdict, yclidVerdict } from './metrica-ids.js';
import { phoneColumnVerdict } from './phone.js';
import { describeVerdict, expected, type Verdict } from './problem.js';
import { characterCount, textProblem } from './text.js';

/**
 * The rules of one CHATS row, as Metrica documents them (see docs/metrica-api.md), written once:
 * the collector refuses a report that would break them, the uploader holds back a stored row that
 * breaks them, and the fake Metrica skips such a row.
 */

export {
  CHAT_PLATFORMS,
  type ChatPlatform,
  type ConversionRecord,
  CSV_COLUMNS,
  type CsvColumn,
  METRICA_ID_COLUMNS,
  PARTNER_CSV_COLUMNS,
};

/** Earliest DateTime accepted (2000-01-01): anything before is a unit or parsing mistake. */
export const MIN_DATE_TIME = 946_684_800;
export const TAG_MAX_LENGTH = 100;
export const URL_MAX_LENGTH = 2048;
/** Partner IDs: a Telegram username is at most 32, a Viber display name a few dozen; IDs are shorter. */
export const USERNAME_MAX_LENGTH = 100;
export const PARTNER_USER_ID_MAX_LENGTH = 128;

export const isChatPlatform = (value: unknown): value is ChatPlatform =>
  typeof value === 'string' && (CHAT_PLATFORMS as readonly string[]).includes(value);

export function platformVerdict(value: string): Verdict {
  if (isChatPlatform(value)) return null;
  return expected(
    `one of ${CHAT_PLATFORMS.join(', ')}`,
    isChatPlatform(value.toLowerCase()) ? 'in lower case' : undefined,
  );
}

/** DateTime: Unix seconds as digits, after 2000-01-01, not after `nowSeconds` (Metrica takes past times only). */
export function dateTimeVerdict(value: string, nowSeconds: number): Verdict {
  if (!/^[0-9]{1,12}$/.test(value)) {
    return expected(
      'an integer of Unix seconds, e.g. 1687005600',
      value.length >= 13 ? 'milliseconds? expected seconds' : undefined,
    );
  }
  const n = Number(value);
  if (n > 1e11 || (n > nowSeconds && value.length >= 13))
    return expected('Unix seconds', 'milliseconds? divide by 1000');
  if (n < MIN_DATE_TIME) return expected('Unix seconds after 2000-01-01', `got ${value}`);
  if (n > nowSeconds)
    return expected(
      `a time that has passed (now is ${nowSeconds})`,
      'it is in the future; Metrica accepts only past times',
    );
  return null;
}

/** ChatUsername: a messenger username or display name, 1–100 characters, no control characters. */
export function usernameVerdict(value: string): Verdict {
  const n = characterCount(value);
  if (n > USERNAME_MAX_LENGTH) return expected(`at most ${USERNAME_MAX_LENGTH} characters`, `it has ${n}`);
  const bad = textProblem(value);
  return bad ? expected('a name without control characters', bad) : null;
}

/** ChatUserID: the messenger's user ID, 1–128 characters without spaces or control characters. */
export function partnerUserIdVerdict(value: string): Verdict {
  if (value.length > PARTNER_USER_ID_MAX_LENGTH) return expected(`at most ${PARTNER_USER_ID_MAX_LENGTH} characters`);
  if (/\s/.test(value) || textProblem(value)) return expected('an ID without spaces or control characters');
  return null;
}

/** ChatAnswered: 1 (answered) or 0 (not answered). */
export const answeredVerdict = (value: string): Verdict =>
  value === '0' || value === '1' ? null : expected('1 (answered) or 0 (not answered)');

/** Tag: comma-separated tags, at most 100 characters together. */
export function tagVerdict(value: string): Verdict {
  const n = characterCount(value);
  if (n > TAG_MAX_LENGTH) return expected(`at most ${TAG_MAX_LENGTH} characters`, `it is ${n} characters long`);
  const bad = textProblem(value);
  return bad ? expected('tags without control characters', bad) : null;
}

/** Price: a non-negative amount with a full stop: up to 15 digits, up to 4 after the stop. */
export function priceVerdict(value: string): Verdict {
  if (/^[0-9]{1,15}(\.[0-9]{1,4})?$/.test(value)) return null;
  const comma = /^[0-9]+,[0-9]+$/.test(value) ? 'use a full stop, not a comma' : undefined;
  return expected('a non-negative amount with a full stop, e.g. 1500.00', comma);
}

/**
 * URL and MessengerTrackerURL: an absolute http(s) URL as written. The URL parser alone also takes
 * `https:example.com`, `http:/x`, `https:\\x` and surrounding spaces, which it repairs, but Metrica
 * gets the raw text.
 */
export function urlVerdict(value: string): Verdict {
  const what = 'an absolute http:// or https:// URL';
  if (value.length > URL_MAX_LENGTH) return expected(`${what} of at most ${URL_MAX_LENGTH} characters`);
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // Not absolute or not a URL at all.
  }
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) return expected(what);
  if (!/^https?:\/\/[^\s/?#\\]\S*$/i.test(value)) return expected(what, 'write it as https://host/path');
  return null;
}

/** The rule of each optional column (DateTime and ChatPlatform are checked on their own). */
export const COLUMN_RULES: { readonly [C in CsvColumn]?: (value: string) => Verdict } = {
  ClientID: clientIdVerdict,
  UserID: siteIdVerdict,
  Yclid: yclidVerdict,
  PurchaseID: siteIdVerdict,
  ChatUsername: usernameVerdict,
  ChatUserID: partnerUserIdVerdict,
  PhoneNumber: phoneColumnVerdict,
  ChatAnswered: answeredVerdict,
  Tag: tagVerdict,
  Price: priceVerdict,
  Currency: currencyVerdict,
  URL: urlVerdict,
  MessengerTrackerURL: urlVerdict,
};

/** One bad value of a row: the column (several joined by `/` when a rule spans them) and the message. */
export interface ColumnProblem {
  column: string;
  value: string;
  message: string;
}

/** Every problem of one CHATS row; empty when Metrica would take it. `nowSeconds`: the present, Unix seconds. */
export function checkChatRecord(record: ConversionRecord, nowSeconds: number): ColumnProblem[] {
  const out: ColumnProblem[] = [];
  const get = (c: CsvColumn): string => record[c] ?? '';
  const add = (column: string, value: string, verdict: Verdict) => {
    if (verdict) out.push({ column, value, message: describeVerdict(verdict) });
  };
  const dateTime = get('DateTime');
  if (dateTime === '')
    out.push({ column: 'DateTime', value: '', message: 'is required: the chat time in Unix seconds' });
  else add('DateTime', dateTime, dateTimeVerdict(dateTime, nowSeconds));
  add('ChatPlatform', get('ChatPlatform'), platformVerdict(get('ChatPlatform')));
  if (PARTNER_CSV_COLUMNS.every((c) => get(c) === '')) {
    out.push({ column: PARTNER_CSV_COLUMNS.join('/'), value: '', message: 'at least one chat partner ID is required' });
  }
  for (const column of CSV_COLUMNS) {
    const rule = COLUMN_RULES[column];
    const value = get(column);
    if (rule && value !== '') add(column, value, rule(value));
  }
  return out;
}

/** Whether Metrica can attribute the row: it carries at least one Metrica ID. */
export const isAttributed = (record: ConversionRecord): boolean =>
  METRICA_ID_COLUMNS.some((c) => (record[c] ?? '') !== '');
