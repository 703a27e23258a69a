import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Storage } from '../storage/index.js';
import type { CliIO } from './io.js';

/**
 * What every command shares: the exit codes, the messages a user reads when something is wrong,
 * the argument parser that writes them, the database option and its opener. Each message names
 * the value, what was expected and the next step; README's exit-code table is EXIT.
 */

/** Exit codes, the same in every command. */
export const EXIT = {
  /** Done (also: nothing to do, a clean dry run). */
  ok: 0,
  /** Invalid rows: nothing was sent. */
  failed: 1,
  /** Usage: a wrong or missing option, value, file or database path. */
  usage: 2,
  /** Metrica refused the upload, or did not answer after retries. */
  api: 3,
  /** The database cannot be opened, created or reached, or its driver is missing. */
  database: 4,
  /** The address cannot be listened on: the port is in use or not permitted. */
  address: 5,
  /** Uploaded, but rows of the database were held back: they break a CHATS rule (listed on stderr). */
  heldBack: 6,
  /** Uploaded, but Metrica accepted fewer rows than were sent (`line_quantity`). */
  notAccepted: 7,
  /** An unexpected error: a bug. */
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What each exit code means, in the words of `metrica-chats --help` and README's table. */
export const EXIT_MEANINGS: ReadonlyArray<readonly [ExitCode, string]> = [
  [EXIT.ok, 'done (also: nothing to do, a clean dry run)'],
  [EXIT.failed, 'invalid rows: nothing was sent; each problem is listed'],
  [EXIT.usage, 'usage: a wrong or missing option, value, token, file or database path'],
  [EXIT.api, 'Metrica refused the upload, or it still failed after retries'],
  [EXIT.database, 'the database cannot be opened, created or reached, or its driver is missing'],
  [EXIT.address, 'the port is in use or not permitted'],
  [EXIT.heldBack, 'uploaded, but rows that break a CHATS rule were held back'],
  [EXIT.notAccepted, 'uploaded, but Metrica accepted fewer rows than were sent'],
  [EXIT.internal, 'an unexpected error: a bug, please report it'],
];

/** An error meant for the user: its message is printed as is, and the command exits with `exit`. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    readonly exit: ExitCode,
    message: string,
  ) {
    super(message);
  }
}

/** A mistake in how the command was called: printed with a pointer to `--help`, exit code 2. */
export class UsageError extends CliError {
  override name = 'UsageError';
  constructor(message: string) {
    super(EXIT.usage, message);
  }
}

/** The default database, written once: a SQLite file in the working folder. */
export const DEFAULT_DB = './metrica-chats.db';

const q = (value: unknown): string => JSON.stringify(String(value));

/** Every user-facing failure that more than one command can meet, with its exit code. */
export const FAIL = {
  unknownOption: (flag: string, suggestion: string | null, known: readonly string[]) =>
    new UsageError(
      suggestion
        ? `Unknown option \`${flag}\`. Did you mean \`${suggestion}\`?`
        : `Unknown option \`${flag}\`. Expected one of: ${known.join(', ')}.`,
    ),
  missingValue: (flag: string) =>
    new UsageError(
      `\`${flag}\` needs a value, e.g. \`${flag} <value>\` (or \`${flag}=<value>\` when it starts with -).`,
    ),
  noValue: (flag: string) => new UsageError(`\`${flag}\` takes no value; write \`${flag}\` alone.`),
  unexpectedArgument: (arg: string) =>
    new UsageError(`Unexpected argument ${q(arg)}: this command takes only options (\`--name value\`).`),
  twoDatabases: (db: string, from: string) =>
    new UsageError(
      `\`--db ${db}\` and \`--from ${from}\` both name the database (--from is the older name of --db); give one.`,
    ),
  databaseMissing: (path: string, source: string) =>
    new UsageError(
      `No database at ${path} (${source}). Expected the collector's SQLite file: check the path, ` +
        'or give it with --db <path> (or METRICA_CHATS_DB).',
    ),
  databaseUnusable: (reason: string) =>
    new CliError(EXIT.database, `${reason} Choose another path with --db <path> (or METRICA_CHATS_DB).`),
  databaseUnreachable: (target: string, cause: string) =>
    new CliError(
      EXIT.database,
      `Cannot reach the database ${target}: ${cause}. Check that the server runs and that the URL is right ` +
        '(--db or METRICA_CHATS_DB).',
    ),
  driverMissing: (message: string) => new CliError(EXIT.database, message),
  portInUse: (port: number, host: string, what: string, move: string) =>
    new CliError(EXIT.address, `Port ${port} on ${host} (${what}) is already in use. ${move}`),
  portRefused: (port: number, host: string, what: string, cause: string, move: string) =>
    new CliError(EXIT.address, `Cannot listen on ${host}:${port} (${what}): ${cause}. ${move}`),
  internal: (message: string) =>
    new CliError(
      EXIT.internal,
      `Unexpected error: ${message}. This is a bug; please report it with the command you ran.`,
    ),
} as const;

// --- Arguments -------------------------------------------------------------------------------

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length] as number;
}

/** The known option closest to a mistyped one, when it is close enough to be what was meant. */
export function suggestOption(flag: string, known: readonly string[]): string | null {
  const typed = flag.replace(/^-+/, '').toLowerCase();
  let best: string | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const option of known) {
    const name = option.replace(/^-+/, '');
    // `--dryrun` for `--dry-run`: hyphens count for nothing; `--older` for `--older-than`: a prefix counts 1.
    let score = Math.min(distance(typed, name), distance(typed.replace(/-/g, ''), name.replace(/-/g, '')));
    if (typed.length >= 3 && name.startsWith(typed)) score = Math.min(score, 1);
    if (score <= Math.max(1, Math.floor(name.length / 3)) && score < bestScore) {
      best = option;
      bestScore = score;
    }
  }
  return best;
}

/** Node's parseArgs error as the user's message: which option, what it needs, what was meant. */
export function explainParseError(error: unknown, options: ParseArgsConfig['options'] = {}): CliError {
  const message = (error as Error).message ?? String(error);
  const code = (error as { code?: string }).code;
  const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  const known = Object.keys(options).map((name) => `--${name}`);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return FAIL.unknownOption(flag, suggestOption(flag, known), known);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message)) return FAIL.noValue(flag);
    return FAIL.missingValue(flag);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return FAIL.unexpectedArgument(/Unexpected argument '([^']*)'/.exec(message)?.[1] ?? '');
  }
  return new UsageError(message);
}

/** `parseArgs` for a command: every mistake becomes a usage error in the user's words. */
export function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw explainParseError(error, config.options);
  }
}

// --- How the user ran it -----------------------------------------------------------------------

/**
 * The command as the user would type it next, for hints: `npx metrica-chats` when npm started it
 * (`npx`, or `npm run demo` in a checkout, where the bin is not on the shell's PATH), else
 * `metrica-chats` (installed globally, or on the PATH some other way).
 */
export function program(io: Pick<CliIO, 'env'>): string {
  return io.env.npm_command === 'exec' || io.env.npm_command === 'run-script' ? 'npx metrica-chats' : 'metrica-chats';
}

/** A help text with its usage lines written the way the user ran the command. */
export function helpText(io: Pick<CliIO, 'env'>, text: string): string {
  const name = program(io);
  return name === 'metrica-chats' ? text : text.replace(/(^|[\s`])metrica-chats (?=[a-z<])/gm, `$1${name} `);
}

// --- The database ----------------------------------------------------------------------------

/** The `--db` option, and `--from`, its older name kept working. */
export const DATABASE_OPTIONS = { db: { type: 'string' }, from: { type: 'string' } } as const;

/** Which database a command uses, and where that came from (for messages). */
export interface DatabaseChoice {
  target: string;
  source: string;
}

/** `--db`, else `--from`, else METRICA_CHATS_DB, else the default path. */
export function chooseDatabase(values: { db?: string; from?: string }, io: Pick<CliIO, 'env'>): DatabaseChoice {
  const { db, from } = values;
  if (db !== undefined && from !== undefined && db !== from) throw FAIL.twoDatabases(db, from);
  if (db !== undefined) return { target: db, source: '--db' };
  if (from !== undefined) return { target: from, source: '--from' };
  const env = io.env.METRICA_CHATS_DB?.trim();
  if (env) return { target: env, source: 'METRICA_CHATS_DB' };
  return { target: DEFAULT_DB, source: 'the default' };
}

/** A postgres:// URL without its password, for messages and logs. */
export function redactUrl(target: string): string {
  return target.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH']);

/** A database error as the user's message, or null when it is not about the database. */
export function explainDatabaseError(error: unknown, target: string): CliError | null {
  if (error instanceof CliError) return error;
  const e = error as { name?: string; code?: string; message?: string };
  if (e.name === 'DatabasePathError') return FAIL.databaseUnusable(String(e.message));
  if (e.name === 'MissingDriverError') return FAIL.driverMissing(String(e.message));
  const code = String(e.code ?? '');
  // PostgreSQL: connection refused or not found, SQLSTATE 08 (connection), 28 (auth), 3D000 (no such database).
  if (UNREACHABLE.has(code) || /^(08|28)/.test(code) || code === '3D000' || code === '57P03') {
    return FAIL.databaseUnreachable(redactUrl(target), e.message || code);
  }
  if (code.startsWith('SQLITE_')) return FAIL.databaseUnreachable(target, `${code}: ${e.message}`);
  return null;
}

/**
 * Opens the collector's database for a command. Every command but `serve` needs an existing one:
 * a mistyped SQLite path must not quietly become a new, empty database.
 */
export async function openDatabase(
  choice: DatabaseChoice,
  io: Pick<CliIO, 'cwd'>,
  options: { create: boolean },
): Promise<Storage> {
  const { isPostgresUrl, openStorage } = await import('../storage/index.js');
  const { target } = choice;
  if (!options.create && !isPostgresUrl(target) && target !== ':memory:') {
    const path = resolve(io.cwd, target);
    if (!existsSync(path)) throw FAIL.databaseMissing(path, `from ${choice.source}`);
  }
  try {
    return await openStorage(target, { cwd: io.cwd });
  } catch (error) {
    throw explainDatabaseError(error, target) ?? error;
  }
}

// --- Listening -------------------------------------------------------------------------------

/** A failed `listen` as the user's message: which port, whose it is, and how to move it. */
export function explainListenError(
  error: unknown,
  where: { port: number; host: string; what: string; move: string },
): unknown {
  const code = (error as { code?: string }).code;
  const port = Number((error as { port?: number }).port ?? where.port);
  if (code === 'EADDRINUSE') return FAIL.portInUse(port, where.host, where.what, where.move);
  if (code === 'EACCES' || code === 'EPERM') {
    const cause = port < 1024 ? 'ports below 1024 need root privileges' : 'permission denied';
    return FAIL.portRefused(port, where.host, where.what, cause, where.move);
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return FAIL.portRefused(
      port,
      where.host,
      where.what,
      `${where.host} is not an address of this machine`,
      where.move,
    );
  }
  return error;
}
