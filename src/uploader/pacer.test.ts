import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createPacer } from './pacer.js';

describe('createPacer', () => {
  test('starts at most maxPerSecond tasks in any one-second window', async () => {
    const pacer = createPacer({ maxPerSecond: 5, maxInFlight: 10 });
    const t0 = performance.now();
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 7 }, () =>
        pacer.run(async () => {
          starts.push(performance.now() - t0);
        }),
      ),
    );
    assert.ok(
      starts.slice(0, 5).every((t) => t < 200),
      `first five at once: ${starts}`,
    );
    assert.ok(
      starts.slice(5).every((t) => t >= 995),
      `the sixth and seventh wait for the window: ${starts}`,
    );
  });

  test('keeps at most maxInFlight tasks running, and a failing task frees its slot', async () => {
    const pacer = createPacer({ maxInFlight: 2 });
    let running = 0;
    let most = 0;
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        pacer.run(async () => {
          running++;
          most = Math.max(most, running);
          await new Promise((r) => setTimeout(r, 10));
          running--;
          if (i % 2 === 0) throw new Error(`task ${i}`);
          return i;
        }),
      ),
    );
    assert.equal(most, 2);
    assert.deepEqual(
      results.map((r) => r.status),
      ['rejected', 'fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled'],
    );
  });

  test('rejects a limit that is not a positive integer, naming it', () => {
    assert.throws(() => createPacer({ maxInFlight: 0 }), /`pacing.maxInFlight` to be a positive integer, got 0/);
    assert.throws(() => createPacer({ maxPerSecond: 2.5 }), /`pacing.maxPerSecond`/);
  });
});
