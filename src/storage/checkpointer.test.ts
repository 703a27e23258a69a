import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startCheckpointer } from './checkpointer.js';
import { openStorage } from './index.js';
import { openSqlite } from './sqlite.js';

test('SQLite: beacons written to the WAL reach the database file through the checkpoint worker', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'mc-ckpt-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'chats.db');
  const storage = await openStorage(path);
  let closed = false;
  t.after(async () => {
    if (!closed) await storage.close();
  });
  const before = statSync(path).size;
  const url = `https://shop.example.com/${'x'.repeat(500)}`;
  await Promise.all(
    Array.from({ length: 3000 }, (_, i) => storage.insertPairing({ chatId: 'CTAAAAAAAA', url, receivedAt: i })),
  );
  // The main connection no longer checkpoints on commit: only the worker can move the pages over.
  let after = statSync(path).size;
  for (const deadline = Date.now() + 5000; after - before < 1_000_000 && Date.now() < deadline; ) {
    await sleep(50);
    after = statSync(path).size;
  }
  assert.ok(after - before >= 1_000_000, `database file grew by ${after - before} bytes only`);
  assert.equal((await storage.chatStats()).pairings, 3000);
  await storage.close();
  closed = true;
  // The worker closed its connection first, so the main one was the last and removed the WAL.
  assert.equal(existsSync(`${path}-wal`), false);
  const reopened = await openStorage(path);
  try {
    assert.equal((await reopened.chatStats()).pairings, 3000);
  } finally {
    await reopened.close();
  }
});

test('the checkpoint worker reports that it cannot start when the database does not exist', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mc-ckpt-'));
  try {
    let failures = 0;
    const c = await startCheckpointer(join(dir, 'missing.db'), {
      onFailure: () => failures++,
      pauseWrites: (work) => work(),
    });
    assert.equal(c, null);
    assert.equal(failures, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('SQLite: under a steady stream of commits the WAL still starts over instead of growing for ever', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'mc-ckpt-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'chats.db');
  // A small reset length and a fast worker make the cycle happen many times within the test.
  const storage = await openSqlite(path, { walResetFrames: 100, checkpointIntervalMs: 10 });
  t.after(() => storage.close());
  const url = `https://shop.example.com/${'x'.repeat(1000)}`;
  let written = 0;
  let largestWal = 0;
  // Never idle: each small batch is queued while the previous one is being written.
  for (let round = 0; round < 150; round++) {
    await Promise.all(
      Array.from({ length: 40 }, () => storage.insertPairing({ chatId: 'CTAAAAAAAA', url, receivedAt: written++ })),
    );
    largestWal = Math.max(largestWal, statSync(`${path}-wal`).size);
    await sleep(1);
  }
  // ~6 MB of rows went through the log; without restarts the WAL would hold all of it.
  assert.ok(largestWal < 3_000_000, `the WAL reached ${largestWal} bytes`);
  assert.equal((await storage.chatStats()).pairings, written);
});
