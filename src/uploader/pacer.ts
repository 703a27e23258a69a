/**
 * Keeps requests inside Metrica's quotas: at most `maxPerSecond` started in any one-second
 * window (30 per IP) and at most `maxInFlight` at once (3 per user). Quota replies block the
 * whole user for a while, so staying under the limits is cheaper than retrying over them.
 */

export interface PacerOptions {
  maxPerSecond?: number;
  maxInFlight?: number;
}

export interface Pacer {
  /** Runs `task` when the limits allow it. */
  run<T>(task: () => Promise<T>): Promise<T>;
}

const WINDOW_MS = 1000;

export function createPacer(options: PacerOptions = {}): Pacer {
  const maxPerSecond = options.maxPerSecond ?? 30;
  const maxInFlight = options.maxInFlight ?? 3;
  for (const [name, value] of [
    ['maxPerSecond', maxPerSecond],
    ['maxInFlight', maxInFlight],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new TypeError(`Expected \`pacing.${name}\` to be a positive integer, got ${value}.`);
    }
  }
  const waiting: Array<() => void> = [];
  const starts: number[] = [];
  let inFlight = 0;
  let timer: NodeJS.Timeout | null = null;

  function pump(): void {
    while (waiting.length > 0 && inFlight < maxInFlight) {
      const now = performance.now();
      while (starts.length > 0 && starts[0]! <= now - WINDOW_MS) starts.shift();
      if (starts.length >= maxPerSecond) {
        if (timer === null) {
          timer = setTimeout(
            () => {
              timer = null;
              pump();
            },
            starts[0]! + WINDOW_MS - now,
          );
        }
        return;
      }
      starts.push(now);
      inFlight++;
      waiting.shift()!();
    }
  }

  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        pump();
      });
      try {
        return await task();
      } finally {
        inFlight--;
        pump();
      }
    },
  };
}
