import { type ParseArgsConfig, parseArgs } from 'node:util';
/**
 * What a command may touch of the process. `bin.ts` passes the real process; tests pass a fake
 * one and read what was written and the exit code, without spawning.
 */
export interface CliIO {
    argv: string[];
    env: Record<string, string | undefined>;
    cwd: string;
    stdout: {
        write(chunk: string): unknown;
        isTTY?: boolean;
    };
    stderr: {
        write(chunk: string): unknown;
        isTTY?: boolean;
    };
    /** Resolves when the command should stop (SIGINT/SIGTERM for the real process). */
    signal?: AbortSignal;
    /**
     * Runs another command line in this process; main() sets it to itself. The demo runs `upload`
     * and `report` with it without importing the command table that imports the demo.
     */
    runCli?: (io: CliIO) => Promise<number>;
}
/** A command: takes its own arguments (after the command name), returns the exit code. */
export type Command = (args: string[], io: CliIO) => Promise<number>;
/** Exit codes shared by every command. */
export declare const EXIT: {
    readonly ok: 0;
    readonly failed: 1;
    readonly usage: 2;
    readonly api: 3;
    /** Uploaded, but some rows of the database were held back: they break a CHATS rule. */
    readonly heldBack: 4;
    /** Uploaded, but Metrica accepted fewer rows than were sent (`line_quantity`). */
    readonly notAccepted: 5;
};
/** A mistake in how the command was called: printed with the command's usage, exit code 2. */
export declare class UsageError extends Error {
    name: string;
}
/** `parseArgs` for a command: strict, and a wrong or unknown option is a usage error (exit 2). */
export declare function parseCommandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>>;
