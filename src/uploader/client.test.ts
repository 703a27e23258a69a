import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { inspect } from 'node:util';
import { type FakeMetrica, type FaultKind, startFakeMetrica } from '../fake-metrica/server.js';
import {
  createMetricaClient,
  type MetricaClientOptions,
  parseRetryAfter,
  type RetryEvent,
  readUploadings,
} from './client.js';
import { MetricaApiError, MetricaNetworkError, QuotaExhaustedError } from './errors.js';

const TOKEN = 'y0_AgAAAAB-secret-token-value';
const COUNTER = '2215573';

let fake: FakeMetrica;
before(async () => {
  fake = await startFakeMetrica({ token: TOKEN, slowMs: 400, retryAfterSeconds: 7, processDelayMs: 500 });
});
after(() => fake.close());

/** A client with millisecond backoff, recording what it logged and how long it was told to wait. */
function client(extra: Partial<MetricaClientOptions> = {}) {
  const debug: string[] = [];
  const slept: number[] = [];
  const c = createMetricaClient({
    token: TOKEN,
    apiUrl: fake.url,
    timeoutMs: 200,
    retry: {
      retries: 4,
      minTimeout: 2,
      maxTimeout: 10,
      sleep: async (ms) => {
        slept.push(ms);
      },
    },
    debug: (line) => debug.push(line),
    ...extra,
  });
  return { c, debug, slept };
}

let nextTime = 1_687_000_000;
/** A CSV of `n` new chats, each with its own update key. */
function csvOf(n: number): string {
  let text = 'ClientID,DateTime,ChatPlatform,ChatUserID\n';
  for (let i = 0; i < n; i++) text += `133591247640966458,${nextTime++},telegram,u${i}\n`;
  return text;
}

function assertNoToken(...things: unknown[]): void {
  for (const thing of things) {
    const text = typeof thing === 'string' ? thing : `${inspect(thing, { depth: 10 })} ${JSON.stringify(thing)}`;
    assert.ok(!text.includes(TOKEN) && !text.includes('secret-token'), `the token leaked into: ${text.slice(0, 300)}`);
  }
}

describe('Metrica client against the fake API', () => {
  test('uploads a CSV and reads the upload back by both routes', async () => {
    const { c, debug } = client();
    const before = fake.conversions(COUNTER).length;
    const u = await c.upload(COUNTER, csvOf(3), { comment: 'Пакет за октябрь 2026' });
    assert.equal(u.status, 'UPLOADED');
    assert.equal(u.source_quantity, 3);
    assert.equal(u.comment, 'Пакет за октябрь 2026');
    assert.equal(fake.conversions(COUNTER).length, before + 3);
    const again = await c.getUploading(COUNTER, u.id);
    assert.equal(again.id, u.id);
    assert.equal(again.status, 'UPLOADED');
    const list = await c.listUploadings(COUNTER);
    assert.ok(list.some((x) => x.id === u.id));
    const seen: string[] = [];
    const waited = await c.waitForUpload(COUNTER, u.id, { intervalMs: 10, onStatus: (x) => seen.push(x.status) });
    assert.deepEqual([seen[0], seen.at(-1)], ['UPLOADED', 'PROCESSED']);
    assert.equal(waited.outcome, 'processed');
    assert.equal(waited.uploading.linked_quantity, 3);
    assert.ok(
      debug.some((l) =>
        /^POST \/management\/v1\/counter\/2215573\/offline_conversions\/upload\?type=CHATS&comment=/.test(l),
      ),
    );
    assertNoToken(debug.join('\n'));
  });

  const RETRIED: FaultKind[] = ['429', '420', '429-no-retry-after', '500', '503', 'reset', 'slow', 'malformed-json'];
  for (const kind of RETRIED) {
    test(`retries after a ${kind} fault; the rows arrive once, neither lost nor duplicated`, async () => {
      const { c, debug, slept } = client();
      const uploadsBefore = fake.uploads().length;
      const chatsBefore = fake.conversions(COUNTER);
      fake.faults.next(kind, 2);
      const u = await c.upload(COUNTER, csvOf(5));
      assert.equal(u.source_quantity, 5);
      const chats = fake.conversions(COUNTER);
      assert.equal(chats.length, chatsBefore.length + 5, 'every row is there exactly once');
      const handledTwice = kind === 'slow' || kind === 'malformed-json';
      // A reply lost after Metrica stored the file makes the retry an update by key, not a copy.
      assert.equal(fake.uploads().length - uploadsBefore, handledTwice ? 3 : 1);
      const updates = chats.slice(chatsBefore.length).map((x) => x.updates);
      assert.deepEqual(updates, Array(5).fill(handledTwice ? 2 : 0));
      assert.equal(debug.filter((l) => l.startsWith('POST ') && l.includes('attempt')).length, 3);
      if (kind === '429') assert.deepEqual(slept, [7000, 7000], 'Retry-After of 7 s honoured before each retry');
      else {
        // Backoff with jitter, through the same sleep: 2–4 ms before the first retry, 4–8 ms before the second.
        assert.equal(slept.length, 2, String(slept));
        assert.ok(slept[0]! >= 2 && slept[0]! <= 4 && slept[1]! >= 4 && slept[1]! <= 8, String(slept));
      }
      assertNoToken(debug.join('\n'));
    });
  }

  test('tells of each retry before waiting: what failed, which attempt, how long until the next', async () => {
    const events: RetryEvent[] = [];
    const { c, slept } = client({ onRetry: (e) => events.push(e) });
    fake.faults.next('503');
    await c.upload('4242', csvOf(1));
    assert.equal(events.length, 1);
    const [event] = events;
    assert.equal(event?.what, 'Upload');
    assert.equal(event?.attempt, 1);
    assert.equal(event?.attempts, 5);
    assert.match(event?.error.message ?? '', /503/);
    assert.deepEqual(slept, [event?.delayMs], 'the wait announced is the wait taken');
  });

  test('no failure path puts the token into the error or the debug output', async () => {
    for (const kind of [...RETRIED, 'daily-quota'] as FaultKind[]) {
      const { c, debug } = client({ retry: { retries: 1, minTimeout: 1, sleep: async () => {} } });
      // Both attempts fail; the daily quota is not retried, so it takes one.
      fake.faults.next(kind, kind === 'daily-quota' ? 1 : 2);
      const error = await c.upload(COUNTER, csvOf(1)).catch((e: unknown) => e);
      assert.ok(error instanceof Error, `${kind} ends in an error`);
      assertNoToken(error, String((error as Error).stack), debug.join('\n'));
    }
  });

  test('caps a long Retry-After', async () => {
    const { c, slept } = client({
      retry: {
        retries: 2,
        minTimeout: 1,
        retryAfterCapMs: 1500,
        sleep: async (ms) => {
          slept.push(ms);
        },
      },
    });
    fake.faults.next('429');
    await c.upload(COUNTER, csvOf(1));
    assert.deepEqual(slept, [1500]);
  });

  test('gives up after the retries with the last error, and nothing was stored', async () => {
    const { c, debug } = client();
    const uploadsBefore = fake.uploads().length;
    fake.faults.next('503', 5);
    const error = await c.upload(COUNTER, csvOf(2)).catch((e: unknown) => e);
    assert.ok(error instanceof MetricaApiError);
    assert.equal(error.status, 503);
    assert.equal(error.code, 503);
    assert.equal(error.error_type, 'backend_error');
    assert.match(error.message, /^Upload failed: HTTP 503 backend_error: Сервис временно недоступен/);
    assert.equal(debug.filter((l) => l.startsWith('POST')).length, 5);
    assert.equal(fake.uploads().length, uploadsBefore);
    assertNoToken(error, debug.join('\n'));
  });

  test('never retries a 400 and carries Metrica’s code, error_type and message', async () => {
    const { c, debug } = client();
    const error = await c.upload(COUNTER, 'DateTime,ChatPlatform,ChatUserID\n1,viber,"a\n').catch((e: unknown) => e);
    assert.ok(error instanceof MetricaApiError);
    assert.equal(error.status, 400);
    assert.equal(error.code, 400);
    assert.equal(error.error_type, 'invalid_uploading');
    assert.equal(error.metricaMessage, 'Неверный формат данных, ошибка в строке номер 2');
    assert.equal(debug.length, 1);
    assertNoToken(error, debug.join('\n'));
  });

  test('a wrong token is refused once (403 invalid_token) and never appears in the error', async () => {
    const wrong = `${TOKEN}-revoked`;
    const debug: string[] = [];
    const c = createMetricaClient({ token: wrong, apiUrl: fake.url, debug: (l) => debug.push(l) });
    const error = await c.listUploadings(COUNTER).catch((e: unknown) => e);
    assert.ok(error instanceof MetricaApiError);
    assert.equal(error.status, 403);
    assert.equal(error.error_type, 'invalid_token');
    assert.equal(debug.length, 1);
    const text = `${inspect(error, { depth: 10 })} ${JSON.stringify(error)} ${debug.join('\n')}`;
    assert.ok(!text.includes(wrong) && !text.includes('secret-token'));
  });

  test('the daily quota stops the run at once with a clear message', async () => {
    const { c, debug } = client();
    fake.faults.next('daily-quota');
    const error = await c.upload(COUNTER, csvOf(1)).catch((e: unknown) => e);
    assert.ok(error instanceof QuotaExhaustedError);
    assert.equal(error.error_type, 'quota_requests_by_uid');
    assert.match(error.message, /daily request quota .* resets at 00:00 UTC/);
    assert.equal(debug.length, 1);
  });

  test("the counter's daily quota stops the run like the user's one", async () => {
    const { c, debug } = client();
    fake.faults.next('counter-daily-quota');
    const error = await c.upload(COUNTER, csvOf(1)).catch((e: unknown) => e);
    assert.ok(error instanceof QuotaExhaustedError);
    assert.equal(error.error_type, 'quota_requests_by_counter_id');
    assert.match(error.message, /daily request quota of this counter is used up; it resets at 00:00 UTC/);
    assert.equal(debug.length, 1, 'not retried');
  });

  test('lists chat uploads with type=CHATS (the list defaults to BASIC)', async () => {
    const { c, debug } = client();
    const u = await c.upload(COUNTER, csvOf(1));
    const list = await c.listUploadings(COUNTER);
    assert.ok(list.some((x) => x.id === u.id));
    assert.ok(
      debug.some((l) => l.startsWith('GET /management/v1/counter/2215573/offline_conversions/uploadings?type=CHATS ')),
    );
  });

  test("an upload's timeout grows with its file, so a large file is not cut off while it is sent", async () => {
    // A Metrica that answers after 300 ms: too slow for the 100 ms base timeout, not for a 1 MB file's.
    const slowFetch: typeof fetch = (_url, init) =>
      new Promise((resolve, reject) => {
        const t = setTimeout(
          () => resolve(new Response(JSON.stringify({ uploading: { id: 1, status: 'UPLOADED' } }), { status: 200 })),
          300,
        );
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(t);
          reject(init.signal?.reason);
        });
      });
    const { c } = client({ fetch: slowFetch, timeoutMs: 100, retry: { retries: 0 } });
    const big = `ClientID,DateTime,ChatPlatform,ChatUserID\n${'133591247640966458,1687005600,telegram,42\n'.repeat(25_000)}`;
    assert.ok(big.length > 1_000_000);
    assert.equal((await c.upload(COUNTER, big)).id, '1');
    await assert.rejects(c.upload(COUNTER, csvOf(1)), /no reply within 10\d ms/);
  });

  test('connection refused and timeouts become network errors without the token', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as AddressInfo;
    await new Promise((r) => closed.close(r));
    const { c, debug } = client({ apiUrl: `http://127.0.0.1:${port}`, retry: { retries: 1, minTimeout: 1 } });
    const error = await c.listUploadings(COUNTER).catch((e: unknown) => e);
    assert.ok(error instanceof MetricaNetworkError);
    assert.match(error.message, /connection failed \(ECONNREFUSED\)/);
    assert.equal(debug.length, 2, 'a refused connection is retried');
    assertNoToken(error, debug.join('\n'));
    fake.faults.next('slow', 3);
    const { c: impatient } = client({ retry: { retries: 2, minTimeout: 1 }, timeoutMs: 100 });
    const timeout = await impatient.listUploadings(COUNTER).catch((e: unknown) => e);
    assert.ok(timeout instanceof MetricaNetworkError);
    assert.match(timeout.message, /no reply within 100 ms/);
  });

  test('a server echoing the token cannot get it into errors', async () => {
    const echo: typeof fetch = async (_url, init) => {
      const auth = new Headers(init?.headers).get('authorization');
      return new Response(
        JSON.stringify({ errors: [{ error_type: 'access_denied', message: `bad ${auth}` }], code: 403 }),
        {
          status: 403,
        },
      );
    };
    const { c, debug } = client({ fetch: echo });
    const error = await c.listUploadings(COUNTER).catch((e: unknown) => e);
    assert.ok(error instanceof MetricaApiError);
    assert.match(error.message, /bad OAuth \*\*\*/);
    assertNoToken(error, debug.join('\n'));
  });

  test('keeps at most 3 requests in flight', async () => {
    const { c } = client({ timeoutMs: 5000 });
    fake.faults.next('slow', 6);
    const started = performance.now();
    await Promise.all(Array.from({ length: 6 }, () => c.listUploadings(COUNTER)));
    assert.equal(fake.stats().maxInFlight, 3);
    // Six slow replies three at a time take two rounds of 400 ms.
    assert.ok(performance.now() - started >= 780, `took ${performance.now() - started} ms`);
  });

  test('a token that cannot be a header value is refused at once, not retried as a network failure', async () => {
    for (const bad of [`${TOKEN}\n`, 'y0_токен-secret-token', `y0 ${TOKEN}`]) {
      let calls = 0;
      const counting: typeof fetch = async (...a) => {
        calls++;
        return fetch(...a);
      };
      const error = (() => {
        try {
          createMetricaClient({ token: bad, apiUrl: fake.url, fetch: counting });
        } catch (e) {
          return e;
        }
        return null;
      })();
      assert.ok(error instanceof TypeError, JSON.stringify(bad));
      assert.match(error.message, /printable ASCII characters; character \d+ of \d+ is not/);
      assert.ok(!error.message.includes(bad) && !error.message.includes('secret-token'), error.message);
      assert.equal(calls, 0);
    }
  });

  test('rejects a comment over 255 characters, or with characters Metrica refuses, before sending', async () => {
    const { c, debug } = client();
    await assert.rejects(
      c.upload(COUNTER, csvOf(1), { comment: 'я'.repeat(256) }),
      /at most 255 characters \(it has 256\)/,
    );
    for (const comment of ['Batch (part 1)', 'done!', '\u{1F4C5}']) {
      await assert.rejects(c.upload(COUNTER, csvOf(1), { comment }), /digits, Latin and Cyrillic letters and spaces/);
    }
    assert.equal(debug.length, 0);
  });

  test('waitForUpload treats an undocumented status as unknown, never as success', async () => {
    const replies = ['UPLOADED', 'MATCHED', 'FAILURE'];
    const fetchStatus: typeof fetch = async () =>
      new Response(JSON.stringify({ uploading: { id: 1, status: replies.shift() } }), { status: 200 });
    const { c } = client({ fetch: fetchStatus });
    const seen: string[] = [];
    const r = await c.waitForUpload(COUNTER, 1, { intervalMs: 1, onStatus: (u) => seen.push(u.status) });
    assert.equal(r.outcome, 'unknown');
    assert.deepEqual(seen, ['UPLOADED', 'MATCHED', 'FAILURE']);
  });

  test('waitForUpload ends with timeout when processing takes too long', async () => {
    const fetchStatus: typeof fetch = async () => new Response('{"uploading":{"id":1,"status":"UPLOADED"}}');
    const { c } = client({ fetch: fetchStatus });
    const r = await c.waitForUpload(COUNTER, 1, { intervalMs: 1, timeoutMs: 20 });
    assert.equal(r.outcome, 'timeout');
  });
});

describe('reply parsing', () => {
  test('reads both the `uploading` object and the `uploadings` array', () => {
    assert.deepEqual(readUploadings({ uploading: { id: 5, status: 'UPLOADED' } }, 'x'), [
      { id: '5', status: 'UPLOADED' },
    ]);
    assert.deepEqual(readUploadings({ uploadings: [{ id: 6, status: 'PROCESSED', line_quantity: 2 }] }, 'x'), [
      { id: '6', status: 'PROCESSED', line_quantity: 2 },
    ]);
    assert.throws(() => readUploadings({ upload: {} }, 'Upload'), /neither `uploading` nor `uploadings`/);
  });

  test('keeps every digit of an int64 upload ID', async () => {
    const big = '9223372036854775807';
    const f: typeof fetch = async () => new Response(`{"uploading":{"id":${big},"status":"UPLOADED"}}`);
    const c = createMetricaClient({ token: TOKEN, apiUrl: 'http://127.0.0.1:1', fetch: f });
    assert.equal((await c.getUploading(COUNTER, big)).id, big);
  });

  test('Retry-After as seconds or an HTTP date', () => {
    assert.equal(parseRetryAfter('3'), 3000);
    assert.equal(parseRetryAfter(new Date(10_000).toUTCString(), 4000), 6000);
    assert.equal(parseRetryAfter(null), undefined);
    assert.equal(parseRetryAfter('soon'), undefined);
  });
});
