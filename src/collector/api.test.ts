import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, test } from 'node:test';
import { createCollector } from './server.js';
import {
  API_KEY,
  beacon,
  postChat,
  SECOND_API_KEY,
  startCollector,
  TEST_ORIGIN,
  WEBHOOK_SECRET,
} from './test-support/server.js';

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('collector API', () => {
  test('healthz answers', async (t) => {
    const s = await startCollector(t);
    const res = await fetch(`${s?.url}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { ok: true, db: 'sqlite' });
  });

  test('a beacon is stored and answered 204 with CORS for its origin', async (t) => {
    const s = await startCollector(t);
    if (!s) return;
    const res = await beacon(s.url, { v: 1, chatId: 'CT7KQ2M9XA', clientId: '1760000000123456789', yclid: '123' });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), TEST_ORIGIN);
    const p = await s.collector.storage.findPairing('CT7KQ2M9XA', Date.now());
    assert.equal(p?.clientId, '1760000000123456789');
    assert.equal(p?.yclid, '123');
  });

  test('CORS: preflight for allowed origins, 403 for others, wildcard subdomains', async (t) => {
    const s = await startCollector(t);
    if (!s) return;
    const pre = await fetch(`${s.url}/v1/pairings`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://a.b.example.com', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), 'https://a.b.example.com');
    assert.match(pre.headers.get('access-control-allow-methods') ?? '', /POST/);
    const exact = await beacon(s.url, { v: 1, chatId: 'CT7KQ2M9XA' }, { Origin: 'https://landing.test' });
    assert.equal(exact.status, 204);
    for (const origin of ['https://example.com', 'https://evil.com', 'http://shop.example.com', 'null']) {
      const res = await beacon(s.url, { v: 1, chatId: 'CT7KQ2M9XB' }, { Origin: origin });
      assert.equal(res.status, 403, origin);
      assert.deepEqual(await res.json(), { error: 'origin not allowed', field: 'Origin' });
    }
    assert.equal((await s.collector.storage.snapshot()).pairings.length, 1);
  });

  test('with no allowed origin configured, browser beacons get 403 saying how to allow one', async (t) => {
    const s = await startCollector(t, { allowOrigins: [] });
    if (!s) return;
    const res = await beacon(s.url, { v: 1, chatId: 'CT7KQ2M9XA' });
    assert.equal(res.status, 403);
    assert.match((await res.json()).error, /--allow-origin/);
  });

  test('rate limit: 429 with Retry-After once the burst is spent', async (t) => {
    const s = await startCollector(t, { rateLimit: { perMinute: 6, burst: 3 } });
    if (!s) return;
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await beacon(s.url, { v: 1, chatId: 'CT7KQ2M9XA' });
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get('retry-after');
        assert.equal(res.headers.get('access-control-allow-origin'), TEST_ORIGIN);
      }
      await res.arrayBuffer();
    }
    assert.deepEqual(statuses, [204, 204, 204, 429, 429]);
    assert.ok(Number(retryAfter) >= 1 && Number(retryAfter) <= 10, `Retry-After ${retryAfter}`);
    assert.equal((await s.collector.storage.snapshot()).pairings.length, 3);
  });

  test('body cap: 413 for a declared or a streamed body over 4 KiB', async (t) => {
    const s = await startCollector(t);
    if (!s) return;
    const big = JSON.stringify({ v: 1, chatId: 'CT7KQ2M9XA', userId: 'x'.repeat(5000) });
    const res = await beacon(s.url, big);
    assert.equal(res.status, 413);
    assert.match((await res.json()).error, /at most 4096 bytes/);
    // Chunked, no Content-Length: the cap holds while streaming.
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(`${s.url}/v1/pairings`);
      const req = request(
        { host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'Content-Type': 'text/plain' } },
        (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 10; i++) req.write('x'.repeat(1000));
      req.end();
    });
    assert.equal(status, 413);
    assert.equal((await s.collector.storage.snapshot()).pairings.length, 0);
  });

  test('auth: 401 without a bearer key, 403 with a wrong one, constant answer shape', async (t) => {
    const s = await startCollector(t);
    if (!s) return;
    const chat = { platform: 'telegram', chatUserId: '1' };
    const none = await fetch(`${s.url}/v1/chats`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(chat),
    });
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('www-authenticate'), 'Bearer');
    assert.deepEqual(await none.json(), { error: 'Authorization: Bearer <key> is required', field: 'Authorization' });
    const wrong = await postChat(s.url, chat, `${API_KEY}x`);
    assert.equal(wrong.status, 403);
    assert.deepEqual(await wrong.json(), { error: 'API key not accepted', field: 'Authorization' });
    assert.equal((await postChat(s.url, chat, SECOND_API_KEY)).status, 201);
    for (const path of ['/v1/conversions.csv', '/v1/stats']) {
      assert.equal((await fetch(`${s.url}${path}`)).status, 401, path);
      assert.equal((await fetch(`${s.url}${path}`, { headers: { Authorization: 'Bearer nope' } })).status, 403, path);
    }
  });

  test('chats: matched to the latest pairing at or before the chat, then upserted by key', async (t) => {
    const s = await startCollector(t);
    if (!s) return;
    await beacon(s.url, { v: 1, chatId: 'CT7KQ2M9XA', clientId: '1760000000000000001' });
    const dateTime = nowSeconds();
    const first = await postChat(s.url, {
      platform: 'whatsapp',
      dateTime,
      phoneNumber: '+79001234567',
      text: 'Здравствуйте! Номер обращения: ст7kq2m9xa',
    });
    assert.equal(first.status, 201);
    const body = await first.json();
    assert.equal(body.chatId, 'CT7KQ2M9XA');
    assert.deepEqual(body.matched, { clientId: '1760000000000000001' });
    assert.equal(body.unattributedReason, null);
    const later = await postChat(s.url, {
      platform: 'whatsapp',
      dateTime,
      phoneNumber: '+79001234567',
      answered: true,
      price: '990.00',
      currency: 'RUB',
    });
    assert.equal(later.status, 200);
    const l = await later.json();
    assert.equal(l.key, body.key);
    assert.equal(l.revision, 2);
    assert.deepEqual(l.matched, { clientId: '1760000000000000001' });
    const row = await s.collector.storage.getChat(body.key);
    assert.deepEqual([row?.answered, row?.price, row?.currency], [true, '990.00', 'RUB']);
  });

  test('the partner stays linked: a later chat without the tag is attributed too', async (t) => {
    const s = await startCollector(t);
    if (!s) return;
    await beacon(s.url, { v: 1, chatId: 'CT7KQ2M9XA', yclid: '5555' });
    const t0 = nowSeconds() - 100;
    await postChat(s.url, { platform: 'telegram', dateTime: t0, chatUserId: '42', chatId: 'CT7KQ2M9XA' });
    const res = await postChat(s.url, {
      platform: 'telegram',
      dateTime: t0 + 50,
      chatUserId: '42',
      text: 'hello again',
    });
    const body = await res.json();
    assert.equal(body.chatId, 'CT7KQ2M9XA');
    assert.deepEqual(body.matched, { yclid: '5555' });
    const other = await (
      await postChat(s.url, { platform: 'viber', dateTime: t0, chatUserId: '42', text: 'hi' })
    ).json();
    assert.equal(other.chatId, null, 'a link is per platform');
    assert.equal(other.unattributedReason, 'no_chat_id');
  });

  test('unattributed chats are kept with the reason, and a late beacon completes them', async (t) => {
    const s = await startCollector(t);
    if (!s) return;
    const noPair = await (await postChat(s.url, { platform: 'telegram', chatUserId: '7', text: 'CTZZZZZZZZ' })).json();
    assert.equal(noPair.unattributedReason, 'chat_id_not_paired');
    await beacon(s.url, { v: 1, chatId: 'CTYYYYYYYY' });
    const noIds = await (await postChat(s.url, { platform: 'telegram', chatUserId: '8', chatId: 'CTYYYYYYYY' })).json();
    assert.equal(noIds.unattributedReason, 'pairing_without_metrica_id');
    await beacon(s.url, { v: 1, chatId: 'CTZZZZZZZZ', clientId: '1760000000000000009' });
    const row = await s.collector.storage.getChat(noPair.key);
    assert.equal(row?.clientId, '1760000000000000009');
    assert.equal(row?.unattributedReason, null);
    const stats = await (await fetch(`${s.url}/v1/stats`, { headers: { Authorization: `Bearer ${API_KEY}` } })).json();
    assert.deepEqual(stats.unattributed, {
      no_chat_id: 0,
      chat_id_not_paired: 0,
      pairing_without_metrica_id: 1,
      several_chat_ids: 0,
    });
    assert.equal(stats.matched, 1);
  });

  test('Telegram webhook: /start payload, first message, later messages ignored, unknown updates acknowledged', async (t) => {
    const s = await startCollector(t);
    if (!s) return;
    await beacon(s.url, { v: 1, chatId: 'CT7KQ2M9XA', clientId: '1760000000000000002' });
    const hook = `${s.url}/v1/webhooks/telegram/${WEBHOOK_SECRET}`;
    const send = (update: unknown) =>
      fetch(hook, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(update) });
    const msg = (id: number, text: string, userId: number, date = nowSeconds()) => ({
      update_id: id,
      message: {
        message_id: id,
        date,
        text,
        from: { id: userId, is_bot: false, first_name: 'A', username: `user${userId}` },
        chat: { id: userId, type: 'private', first_name: 'A' },
      },
    });
    const started = await send(msg(1, '/start CT7KQ2M9XA', 1001));
    assert.equal(started.status, 200);
    assert.deepEqual(await started.json(), {
      ok: true,
      chats: [{ chatId: 'CT7KQ2M9XA', unattributedReason: null }],
      ignored: [],
    });
    const first = await (await send(msg(2, 'Hello, I have a question', 1002, nowSeconds() - 5))).json();
    assert.equal(first.chats[0].unattributedReason, 'no_chat_id');
    const again = await (await send(msg(3, 'and another thing', 1002))).json();
    assert.deepEqual(again, { ok: true, chats: [], ignored: ['known_partner'] });
    const unknown = await send({ update_id: 4, my_chat_member: { chat: { id: 1 } } });
    assert.equal(unknown.status, 200);
    const chats = (await s.collector.storage.snapshot()).chats;
    assert.equal(chats.length, 2);
    const attributed = chats.find((c) => c.chatUserId === '1001');
    assert.deepEqual([attributed?.chatUsername, attributed?.clientId], ['user1001', '1760000000000000002']);
  });

  test('Viber webhook: conversation_started context and message events', async (t) => {
    const s = await startCollector(t);
    if (!s) return;
    await beacon(s.url, { v: 1, chatId: 'CT7KQ2M9XA', clientId: '1760000000000000003' });
    const hook = `${s.url}/v1/webhooks/viber/${WEBHOOK_SECRET}`;
    const send = (event: unknown) =>
      fetch(hook, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(event) });
    const ms = Date.now() - 1000;
    const user = { id: 'viberUser1==', name: 'Ann', language: 'ru', country: 'RU', api_version: 8 };
    assert.equal((await send({ event: 'webhook', timestamp: ms, chat_hostname: 'x', message_token: 1 })).status, 200);
    const started = await (
      await send({
        event: 'conversation_started',
        timestamp: ms,
        message_token: 2,
        type: 'open',
        context: 'CT7KQ2M9XA',
        user,
        subscribed: false,
      })
    ).json();
    assert.deepEqual(started.chats, [{ chatId: 'CT7KQ2M9XA', unattributedReason: null }]);
    const later = await (
      await send({
        event: 'message',
        timestamp: ms + 500,
        message_token: 3,
        sender: user,
        message: { type: 'text', text: 'hi' },
      })
    ).json();
    assert.deepEqual(later, { ok: true, chats: [], ignored: ['known_partner'] });
    const snap = await s.collector.storage.snapshot();
    assert.equal(snap.chats.length, 1);
    assert.equal(snap.chats[0]?.chatUserId, 'viberUser1==');
  });

  test('a wrong webhook secret looks like a path that does not exist', async (t) => {
    const s = await startCollector(t);
    if (!s) return;
    const wrong = await fetch(`${s.url}/v1/webhooks/telegram/not-the-secret`, { method: 'POST', body: '{}' });
    const missing = await fetch(`${s.url}/v1/nothing-here`, { method: 'POST', body: '{}' });
    assert.equal(wrong.status, 404);
    assert.equal(missing.status, 404);
    assert.deepEqual(await wrong.json(), await missing.json());
    const off = await startCollector(t, { webhookSecret: '' });
    assert.equal((await fetch(`${off?.url}/v1/webhooks/telegram/`, { method: 'POST', body: '{}' })).status, 404);
  });

  test('conversions.csv streams the CHATS CSV of what is pending', async (t) => {
    const s = await startCollector(t);
    if (!s) return;
    await beacon(s.url, {
      v: 1,
      chatId: 'CT7KQ2M9XA',
      clientId: '1760000000000000004',
      url: 'https://shop.example.com/p?a=1',
    });
    const dateTime = nowSeconds() - 10;
    await postChat(s.url, {
      platform: 'telegram',
      dateTime,
      chatUserId: '55',
      chatUsername: 'bob',
      chatId: 'CT7KQ2M9XA',
      tags: 'a,b',
    });
    const res = await fetch(`${s.url}/v1/conversions.csv`, { headers: { Authorization: `Bearer ${API_KEY}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = (await res.text()).trim().split(/\r?\n/);
    assert.equal(lines.length, 2);
    assert.match(lines[0] ?? '', /^ClientID,/);
    assert.match(lines[1] ?? '', new RegExp(`^1760000000000000004,.*${dateTime},telegram`));
    assert.match(lines[1] ?? '', /https:\/\/shop\.example\.com\/p\?a=1/);
    const later = await fetch(`${s.url}/v1/conversions.csv?since=${dateTime + 1}`, {
      headers: { Authorization: `Bearer ${API_KEY}` },
    });
    assert.equal((await later.text()).trim().split(/\r?\n/).length, 1);
    const bad = await fetch(`${s.url}/v1/conversions.csv?since=yesterday`, {
      headers: { Authorization: `Bearer ${API_KEY}` },
    });
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).field, 'since');
  });

  test('a path prefix with a . or .. segment is refused', async () => {
    for (const pathPrefix of ['/a/../b', '/..', '/./px']) {
      await assert.rejects(
        createCollector({ db: ':memory:', pathPrefix, logger: false }),
        /must not have a \. or \.\. segment/,
      );
    }
  });

  test('a path prefix moves every route under it', async (t) => {
    const s = await startCollector(t, { pathPrefix: '/px/' });
    if (!s) return;
    assert.match(s.url, /\/px$/);
    assert.equal((await beacon(s.url, { v: 1, chatId: 'CT7KQ2M9XA' })).status, 204);
    const root = s.url.replace(/\/px$/, '');
    assert.equal((await beacon(root, { v: 1, chatId: 'CT7KQ2M9XA' })).status, 404);
  });

  test('a wrong method gets 405 with Allow', async (t) => {
    const s = await startCollector(t);
    if (!s) return;
    const res = await fetch(`${s.url}/v1/pairings`, { method: 'GET', headers: { Origin: TEST_ORIGIN } });
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'POST, OPTIONS');
  });

  test('embedding: the handler serves inside an existing node:http server, and close() waits for it', async (t) => {
    const { createServer } = await import('node:http');
    const s = await startCollector(t);
    if (!s) return;
    const server = createServer((req, res) => {
      if (req.url?.startsWith('/v1/') || req.url === '/healthz') s.collector.handler(req, res);
      else res.end('app');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    t.after(() => new Promise<void>((r) => server.close(() => r())));
    const port = (server.address() as { port: number }).port;
    assert.equal(await (await fetch(`http://127.0.0.1:${port}/`)).text(), 'app');
    assert.equal((await beacon(`http://127.0.0.1:${port}`, { v: 1, chatId: 'CT7KQ2M9XA' })).status, 204);
  });
});
