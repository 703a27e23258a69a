import type { ParseArgsConfig, parseArgs } from 'node:util';
import { parseOptions } from './toolkit.js';

export { CliError, EXIT, UsageError } from './toolkit.js';

/**
 * What a command may touch of the process. `bin.ts` passes the real process; tests pass a fake
 * one and read what was written and the exit code, without spawning.
 */
export interface CliIO {
  argv: string[];
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
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

/** `parseArgs` for a command: strict, and every mistake is a usage error in the user's words (exit 2). */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  return parseOptions(config);
}
