import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startFakeMetrica } from '../fake-metrica/server.js';
import { chatKey, openStorage } from '../storage/index.js';
import { createMetricaClient } from './client.js';
import { uploadPending } from './job.js';

const TOKEN = 'crash-test-token';

test('a process killed between the POST and the marking loses no row, and the re-run duplicates none (SQLite)', async (t) => {
  const fake = await startFakeMetrica({ token: TOKEN });
  const dir = mkdtempSync(join(tmpdir(), 'metrica-chats-crash-'));
  t.after(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const db = join(dir, 'collector.db');
  const seedStore = await openStorage(db);
  for (let i = 0; i < 6; i++) {
    await seedStore.upsertChat(chatKey(1_687_000_000 + i, 'viber', { kind: 'ChatUserID', value: `v${i}` }), {
      dateTime: 1_687_000_000 + i,
      platform: 'viber',
      chatUserId: `v${i}`,
    });
  }
  await seedStore.close();

  const script = fileURLToPath(new URL('./testdata/crash-upload.ts', import.meta.url));
  const signal = await new Promise<string | null>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, db, fake.url, '777'], {
      // Its temporary CSV files die with it; TMPDIR keeps them inside the folder this test removes.
      env: { ...process.env, YANDEX_METRICA_TOKEN: TOKEN, TMPDIR: dir },
      stdio: 'ignore',
    });
    child.on('exit', (_code, sig) => resolve(sig));
  });
  assert.equal(signal, 'SIGKILL', 'the child died after the upload');
  assert.equal(fake.uploads().length, 1, 'Metrica got the file');
  assert.equal(fake.conversions('777').length, 6);

  const store = await openStorage(db);
  t.after(() => store.close());
  assert.equal((await store.chatStats()).pending, 6, 'no row was marked, so none is lost');

  const client = createMetricaClient({ token: TOKEN, apiUrl: fake.url });
  const result = await uploadPending(store, { client, counterId: '777' });
  assert.equal(result.status, 'uploaded');
  assert.equal(result.summary.rows, 6);
  assert.equal((await store.chatStats()).pending, 0);
  const chats = fake.conversions('777');
  assert.equal(chats.length, 6, 'Metrica holds each chat once');
  assert.deepEqual(
    chats.map((c) => c.updates),
    [1, 1, 1, 1, 1, 1],
    'the re-send updated the chats by their key',
  );
});
