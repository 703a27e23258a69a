import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, type TestContext, test } from 'node:test';
import { freshPostgresDatabase } from '../test-support/postgres.js';
import { chatKey, openStorage, type Storage } from './index.js';

// The dashboard's lists and the upload lock, on real SQLite files and the real PostgreSQL cluster.

const DAY = 86_400;
const D0 = 20_400 * DAY; // 2025-11-08 00:00 UTC

/** Two storages on one database, as two collectors would open it. */
const TWO_ON_ONE: Record<'sqlite' | 'postgres', (t: TestContext) => Promise<[Storage, Storage] | null>> = {
  sqlite: async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-dashboard-'));
    const path = join(dir, 'chats.db');
    const a = await openStorage(path);
    const b = await openStorage(path);
    t.after(async () => {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    });
    return [a, b];
  },
  postgres: async (t) => {
    const url = await freshPostgresDatabase(t);
    if (!url) return null;
    const a = await openStorage(url);
    const b = await openStorage(url);
    t.after(async () => {
      await a.close();
      await b.close();
    });
    return [a, b];
  },
};

async function chat(s: Storage, dateTime: number, user: string, attributed: boolean): Promise<void> {
  await s.upsertChat(chatKey(dateTime, 'telegram', { kind: 'ChatUserID', value: user }), {
    dateTime,
    platform: 'telegram',
    chatUserId: user,
    attribution: attributed
      ? { chatId: 'CTAAAAAAAA', chatIdSource: 'message', clientId: '133591247640966458', reason: null }
      : { chatId: null, reason: 'no_chat_id' },
  });
}

for (const [name, open] of Object.entries(TWO_ON_ONE)) {
  describe(`dashboard queries and the upload lock (${name})`, () => {
    test('counts chats per UTC day, attributed or not, and the days agree with chatStats', async (t) => {
      const pair = await open(t);
      if (!pair) return;
      const [s] = pair;
      await chat(s, D0 - 1, 'u0', true); // the day before: outside `since`
      await chat(s, D0, 'u1', true);
      await chat(s, D0 + DAY - 1, 'u2', false);
      await chat(s, D0 + 2 * DAY + 5, 'u3', true);
      const days = await s.chatsPerDay({ since: D0 });
      assert.deepEqual(days, [
        { day: '2025-11-08', attributed: 1, unattributed: 1 },
        { day: '2025-11-10', attributed: 1, unattributed: 0 },
      ]);
      const stats = await s.chatStats({ since: D0 });
      assert.equal(
        days.reduce((n, d) => n + d.attributed + d.unattributed, 0),
        stats.chats,
      );
      assert.equal(
        days.reduce((n, d) => n + d.attributed, 0),
        stats.matched,
      );
    });

    test('lists the latest chats newest first, and the uploads with Metrica’s counts', async (t) => {
      const pair = await open(t);
      if (!pair) return;
      const [s] = pair;
      for (let i = 0; i < 5; i++) await chat(s, D0 + i, `u${i}`, i % 2 === 0);
      const recent = await s.recentChats({ since: D0 + 1, limit: 3 });
      assert.deepEqual(
        recent.map((c) => c.chatUserId),
        ['u4', 'u3', 'u2'],
      );
      await s.markUploaded({ uploadId: '11', counterId: '42', status: 'UPLOADED', sentAt: 1000, rowCount: 2 }, [
        { key: recent[0]?.key as string, revision: 1 },
      ]);
      await s.markUploaded({ uploadId: '12', counterId: '42', status: 'UPLOADED', sentAt: 2000, rowCount: 1 }, []);
      await s.updateUploadStatus('11', 'PROCESSED', {
        line_quantity: 2,
        linked_quantity: 1,
        user_not_found_quantity: 1,
      });
      assert.deepEqual(await s.uploadHistory({ limit: 10 }), [
        { uploadId: '12', counterId: '42', status: 'UPLOADED', sentAt: 2000, rowCount: 1 },
        {
          uploadId: '11',
          counterId: '42',
          status: 'PROCESSED',
          sentAt: 1000,
          rowCount: 2,
          lineQuantity: 2,
          linkedQuantity: 1,
          userNotFoundQuantity: 1,
        },
      ]);
    });

    test('one holder of the upload lock at a time, across two connections to the database', async (t) => {
      const pair = await open(t);
      if (!pair) return;
      const [a, b] = pair;
      const release = await a.tryUploadLock();
      assert.ok(release, 'the first taker gets it');
      assert.equal(await b.tryUploadLock(), null, 'the other collector does not');
      assert.equal(await a.tryUploadLock(), null, 'nor does the holder a second time');
      await release();
      const again = await b.tryUploadLock();
      assert.ok(again, 'released, the other collector gets it');
      await again();
    });
  });
}

test('a SQLite lock file left by a process that no longer runs is taken over', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'mc-lock-'));
  const path = join(dir, 'chats.db');
  const s = await openStorage(path);
  t.after(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });
  // The ID of a process that has exited.
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  writeFileSync(`${path}.upload.lock`, dead.stdout);
  const release = await s.tryUploadLock();
  assert.ok(release);
  await release();
  // A live holder (this test runner's parent is alive) keeps it.
  writeFileSync(`${path}.upload.lock`, String(process.ppid));
  assert.equal(await s.tryUploadLock(), null);
});
