import type { CliIO } from './io.js';
/** What a command line run in this process wrote, and its exit code. */
export interface CliOutput {
    stdout: string;
    stderr: string;
    /** stdout and stderr together, in the order written (what a terminal shows). */
    out: string;
}
export interface CliRun extends CliOutput {
    code: number;
}
export interface CliRunOptions {
    env?: Record<string, string | undefined>;
    /** Default: the process's working folder. */
    cwd?: string;
    /** Stops a long-running command (serve, demo) as SIGINT/SIGTERM would. */
    signal?: AbortSignal;
}
/**
 * Starts a command line in this process; `output` fills while it runs, `exit` is its exit code.
 * `run` is `main` from main.ts, passed in rather than imported so that a command using this
 * (the demo runs `upload` and `report`) does not import the command table that imports it.
 */
export declare function startCli(run: (io: CliIO) => Promise<number>, argv: readonly string[], options?: CliRunOptions): {
    output: CliOutput;
    exit: Promise<number>;
};
/** Runs a command line in this process to its end and returns what it printed. */
export declare function captureCli(run: (io: CliIO) => Promise<number>, argv: readonly string[], options?: CliRunOptions): Promise<CliRun>;
