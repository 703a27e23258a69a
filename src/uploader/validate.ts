import { checkChatRecord, isAttributed } from '../domain/index.js';
import {
  type ChatPlatform,
  type ConversionRecord,
  CSV_COLUMNS,
  type CsvColumn,
  PARTNER_CSV_COLUMNS,
} from '../shared/conversion.js';

/**
 * The CHATS row rules (the domain's, `domain/chat-row.ts`), checked before anything is sent, so
 * the user learns every problem at once, with its line and column.
 */

export { TAG_MAX_LENGTH } from '../domain/index.js';
export { isAttributed };

/** One bad value: where it is (file line, header = line 1, and column) and what was expected. */
export interface ValidationProblem {
  line: number;
  /** A column name, or several joined by `/` when the rule spans them (the partner IDs). */
  column: string;
  value: string;
  message: string;
}

function problem(line: number, column: string, value: string, message: string): ValidationProblem {
  return { line, column, value, message };
}

/**
 * Every problem of one row. `nowSeconds` is the present as Unix seconds: Metrica refuses a
 * DateTime that has not been reached yet.
 */
export function validateRecord(record: ConversionRecord, line: number, nowSeconds: number): ValidationProblem[] {
  return checkChatRecord(record, nowSeconds).map((p) => ({ line, ...p }));
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
