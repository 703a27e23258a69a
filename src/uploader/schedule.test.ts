import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type FakeMetrica, startFakeMetrica } from '../fake-metrica/server.js';
import type { ConversionRecord } from '../shared/conversion.js';
import { createMetricaClient, type MetricaClient } from './client.js';
import { MemoryConversionStore } from './memory-store.js';
import { createUploadSchedule, nextUtcMidnight, type TryLock } from './schedule.js';

// The schedule's runs against the fake Metrica (real HTTP on loopback); the lock here is a flag
// in memory, the database's own locks are tested with the collector.

const TOKEN = 'schedule-test-token';
let fake: FakeMetrica;
let client: MetricaClient;
let counter = 500;

before(async () => {
  fake = await startFakeMetrica({ token: TOKEN });
  client = createMetricaClient({ token: TOKEN, apiUrl: fake.url, retry: { retries: 1, minTimeout: 1, maxTimeout: 5 } });
});
after(() => fake.close());

const chat = (i: number): ConversionRecord => ({
  ClientID: '133591247640966458',
  DateTime: String(1_687_000_000 + i),
  ChatPlatform: 'telegram',
  ChatUserID: `u${i}`,
});

function memoryLock(): TryLock & { held: boolean } {
  const lock = Object.assign(
    async () => {
      if (lock.held) return null;
      lock.held = true;
      return async () => {
        lock.held = false;
      };
    },
    { held: false },
  );
  return lock;
}

function setup(n: number, logs: string[] = []) {
  const store = new MemoryConversionStore();
  for (let i = 0; i < n; i++) store.put(`k${i}`, chat(i));
  const counterId = String(counter++);
  const lock = memoryLock();
  const line = (level: string) => (msg: string) => logs.push(`${level} ${msg}`);
  const schedule = createUploadSchedule({
    store,
    tryLock: lock,
    client,
    counterId,
    everyMs: 60_000,
    every: '1m',
    log: { info: line('info'), warn: line('warn'), error: line('error') },
    wait: { timeoutMs: 2000, intervalMs: 5 },
  });
  return { store, counterId, lock, schedule };
}

describe('scheduled upload', () => {
  test('uploads the pending rows once, then only the new ones', async (t) => {
    const logs: string[] = [];
    const { store, counterId, schedule } = setup(3, logs);
    t.after(() => schedule.stop());
    const first = await schedule.runOnce();
    assert.equal(first.outcome, 'uploaded');
    assert.equal(first.rows, 3);
    assert.match(first.message, /uploaded 3 rows \(upload \d+ PROCESSED, 3 rows accepted\)/);
    assert.equal((await schedule.runOnce()).outcome, 'nothing-to-upload');
    store.put('k9', chat(9));
    const later = await schedule.runOnce();
    assert.equal(later.rows, 1);
    const sent = fake.uploads().filter((u) => u.counterId === counterId);
    assert.deepEqual(
      sent.map((u) => u.rows.map((r) => r.ChatUserID)),
      [['u0', 'u1', 'u2'], ['u9']],
    );
    assert.equal(store.receipts[0]?.status, 'PROCESSED', 'the final status is recorded');
    assert.ok(logs.some((l) => /^info scheduled upload: uploaded 3 rows/.test(l)));
    assert.ok(!logs.some((l) => l.includes(TOKEN)), 'the token never reaches the log');
  });

  test('skips the tick while another holder has the lock', async (t) => {
    const { counterId, lock, schedule } = setup(2);
    t.after(() => schedule.stop());
    lock.held = true;
    const run = await schedule.runOnce();
    assert.equal(run.outcome, 'locked');
    assert.equal(fake.uploads().filter((u) => u.counterId === counterId).length, 0);
    lock.held = false;
    assert.equal((await schedule.runOnce()).outcome, 'uploaded');
    assert.equal(lock.held, false, 'the lock is released after the run');
  });

  test('a failed run keeps the rows pending and the next tick sends them', async (t) => {
    const logs: string[] = [];
    const { store, counterId, schedule } = setup(2, logs);
    t.after(() => schedule.stop());
    // The client tries twice (one retry): both attempts fail.
    fake.faults.next('500', 2);
    const failed = await schedule.runOnce();
    assert.equal(failed.outcome, 'failed');
    assert.match(failed.message, /HTTP 500.*the rows stay pending, the next tick tries again/);
    assert.ok(logs.some((l) => l.startsWith('error scheduled upload:')));
    assert.equal(store.receipts.length, 0);
    assert.equal((await schedule.runOnce()).outcome, 'uploaded');
    assert.equal(fake.conversions(counterId).length, 2);
  });

  test('a used-up daily quota pauses the ticks until 00:00 UTC', async (t) => {
    const { store, schedule } = setup(1);
    t.after(() => schedule.stop());
    fake.faults.next('daily-quota');
    const run = await schedule.runOnce();
    assert.equal(run.outcome, 'quota-exhausted');
    const until = schedule.state().pausedUntil;
    assert.equal(until, nextUtcMidnight(run.at));
    const requests = fake.stats().requests;
    assert.equal((await schedule.runOnce()).outcome, 'quota-exhausted');
    assert.equal(fake.stats().requests, requests, 'nothing is sent before the quota resets');
    assert.equal(store.receipts.length, 0);
  });

  test('ticks on its own and reports the next run', async (t) => {
    const { schedule } = setup(1);
    t.after(() => schedule.stop());
    schedule.start({ immediately: true });
    assert.ok(schedule.state().nextRunAt !== undefined);
    for (let i = 0; i < 200 && schedule.state().lastRun === undefined; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(schedule.state().lastRun?.outcome, 'uploaded');
    await schedule.stop();
    assert.equal(schedule.state().nextRunAt, undefined);
  });
});
