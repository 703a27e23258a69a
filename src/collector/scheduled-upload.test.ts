import assert from 'node:assert/strict';
import { after, before, describe, type TestContext, test } from 'node:test';
import pg from 'pg';
import { type FakeMetrica, startFakeMetrica } from '../fake-metrica/server.js';
import { openStorage } from '../storage/index.js';
import { createMetricaClient } from '../uploader/client.js';
import { scheduledUpload } from '../uploader/schedule.js';
import type { Logger } from './logger.js';
import { API_KEY, freshDatabase, postChat, startCollector } from './test-support/server.js';

// The collector's own upload schedule against the fake Metrica (real HTTP on loopback): rows go
// once, new rows at a later tick, and two collectors on one database take turns through the lock,
// on the real PostgreSQL cluster and on one SQLite file.

const TOKEN = 'scheduled-upload-token';
let fake: FakeMetrica;
let counter = 7100;

before(async () => {
  // Slow replies widen the window in which two collectors' runs overlap.
  fake = await startFakeMetrica({ token: TOKEN, slowMs: 150 });
});
after(() => fake.close());

const T = Math.floor(Date.now() / 1000) - 3600;

async function chat(url: string, user: number): Promise<void> {
  const res = await postChat(url, { platform: 'telegram', dateTime: T + user, chatUserId: String(user), text: 'hi' });
  assert.ok(res.status < 300, await res.text());
}

async function pending(url: string): Promise<number> {
  const res = await fetch(`${url}/v1/stats`, { headers: { Authorization: `Bearer ${API_KEY}` } });
  return ((await res.json()) as { pending: number }).pending;
}

/** Waits for a condition the collectors reach on their own (their ticks), up to 20 s. */
async function until(what: string, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits until no other session is connected to the PostgreSQL database. */
async function connectionsGone(url: string): Promise<void> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await until('the collectors’ connections are closed', async () => {
      const { rows } = await client.query(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      return rows[0]?.n === 0;
    });
  } finally {
    await client.end();
  }
}

function recordingLogger(lines: string[]): Logger {
  const line = (level: string) => (msg: string, fields?: Record<string, unknown>) =>
    lines.push(`${level} ${msg} ${JSON.stringify(fields ?? {})}`);
  return { info: line('info'), warn: line('warn'), error: line('error') };
}

async function twoCollectors(t: TestContext, kind: 'sqlite' | 'postgres', counterId: string, logs: string[]) {
  const db = await freshDatabase(t, kind);
  if (db === null) return null;
  const start = () =>
    startCollector(t, {
      db,
      logger: recordingLogger(logs),
      uploadSchedule: scheduledUpload({
        client: createMetricaClient({ token: TOKEN, apiUrl: fake.url }),
        counterId,
        everyMs: 40,
        every: '40ms',
        wait: { timeoutMs: 2000, intervalMs: 10 },
      }),
    });
  const a = await start();
  const b = await start();
  if (!a || !b) return null;
  // The schedules tick until their collectors close: close them before the database is dropped,
  // and wait for their connections to be gone (a pool's end() resolves before its sockets close).
  const close = async () => {
    await Promise.all([a.collector.close(), b.collector.close()]);
    if (kind === 'postgres') await connectionsGone(db);
  };
  return { db, a, b, close };
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`scheduled upload (${kind})`, () => {
    test('two collectors on one database upload each row once, and new rows at a later tick', async (t) => {
      const counterId = String(counter++);
      const logs: string[] = [];
      const both = await twoCollectors(t, kind, counterId, logs);
      if (!both) return;
      const { a, b } = both;
      for (let i = 1; i <= 6; i++) await chat(i % 2 ? a.url : b.url, i);
      await until('the first rows are uploaded', async () => (await pending(a.url)) === 0);
      for (let i = 7; i <= 9; i++) await chat(b.url, i);
      await until('the new rows are uploaded', async () => (await pending(b.url)) === 0);

      const sent = fake
        .uploads()
        .filter((u) => u.counterId === counterId)
        .flatMap((u) => u.rows.map((r) => r.ChatUserID));
      assert.deepEqual(
        [...sent].sort((x, y) => Number(x) - Number(y)),
        ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
      );
      assert.ok(
        fake.conversions(counterId).every((c) => c.updates === 0),
        'no chat reached Metrica twice',
      );
      // Both schedules ran; /v1/stats reports each collector's own.
      for (const c of [a, b]) {
        const stats = (await (
          await fetch(`${c.url}/v1/stats`, { headers: { Authorization: `Bearer ${API_KEY}` } })
        ).json()) as { scheduledUpload?: { counterId: string; lastRun?: { outcome: string } } };
        assert.equal(stats.scheduledUpload?.counterId, counterId);
        assert.ok(stats.scheduledUpload?.lastRun, 'a run is reported');
      }
      assert.ok(logs.some((l) => /^info scheduled upload: uploaded \d+ rows?/.test(l)));
      assert.ok(!logs.some((l) => l.includes(TOKEN)), 'the token never reaches the log');
      await both.close();
    });

    test('while another process holds the upload lock, neither collector uploads', async (t) => {
      const counterId = String(counter++);
      const logs: string[] = [];
      const both = await twoCollectors(t, kind, counterId, logs);
      if (!both) return;
      // A third holder of the database, say `upload --from` in another process.
      const other = await openStorage(both.db);
      t.after(() => other.close());
      // The collectors' first runs (at start) may hold it for a moment; take it once they let go.
      let release: Awaited<ReturnType<typeof other.tryUploadLock>> = null;
      await until('the lock is free', async () => {
        release = await other.tryUploadLock();
        return release !== null;
      });
      await chat(both.a.url, 1);
      const before = logs.filter((l) => l.includes('another collector is uploading')).length;
      await until('both collectors skip a tick', async () => {
        return logs.filter((l) => l.includes('another collector is uploading')).length >= before + 2;
      });
      assert.equal(await pending(both.a.url), 1);
      assert.equal(fake.uploads().filter((u) => u.counterId === counterId).length, 0);
      await (release as unknown as () => Promise<void>)();
      await until('the row is uploaded once the lock is free', async () => (await pending(both.a.url)) === 0);
      assert.equal(
        fake
          .uploads()
          .filter((u) => u.counterId === counterId)
          .flatMap((u) => u.rows).length,
        1,
      );
    });
  });
}
