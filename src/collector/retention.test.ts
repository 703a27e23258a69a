import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openStorage } from '../storage/index.js';
import { freshDatabase, startCollector } from './test-support/server.js';

const DAY = 86_400_000;

test('the retention purge deletes old pairings and forgets old connector messages, and keeps the rest', async (t) => {
  const db = await freshDatabase(t, 'sqlite');
  if (db === null) return;
  const before = await openStorage(db);
  await before.insertPairing({ chatId: 'CTAAAAAAAA', receivedAt: Date.now() - 100 * DAY });
  await before.insertPairing({ chatId: 'CTBBBBBBBB', receivedAt: Date.now() - DAY });
  await before.rememberMessage('whatsapp', 'wamid.OLD', 1_764_000_000); // seen now, by the real clock
  await before.close();
  // The collector's clock 100 days on: the message was first seen 100 days before it, the
  // second pairing 101 days; with a retention of 200 days only the first pairing is too old.
  const s = await startCollector(t, { db, retentionDays: 200, now: () => Date.now() + 100 * DAY });
  if (!s) return;
  const storage = s.collector.storage;
  for (let i = 0; i < 100 && (await storage.snapshot()).pairings.length > 1; i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.deepEqual(
    (await storage.snapshot()).pairings.map((p) => p.chatId),
    ['CTBBBBBBBB'],
  );
  assert.equal(await storage.rememberMessage('whatsapp', 'wamid.OLD', 1_764_000_090), 1_764_000_000, 'kept');
});

test('with a shorter retention the connector message is forgotten too', async (t) => {
  const db = await freshDatabase(t, 'sqlite');
  if (db === null) return;
  const before = await openStorage(db);
  await before.rememberMessage('whatsapp', 'wamid.OLD', 1_764_000_000);
  await before.close();
  const s = await startCollector(t, { db, retentionDays: 90, now: () => Date.now() + 100 * DAY });
  if (!s) return;
  const storage = s.collector.storage;
  // Taken as new once forgotten: then it is remembered with the DateTime given now.
  let remembered = 0;
  for (let i = 0; i < 100 && remembered !== 1_764_000_090; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 20));
    remembered = await storage.rememberMessage('whatsapp', 'wamid.OLD', 1_764_000_090);
  }
  assert.equal(remembered, 1_764_000_090);
});
