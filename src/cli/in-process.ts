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
export async function captureCli(
  run: (io: CliIO) => Promise<number>,
  argv: readonly string[],
  options: { env?: Record<string, string | undefined>; cwd?: string; signal?: AbortSignal } = {},
): Promise<CliRun> {
  const captured = { stdout: '', stderr: '', out: '' };
  const sink = (stream: 'stdout' | 'stderr') => ({
    write(chunk: string) {
      captured[stream] += chunk;
      captured.out += chunk;
      return true;
    },
  });
  const code = await run({
    argv: ['node', 'metrica-chats', ...argv],
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    stdout: sink('stdout'),
    stderr: sink('stderr'),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { code, ...captured };
}
