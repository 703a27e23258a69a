import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GroupCommit, type GroupCommitOptions } from './group-commit.js';

// The group commit alone, with a writer in memory: batching, the one-by-one fallback, the retry
// of the follow-up and the concurrency rule, without a database.

interface Item {
  name: string;
  bad?: boolean;
  needs?: boolean;
}

function writer(overrides: Partial<GroupCommitOptions<Item>> = {}) {
  const batches: string[][] = [];
  let nextId = 1;
  let inFlight = 0;
  let maxInFlight = 0;
  const options: GroupCommitOptions<Item> = {
    async write(items) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      batches.push(items.map((i) => i.name));
      if (items.some((i) => i.bad)) throw new Error(`bad item in ${items.map((i) => i.name).join(',')}`);
      return items.map(() => nextId++);
    },
    followUp: async (items) => items.map((i) => (i.needs ? 1 : 0)),
    unfollowed: 0,
    needsFollowUp: (item) => item.needs === true,
    followUpFailed: (error) => new Error(`stored, but the follow-up failed: ${(error as Error).message}`),
    concurrency: 1,
    maxBatch: 3,
    parallelBacklog: 4,
    ...overrides,
  };
  return { commit: new GroupCommit(options), batches, maxInFlight: () => maxInFlight };
}

describe('GroupCommit', () => {
  test('items added in one turn go in one write, up to maxBatch, and each gets its ID', async () => {
    const { commit, batches } = writer();
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((name) => commit.add({ name, needs: name === 'b' })));
    assert.deepEqual(batches, [['a', 'b', 'c'], ['d']]);
    assert.deepEqual(results, [
      { id: 1, followUps: 0 },
      { id: 2, followUps: 1 },
      { id: 3, followUps: 0 },
      { id: 4, followUps: 0 },
    ]);
  });

  test('a failing batch is written again one by one: only the bad item fails', async () => {
    const { commit, batches } = writer();
    const settled = await Promise.allSettled([
      commit.add({ name: 'a' }),
      commit.add({ name: 'b', bad: true }),
      commit.add({ name: 'c' }),
    ]);
    assert.deepEqual(
      settled.map((s) => s.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.match(String((settled[1] as PromiseRejectedResult).reason), /bad item in b$/);
    assert.deepEqual(batches, [['a', 'b', 'c'], ['a'], ['b'], ['c']]);
  });

  test('a follow-up that fails once is run again; failing twice rejects only the items that needed it', async () => {
    let calls = 0;
    const once = writer({
      followUp: async (items) => {
        if (++calls === 1) throw new Error('deadlock');
        return items.map(() => 1);
      },
    });
    assert.deepEqual(await once.commit.add({ name: 'a', needs: true }), { id: 1, followUps: 1 });
    assert.equal(calls, 2);

    const twice = writer({
      followUp: async () => {
        throw new Error('down');
      },
    });
    const [needed, notNeeded] = await Promise.allSettled([
      twice.commit.add({ name: 'a', needs: true }),
      twice.commit.add({ name: 'b' }),
    ]);
    assert.equal(needed.status, 'rejected');
    assert.match(String((needed as PromiseRejectedResult).reason), /stored, but the follow-up failed: down/);
    assert.deepEqual((notNeeded as PromiseFulfilledResult<unknown>).value, { id: 2, followUps: 0 });
  });

  test('a second batch starts beside the first only with a backlog, and within the concurrency', async () => {
    const single = writer({ concurrency: 1, maxBatch: 2, parallelBacklog: 2 });
    await Promise.all(Array.from({ length: 8 }, (_, i) => single.commit.add({ name: `s${i}` })));
    assert.equal(single.maxInFlight(), 1);

    const pooled = writer({ concurrency: 2, maxBatch: 2, parallelBacklog: 2 });
    await Promise.all(Array.from({ length: 8 }, (_, i) => pooled.commit.add({ name: `p${i}` })));
    assert.equal(pooled.maxInFlight(), 2);

    const small = writer({ concurrency: 2, maxBatch: 2, parallelBacklog: 100 });
    await Promise.all(Array.from({ length: 8 }, (_, i) => small.commit.add({ name: `q${i}` })));
    assert.equal(small.maxInFlight(), 1, 'a small backlog waits and goes in the next batch');
  });

  test('drain waits for everything already queued', async () => {
    const { commit, batches } = writer();
    const pending = [commit.add({ name: 'a' }), commit.add({ name: 'b' })];
    await commit.drain();
    assert.deepEqual(batches, [['a', 'b']]);
    await Promise.all(pending);
  });
});
