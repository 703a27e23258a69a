import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Storage } from '../storage/index.js';
import type { CliIO } from './io.js';
/**
 * What every command shares: the exit codes, the messages a user reads when something is wrong,
 * the argument parser that writes them, the database option and its opener. Each message names
 * the value, what was expected and the next step; README's exit-code table is EXIT.
 */
/** Exit codes, the same in every command. */
export declare const EXIT: {
    /** Done (also: nothing to do, a clean dry run). */
    readonly ok: 0;
    /** Invalid rows: nothing was sent. */
    readonly failed: 1;
    /** Usage: a wrong or missing option, value, file or database path. */
    readonly usage: 2;
    /** Metrica refused the upload, or did not answer after retries. */
    readonly api: 3;
    /** The database cannot be opened, created or reached, or its driver is missing. */
    readonly database: 4;
    /** The address cannot be listened on: the port is in use or not permitted. */
    readonly address: 5;
    /** Uploaded, but rows of the database were held back: they break a CHATS rule (listed on stderr). */
    readonly heldBack: 6;
    /** Uploaded, but Metrica accepted fewer rows than were sent (`line_quantity`). */
    readonly notAccepted: 7;
    /** An unexpected error: a bug. */
    readonly internal: 70;
};
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
/** What each exit code means, in the words of `metrica-chats --help` and README's table. */
export declare const EXIT_MEANINGS: ReadonlyArray<readonly [ExitCode, string]>;
/** An error meant for the user: its message is printed as is, and the command exits with `exit`. */
export declare class CliError extends Error {
    readonly exit: ExitCode;
    name: string;
    constructor(exit: ExitCode, message: string);
}
/** A mistake in how the command was called: printed with a pointer to `--help`, exit code 2. */
export declare class UsageError extends CliError {
    name: string;
    constructor(message: string);
}
/** The default database, written once: a SQLite file in the working folder. */
export declare const DEFAULT_DB = "./metrica-chats.db";
/** Every user-facing failure that more than one command can meet, with its exit code. */
export declare const FAIL: {
    readonly unknownOption: (flag: string, suggestion: string | null, known: readonly string[]) => UsageError;
    readonly missingValue: (flag: string) => UsageError;
    readonly noValue: (flag: string) => UsageError;
    readonly unexpectedArgument: (arg: string) => UsageError;
    readonly twoDatabases: (db: string, from: string) => UsageError;
    readonly databaseMissing: (path: string, source: string) => UsageError;
    readonly databaseUnusable: (reason: string) => CliError;
    readonly databaseUnreachable: (target: string, cause: string) => CliError;
    readonly driverMissing: (message: string) => CliError;
    readonly portInUse: (port: number, host: string, what: string, move: string) => CliError;
    readonly portRefused: (port: number, host: string, what: string, cause: string, move: string) => CliError;
    readonly internal: (message: string) => CliError;
};
/** The known option closest to a mistyped one, when it is close enough to be what was meant. */
export declare function suggestOption(flag: string, known: readonly string[]): string | null;
/** Node's parseArgs error as the user's message: which option, what it needs, what was meant. */
export declare function explainParseError(error: unknown, options?: ParseArgsConfig['options']): CliError;
/** `parseArgs` for a command: every mistake becomes a usage error in the user's words. */
export declare function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>>;
/**
 * The command as the user would type it next, for hints: `npx metrica-chats` when npm started it
 * (`npx`, or `npm run demo` in a checkout, where the bin is not on the shell's PATH), else
 * `metrica-chats` (installed globally, or on the PATH some other way).
 */
export declare function program(io: Pick<CliIO, 'env'>): string;
/** A help text with its usage lines written the way the user ran the command. */
export declare function helpText(io: Pick<CliIO, 'env'>, text: string): string;
/** The `--db` option, and `--from`, its older name kept working. */
export declare const DATABASE_OPTIONS: {
    readonly db: {
        readonly type: "string";
    };
    readonly from: {
        readonly type: "string";
    };
};
/** Which database a command uses, and where that came from (for messages). */
export interface DatabaseChoice {
    target: string;
    source: string;
}
/** `--db`, else `--from`, else METRICA_CHATS_DB, else the default path. */
export declare function chooseDatabase(values: {
    db?: string;
    from?: string;
}, io: Pick<CliIO, 'env'>): DatabaseChoice;
/** A postgres:// URL without its password, for messages and logs. */
export declare function redactUrl(target: string): string;
/** A database error as the user's message, or null when it is not about the database. */
export declare function explainDatabaseError(error: unknown, target: string): CliError | null;
/**
 * Opens the collector's database for a command. Every command but `serve` needs an existing one:
 * a mistyped SQLite path must not quietly become a new, empty database.
 */
export declare function openDatabase(choice: DatabaseChoice, io: Pick<CliIO, 'cwd'>, options: {
    create: boolean;
}): Promise<Storage>;
/** A failed `listen` as the user's message: which port, whose it is, and how to move it. */
export declare function explainListenError(error: unknown, where: {
    port: number;
    host: string;
    what: string;
    move: string;
}): unknown;
