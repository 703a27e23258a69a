import type { CliIO } from './io.js';
/** What a command line run in this process wrote, and its exit code. */
export interface CliRun {
    code: number;
    stdout: string;
    stderr: string;
    /** stdout and stderr together, in the order written (what a terminal shows). */
    out: string;
}
/**
 * Runs a command line in this process and captures what it prints: for the demo's panel (which
 * runs the real `upload` and `report`) and for tests. `run` is `main` from main.ts, passed in
 * rather than imported so that a command using this does not import the command table back.
 */
export declare function captureCli(run: (io: CliIO) => Promise<number>, argv: readonly string[], options?: {
    env?: Record<string, string | undefined>;
    cwd?: string;
    signal?: AbortSignal;
}): Promise<CliRun>;
