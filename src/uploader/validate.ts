import {
  CHAT_PLATFORMS,
  type ChatPlatform,
  type ConversionRecord,
  CSV_COLUMNS,
  type CsvColumn,
  METRICA_ID_COLUMNS,
  PARTNER_CSV_COLUMNS,
} from '../shared/conversion.js';

/**
 * The CHATS row rules, checked before anything is sent, so that one bad row never costs an
 * upload (Metrica rejects the whole file) and the user learns every problem at once.
 */

/** One bad value: where it is (file line, header = line 1, and column) and what was expected. */
export interface ValidationProblem {
  line: number;
  /** A column name, or several joined by `/` when the rule spans them (the partner IDs). */
  column: string;
  value: string;
  message: string;
}

/** Active ISO 4217 codes (2024 list, funds and metals included; XTS and XXX are not currencies). */
const ISO_4217 = new Set(
  (
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
    'CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
    'GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD ' +
    'KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO ' +
    'NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS ' +
    'SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND ' +
    'VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XUA YER ZAR ZMW ZWG ZWL'
  ).split(' '),
);

export const TAG_MAX_LENGTH = 100;
/** `_ym_uid`: 10 digits of creation time and 7–9 random digits (Metrica's tag source). */
const CLIENT_ID = /^\d{17,19}$/;
const DIGITS = /^\d+$/;
const PRICE = /^\d+(\.\d+)?$/;

function problem(line: number, column: string, value: string, message: string): ValidationProblem {
  return { line, column, value, message };
}

/**
 * The value as written must be absolute: the URL parser alone also takes `https:example.com`,
 * `http:/x`, `https:\\x` and surrounding spaces, which it repairs, but Metrica gets the raw text.
 */
const ABSOLUTE_HTTP = /^https?:\/\/[^\s/?#\\]\S*$/i;

function checkUrl(line: number, column: CsvColumn, value: string, out: ValidationProblem[]): void {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // Not absolute or not a URL at all: reported below.
  }
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:') || !ABSOLUTE_HTTP.test(value)) {
    out.push(problem(line, column, value, 'expected an absolute http:// or https:// URL'));
  }
}

/**
 * Every problem of one row. `nowSeconds` is the present as Unix seconds: Metrica refuses a
 * DateTime that has not been reached yet.
 */
export function validateRecord(record: ConversionRecord, line: number, nowSeconds: number): ValidationProblem[] {
  const out: ValidationProblem[] = [];
  const get = (c: CsvColumn): string => record[c] ?? '';

  const dateTime = get('DateTime');
  if (dateTime === '') {
    out.push(problem(line, 'DateTime', dateTime, 'is required: the chat time in Unix seconds'));
  } else if (!DIGITS.test(dateTime)) {
    out.push(problem(line, 'DateTime', dateTime, 'expected an integer of Unix seconds, e.g. 1687005600'));
  } else if (Number(dateTime) > nowSeconds) {
    const hint = dateTime.length >= 13 ? ' (milliseconds? expected seconds)' : '';
    out.push(problem(line, 'DateTime', dateTime, `is in the future${hint}; Metrica accepts only past times`));
  }

  const platform = get('ChatPlatform');
  if (!(CHAT_PLATFORMS as readonly string[]).includes(platform)) {
    const lower = (CHAT_PLATFORMS as readonly string[]).includes(platform.toLowerCase()) ? ' (in lower case)' : '';
    out.push(problem(line, 'ChatPlatform', platform, `expected one of ${CHAT_PLATFORMS.join(', ')}${lower}`));
  }

  if (PARTNER_CSV_COLUMNS.every((c) => get(c) === '')) {
    out.push(problem(line, PARTNER_CSV_COLUMNS.join('/'), '', 'at least one chat partner ID is required'));
  }

  const clientId = get('ClientID');
  if (clientId !== '' && !CLIENT_ID.test(clientId)) {
    const float = /[.eE]/.test(clientId) ? ' (it looks like a number that went through a spreadsheet or a float)' : '';
    out.push(problem(line, 'ClientID', clientId, `expected 17 to 19 digits kept as text${float}`));
  }
  const yclid = get('Yclid');
  if (yclid !== '' && !DIGITS.test(yclid)) {
    out.push(problem(line, 'Yclid', yclid, 'expected the digits of the Yandex Direct click ID'));
  }

  const answered = get('ChatAnswered');
  if (answered !== '' && answered !== '0' && answered !== '1') {
    out.push(problem(line, 'ChatAnswered', answered, 'expected 1 (answered) or 0 (not answered)'));
  }

  const tag = get('Tag');
  const tagLength = [...tag].length;
  if (tagLength > TAG_MAX_LENGTH) {
    out.push(problem(line, 'Tag', tag, `is ${tagLength} characters long; at most ${TAG_MAX_LENGTH} are allowed`));
  }

  const price = get('Price');
  if (price !== '' && !PRICE.test(price)) {
    const comma = /^\d+,\d+$/.test(price) ? ' (use a full stop, not a comma)' : '';
    out.push(problem(line, 'Price', price, `expected a non-negative number with a full stop, e.g. 1500.00${comma}`));
  }

  const currency = get('Currency');
  if (currency !== '' && !ISO_4217.has(currency)) {
    const upper = ISO_4217.has(currency.toUpperCase()) ? ` (write it in capitals: ${currency.toUpperCase()})` : '';
    out.push(problem(line, 'Currency', currency, `expected a three-letter ISO 4217 code such as RUB${upper}`));
  }

  for (const column of ['URL', 'MessengerTrackerURL'] as const) {
    const value = get(column);
    if (value !== '') checkUrl(line, column, value, out);
  }
  return out;
}

/** Whether Metrica can attribute the row: it carries at least one Metrica ID. */
export function isAttributed(record: ConversionRecord): boolean {
  return METRICA_ID_COLUMNS.some((c) => (record[c] ?? '') !== '');
}

/** Counts for `--dry-run` and the report after an upload. */
export interface UploadSummary {
  rows: number;
  attributed: number;
  unattributed: number;
  platforms: Record<ChatPlatform, number>;
}

export function emptySummary(): UploadSummary {
  return { rows: 0, attributed: 0, unattributed: 0, platforms: { telegram: 0, whatsapp: 0, viber: 0 } };
}

/** Adds one valid row to the summary. */
export function countRow(summary: UploadSummary, record: ConversionRecord): void {
  summary.rows++;
  if (isAttributed(record)) summary.attributed++;
  else summary.unattributed++;
  const platform = record.ChatPlatform as ChatPlatform;
  if (platform in summary.platforms) summary.platforms[platform]++;
}

/**
 * Problems of a user's header line: unknown or repeated names (Metrica spells `ClientID`, not
 * `ClientId`) and missing mandatory columns. Returns the known columns in file order.
 */
export function validateHeader(names: readonly string[]): { columns: CsvColumn[]; problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  const known = new Map(CSV_COLUMNS.map((c) => [c.toLowerCase(), c] as const));
  const seen = new Set<string>();
  const columns: CsvColumn[] = [];
  for (const name of names) {
    const column = known.get(name.toLowerCase());
    if (column === undefined) {
      problems.push(problem(1, name, name, `unknown column; expected one of ${CSV_COLUMNS.join(', ')}`));
    } else if (column !== name) {
      problems.push(problem(1, name, name, `Metrica spells this column \`${column}\``));
    } else if (seen.has(column)) {
      problems.push(problem(1, name, name, 'the column appears twice'));
    } else {
      seen.add(column);
      columns.push(column);
    }
  }
  for (const required of ['DateTime', 'ChatPlatform'] as const) {
    if (!seen.has(required)) problems.push(problem(1, required, '', 'mandatory column is missing'));
  }
  if (!PARTNER_CSV_COLUMNS.some((c) => seen.has(c))) {
    problems.push(problem(1, PARTNER_CSV_COLUMNS.join('/'), '', 'at least one chat partner column is required'));
  }
  return { columns, problems };
}

/** A one-line, human form of a problem: `line 5, Price: "12,50" expected …`. */
export function describeProblem(problem: ValidationProblem, source?: string): string {
  const where = source ? `${source}:${problem.line}` : `line ${problem.line}`;
  const shown = problem.value.length > 60 ? `${problem.value.slice(0, 57)}...` : problem.value;
  const value = problem.value === '' ? '' : ` ${JSON.stringify(shown)}`;
  return `${where}, ${problem.column}:${value} ${problem.message}`;
}

/**
 * The former name of {@link describeProblem}, kept because it is public API of
 * `metrica-chats/uploader`; `metrica-chats/match` had a different function of the same name.
 * @deprecated Use describeProblem.
 */
export const formatProblem = describeProblem;
