import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type FakeMetrica, startFakeMetrica } from '../fake-metrica/server.js';
import type { ConversionRecord } from '../shared/conversion.js';
import { createMetricaClient, type MetricaClient } from './client.js';
import { uploadPending } from './job.js';
import { MemoryConversionStore } from './memory-store.js';

const TOKEN = 'job-test-token';
let fake: FakeMetrica;
let client: MetricaClient;
let counter = 100;

before(async () => {
  fake = await startFakeMetrica({ token: TOKEN });
  client = createMetricaClient({ token: TOKEN, apiUrl: fake.url, retry: { minTimeout: 1, maxTimeout: 5 } });
});
after(() => fake.close());

function chat(i: number, extra: ConversionRecord = {}): ConversionRecord {
  return {
    ClientID: '133591247640966458',
    DateTime: String(1_687_000_000 + i),
    ChatPlatform: 'telegram',
    ChatUserID: `u${i}`,
    ...extra,
  };
}

function seeded(n: number): MemoryConversionStore {
  const store = new MemoryConversionStore();
  for (let i = 0; i < n; i++) store.put(`k${i}`, chat(i));
  return store;
}

async function pendingKeys(store: MemoryConversionStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const p of store.pendingConversions()) keys.push(p.key);
  return keys;
}

describe('upload job', () => {
  test('uploads pending rows, marks them with the upload ID, and a re-run sends nothing', async () => {
    const counterId = String(counter++);
    const store = seeded(4);
    const result = await uploadPending(store, { client, counterId, comment: 'nightly' });
    assert.equal(result.status, 'uploaded');
    assert.equal(result.uploads.length, 1);
    const id = result.uploads[0]!.uploading.id;
    assert.equal(store.receipts.length, 1);
    assert.equal(store.receipts[0]!.uploadId, id);
    assert.equal(store.receipts[0]!.rowCount, 4);
    assert.equal(store.receipts[0]!.comment, 'nightly');
    assert.deepEqual(await pendingKeys(store), []);
    assert.equal(fake.conversions(counterId).length, 4);

    const requests = fake.stats().requests;
    const again = await uploadPending(store, { client, counterId });
    assert.equal(again.status, 'empty');
    assert.equal(fake.stats().requests, requests, 'nothing was sent');
  });

  test('a changed row is sent again and Metrica updates it rather than adding a chat', async () => {
    const counterId = String(counter++);
    const store = seeded(3);
    await uploadPending(store, { client, counterId });
    store.put('k1', chat(1, { ChatAnswered: '1', Price: '2500.00', Currency: 'RUB' }));
    const result = await uploadPending(store, { client, counterId });
    assert.equal(result.summary.rows, 1);
    const chats = fake.conversions(counterId);
    assert.equal(chats.length, 3);
    const updated = chats.find((c) => c.record.ChatUserID === 'u1')!;
    assert.equal(updated.updates, 1);
    assert.equal(updated.record.Price, '2500.00');
  });

  test('a crash between the POST and the marking loses nothing, and the re-send duplicates nothing', async () => {
    const counterId = String(counter++);
    const store = seeded(5);
    const crash = new Error('process killed after the upload');
    await assert.rejects(
      uploadPending(store, {
        client,
        counterId,
        onUploaded: () => {
          throw crash;
        },
      }),
      crash,
    );
    assert.equal(fake.uploads().filter((u) => u.counterId === counterId).length, 1, 'Metrica got the file');
    assert.equal(store.receipts.length, 0, 'but the run died before recording it');
    assert.equal((await pendingKeys(store)).length, 5, 'so every row is still pending');

    const result = await uploadPending(store, { client, counterId });
    assert.equal(result.status, 'uploaded');
    assert.deepEqual(await pendingKeys(store), []);
    const chats = fake.conversions(counterId);
    assert.equal(chats.length, 5, 'no chat was added twice');
    assert.deepEqual(
      chats.map((c) => c.updates),
      [1, 1, 1, 1, 1],
      'the second upload updated each chat by its key',
    );
  });

  test('a row changed while its upload was in flight stays pending for the next run', async () => {
    const counterId = String(counter++);
    const store = seeded(2);
    await uploadPending(store, {
      client,
      counterId,
      onUploaded: () => store.put('k0', chat(0, { ChatAnswered: '1' })),
    });
    const pending = [];
    for await (const p of store.pendingConversions()) pending.push(p);
    assert.deepEqual(
      pending.map((p) => [p.key, p.revision, p.record.ChatAnswered]),
      [['k0', 2, '1']],
    );
  });

  test('an invalid row is held back with its reasons; every valid row is sent; later runs skip it until it changes', async () => {
    const counterId = String(counter++);
    const store = seeded(3);
    store.put('k1', chat(1, { ChatPlatform: 'Telegram', Price: '10,5' }));
    const result = await uploadPending(store, { client, counterId });
    assert.equal(result.status, 'uploaded');
    assert.deepEqual(
      result.held.map((h) => h.problems.map((p) => [p.line, p.column])),
      [
        [
          [3, 'ChatPlatform'],
          [3, 'Price'],
        ],
      ],
    );
    assert.equal(result.summary.rows, 2);
    assert.equal(fake.uploads().filter((u) => u.counterId === counterId)[0]?.rows.length, 2);
    assert.match(
      store.heldReason('k1') ?? '',
      /ChatPlatform: expected one of telegram, whatsapp, viber \(in lower case\); Price/,
    );
    // The next run finds nothing to send and nothing to hold back again.
    const again = await uploadPending(store, { client, counterId });
    assert.equal(again.status, 'empty');
    assert.equal(again.held.length, 0);
    // --retry-held reads it again; a corrected row goes out.
    assert.equal((await uploadPending(store, { client, counterId, dryRun: true, includeHeld: true })).held.length, 1);
    store.put('k1', chat(1));
    const fixed = await uploadPending(store, { client, counterId });
    assert.equal(fixed.summary.rows, 1);
    assert.equal(fixed.held.length, 0);
    assert.equal((await pendingKeys(store)).length, 0);
  });

  test('splits what does not fit in one file; every part has the header and all rows are marked', async () => {
    const counterId = String(counter++);
    const store = seeded(50);
    const result = await uploadPending(store, { client, counterId, maxPartBytes: 1200, comment: 'big' });
    assert.ok(result.uploads.length >= 3, `${result.uploads.length} parts`);
    const uploads = fake.uploads().filter((u) => u.counterId === counterId);
    assert.equal(uploads.length, result.uploads.length);
    assert.deepEqual(
      uploads.map((u) => u.comment),
      uploads.map((_, i) => `big part ${i + 1} of ${uploads.length}`),
    );
    assert.equal(
      uploads.reduce((n, u) => n + u.rows.length, 0),
      50,
    );
    assert.equal(fake.conversions(counterId).length, 50);
    assert.deepEqual(await pendingKeys(store), []);
    assert.equal(
      store.receipts.reduce((n, r) => n + r.rowCount, 0),
      50,
    );
  });

  test('a dry run counts rows per platform and attribution and sends nothing', async () => {
    const store = seeded(2);
    store.put('x', { DateTime: '1687000100', ChatPlatform: 'whatsapp', PhoneNumber: '+71234567890' });
    const requests = fake.stats().requests;
    const result = await uploadPending(store, { client, counterId: '1', dryRun: true });
    assert.equal(result.status, 'dry-run');
    assert.deepEqual(result.summary, {
      rows: 3,
      attributed: 2,
      unattributed: 1,
      platforms: { telegram: 2, whatsapp: 1, viber: 0 },
    });
    assert.equal(fake.stats().requests, requests);
  });

  test('--wait records the final status and counts in the store', async () => {
    const counterId = String(counter++);
    const store = seeded(2);
    store.put('x', { DateTime: '1687000100', ChatPlatform: 'whatsapp', PhoneNumber: '+71234567890' });
    const result = await uploadPending(store, { client, counterId, wait: { intervalMs: 5 } });
    assert.equal(result.uploads[0]!.outcome, 'processed');
    assert.equal(store.receipts[0]!.status, 'PROCESSED');
    assert.deepEqual(store.receipts[0]!.details, { line_quantity: 3, linked_quantity: 2, user_not_found_quantity: 1 });
  });
});
