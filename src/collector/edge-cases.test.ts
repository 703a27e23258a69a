import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Logger } from './logger.js';
import { API_KEY, beacon, postChat, startCollector, WEBHOOK_SECRET } from './test-support/server.js';

/** Edges of matching and of webhook input, on both adapters. */

const nowSeconds = () => Math.floor(Date.now() / 1000);
const json = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`collector edge cases (${kind})`, () => {
    test('a later CRM update of a chat keeps the chat ID of its own /start, not the partner’s newer one', async (t) => {
      const s = await startCollector(t, { rateLimit: false }, kind);
      if (!s) return;
      const hook = `${s.url}/v1/webhooks/telegram/${WEBHOOK_SECRET}`;
      const t1 = nowSeconds() - 3600;
      const t2 = nowSeconds() - 60;
      assert.equal((await beacon(s.url, { v: 1, chatId: 'CTAAAAAAAA', clientId: '11111111111111111' })).status, 204);
      const start = (id: number, date: number, text: string) => ({
        update_id: id,
        message: { message_id: id, date, text, from: { id: 777, is_bot: false, first_name: 'A' }, chat: { id: 777 } },
      });
      const first = await (await json(hook, start(1, t1, '/start promo-CTAAAAAAAA'))).json();
      assert.equal(first.chats[0].chatId, 'CTAAAAAAAA');
      // The same person comes back later through another page with another chat ID.
      assert.equal((await beacon(s.url, { v: 1, chatId: 'CTBBBBBBBB', clientId: '22222222222222222' })).status, 204);
      const second = await (await json(hook, start(2, t2, '/start CTBBBBBBBB'))).json();
      assert.equal(second.chats[0].chatId, 'CTBBBBBBBB');
      // The CRM marks the first chat answered: it must stay attributed to its own chat ID.
      const res = await postChat(s.url, { platform: 'telegram', dateTime: t1, chatUserId: '777', answered: true });
      assert.equal(res.status, 200);
      const body = await res.json();
      assert.equal(body.chatId, 'CTAAAAAAAA');
      assert.deepEqual(body.matched, { clientId: '11111111111111111' });
      const row = (await s.collector.storage.snapshot()).chats.find((c) => c.dateTime === t1);
      assert.deepEqual(
        [row?.chatId, row?.clientId, row?.chatIdSource, row?.answered],
        ['CTAAAAAAAA', '11111111111111111', 'message', true],
      );
      // Re-reporting the older chat with its own ID does not take the partner back from the newer one.
      const again = await postChat(s.url, {
        platform: 'telegram',
        dateTime: t1,
        chatUserId: '777',
        chatId: 'CTAAAAAAAA',
      });
      assert.equal(again.status, 200);
      await again.arrayBuffer();
      const later = await postChat(s.url, { platform: 'telegram', dateTime: nowSeconds() - 5, chatUserId: '777' });
      assert.equal(later.status, 201);
      const laterBody = await later.json();
      assert.equal(laterBody.chatId, 'CTBBBBBBBB');
      assert.deepEqual(laterBody.matched, { clientId: '22222222222222222' });
    });

    test('a pairing received within the chat’s second counts as at or before the chat', async (t) => {
      const at = Date.now() - 120_000;
      const chatSecond = Math.floor(at / 1000);
      let clock = chatSecond * 1000 - 60_000;
      const s = await startCollector(t, { rateLimit: false, now: () => clock }, kind);
      if (!s) return;
      assert.equal((await beacon(s.url, { v: 1, chatId: 'CT7KQ2M9XA', clientId: '10000000000000000' })).status, 204);
      clock = chatSecond * 1000 + 400;
      assert.equal((await beacon(s.url, { v: 1, chatId: 'CT7KQ2M9XA', clientId: '20000000000000000' })).status, 204);
      clock = chatSecond * 1000 + 60_000;
      assert.equal((await beacon(s.url, { v: 1, chatId: 'CT7KQ2M9XA', clientId: '30000000000000000' })).status, 204);
      const res = await postChat(s.url, {
        platform: 'whatsapp',
        dateTime: chatSecond,
        phoneNumber: '+79001234567',
        chatId: 'CT7KQ2M9XA',
      });
      assert.deepEqual((await res.json()).matched, { clientId: '20000000000000000' });
    });

    test('webhook updates with odd values are never a 5xx and store nothing broken', async (t) => {
      const s = await startCollector(t, { rateLimit: false }, kind);
      if (!s) return;
      const tg = `${s.url}/v1/webhooks/telegram/${WEBHOOK_SECRET}`;
      const viber = `${s.url}/v1/webhooks/viber/${WEBHOOK_SECRET}`;
      const now = nowSeconds();
      const tgMsg = (from: Record<string, unknown>, date: unknown = now) => ({
        update_id: 1,
        message: { message_id: 1, date, text: 'hello', from, chat: { id: 1 } },
      });
      const updates: Array<[string, unknown]> = [
        [tg, tgMsg({ id: '' })],
        [tg, tgMsg({ id: 'a\u0000b' })],
        [tg, tgMsg({ id: 5001, username: 'ann\u0000k' })],
        [tg, tgMsg({ id: 5002 }, 0)],
        [tg, tgMsg({ id: 5003 }, -86_400)],
        [viber, { event: 'message', timestamp: -1e300, sender: { id: 'v1==' }, message: { type: 'text', text: 'x' } }],
        [viber, { event: 'message', timestamp: 5, sender: { id: 'v2==' }, message: { type: 'text', text: 'x' } }],
        [
          viber,
          {
            event: 'message',
            timestamp: Date.now(),
            sender: { id: 'v3==', name: 'Ann\u0000' },
            message: { type: 'text', text: 'x' },
          },
        ],
        [viber, { event: 'conversation_started', timestamp: Date.now(), user: { id: 'v4\u0000' }, context: 'x' }],
      ];
      for (const [url, update] of updates) {
        const res = await json(url, update);
        const text = await res.text();
        assert.ok(res.status < 500, `${JSON.stringify(update)} → ${res.status} ${text}`);
      }
      const chats = (await s.collector.storage.snapshot()).chats;
      for (const c of chats) {
        assert.ok(c.dateTime >= 946_684_800 && c.dateTime <= nowSeconds(), `DateTime ${c.dateTime} of ${c.chatUserId}`);
        for (const v of [c.chatUserId, c.chatUsername]) {
          assert.ok(v === null || !/[\u0000-\u001f]/.test(v), `control character stored: ${JSON.stringify(v)}`);
          assert.notEqual(v, '');
        }
      }
    });
  });
}

describe('collector logs', () => {
  test('a refusal reaches a custom logger without the phone number or the key in clear', async (t) => {
    const lines: string[] = [];
    const capture = (level: string) => (msg: string, fields?: Record<string, unknown>) => {
      lines.push(JSON.stringify({ level, msg, ...fields }));
    };
    const logger: Logger = { info: capture('info'), warn: capture('warn'), error: capture('error') };
    const s = await startCollector(t, { logger });
    if (!s) return;
    const res = await postChat(s.url, { platform: 'telegram', chatUserId: '+7 900 123 45 67' });
    assert.equal(res.status, 400);
    const bad = await fetch(`${s.url}/v1/chats?key=${API_KEY}`, { method: 'POST' });
    assert.equal(bad.status, 401);
    await bad.arrayBuffer();
    const logged = lines.join('\n');
    assert.match(logged, /request refused/);
    assert.doesNotMatch(logged, /900 123 45 67|9001234567/);
    assert.doesNotMatch(logged, new RegExp(API_KEY));
  });
});
