import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, type TestContext, test } from 'node:test';
import {
  greenEdited,
  greenOutgoing,
  greenText,
  TG_OWNER,
  tgBotReplyForOwner,
  tgBusinessConnection,
  tgBusinessMessage,
  tgDeletedBusinessMessages,
  tgEditedBusinessMessage,
  tgOwnerReply,
  waStatus,
  waText,
  wazzupMessages,
} from '../connectors/test-support/fixtures.js';
import { API_KEY, beacon, freshDatabase, startCollector, WEBHOOK_SECRET } from './test-support/server.js';

/**
 * The connectors end to end, over HTTP on loopback, on SQLite and PostgreSQL: a beacon, the
 * channel's documented webhook, then the CHATS CSV row with the right platform, partner, DateTime
 * and ClientID; redelivery, edits, the business side's own messages and the checks each platform
 * signs or sends.
 */

const APP_SECRET = 'meta-app-secret-0123';
const GREEN_TOKEN = 'green-webhook-token-42';
const CHAT_ID = 'CT7KQ2M9XA';
const CLIENT_ID = '1760000000000000777';
const nowS = () => Math.floor(Date.now() / 1000);

function hook(url: string, channel: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/v1/webhooks/${channel}/${WEBHOOK_SECRET}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const sign = (raw: string, secret = APP_SECRET) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;

function whatsapp(url: string, body: unknown, signature?: string): Promise<Response> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return hook(
    url,
    'whatsapp',
    raw,
    signature === undefined
      ? { 'X-Hub-Signature-256': sign(raw) }
      : signature
        ? { 'X-Hub-Signature-256': signature }
        : {},
  );
}

/** The CHATS CSV of what is pending, as rows of column → value. */
async function csvRows(url: string): Promise<Array<Record<string, string>>> {
  const text = await (
    await fetch(`${url}/v1/conversions.csv`, { headers: { Authorization: `Bearer ${API_KEY}` } })
  ).text();
  const [head, ...lines] = text.trim().split('\n');
  const columns = (head ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',').map((c) => c.replace(/^"(.*)"$/, '$1'));
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

async function start(t: TestContext, kind: 'sqlite' | 'postgres', options: Parameters<typeof startCollector>[1] = {}) {
  return startCollector(t, { whatsappAppSecret: APP_SECRET, greenApiToken: GREEN_TOKEN, ...options }, kind);
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`connectors (${kind})`, () => {
    test('Telegram Business: the customer’s message is an attributed chat; the owner and the bot never are', async (t) => {
      const s = await start(t, kind);
      if (!s) return t.skip('PostgreSQL is not available');
      const at = nowS() - 300;
      const customer = { id: 123456789, username: 'ivan_p' };
      assert.equal((await beacon(s.url, { v: 1, chatId: CHAT_ID, clientId: CLIENT_ID })).status, 204);
      const connected = await hook(s.url, 'telegram', tgBusinessConnection(1, at - 3600));
      assert.deepEqual(await connected.json(), { ok: true, chats: [], ignored: ['not_message'] });
      const first = await hook(
        s.url,
        'telegram',
        tgBusinessMessage(2, customer, 17, at, `Здравствуйте! Номер обращения: ${CHAT_ID}`),
      );
      assert.deepEqual(await first.json(), {
        ok: true,
        chats: [{ chatId: CHAT_ID, unattributedReason: null }],
        ignored: [],
      });
      for (const update of [tgOwnerReply(3, customer, 18, at + 10), tgBotReplyForOwner(4, customer, 19, at + 20)]) {
        assert.deepEqual(await (await hook(s.url, 'telegram', update)).json(), {
          ok: true,
          chats: [],
          ignored: ['outgoing'],
        });
      }
      // Telegram retries an update it got no answer to; the edit keeps the original date.
      await hook(
        s.url,
        'telegram',
        tgBusinessMessage(2, customer, 17, at, `Здравствуйте! Номер обращения: ${CHAT_ID}`),
      );
      await hook(s.url, 'telegram', tgEditedBusinessMessage(5, customer, 17, at, at + 60, `Добрый день! ${CHAT_ID}`));
      await hook(s.url, 'telegram', tgDeletedBusinessMessages(6, customer, [17]));
      const rows = await csvRows(s.url);
      assert.equal(rows.length, 1);
      assert.deepEqual(
        [rows[0]?.ClientID, rows[0]?.DateTime, rows[0]?.ChatPlatform, rows[0]?.ChatUserID, rows[0]?.ChatUsername],
        [CLIENT_ID, String(at), 'telegram', '123456789', 'ivan_p'],
      );
      assert.notEqual(rows[0]?.ChatUserID, String(TG_OWNER.id));
    });

    test('WhatsApp Cloud API: handshake, signature, an attributed chat, statuses, redelivery', async (t) => {
      const s = await start(t, kind);
      if (!s) return t.skip('PostgreSQL is not available');
      const base = `${s.url}/v1/webhooks/whatsapp/${WEBHOOK_SECRET}`;
      const ok = await fetch(`${base}?hub.mode=subscribe&hub.verify_token=${WEBHOOK_SECRET}&hub.challenge=1158201444`);
      assert.equal(ok.status, 200);
      assert.equal(await ok.text(), '1158201444');
      const badToken = await fetch(`${base}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`);
      assert.equal(badToken.status, 403);
      assert.equal((await badToken.json()).field, 'hub.verify_token');
      assert.equal(
        (await fetch(`${base}?hub.mode=unsubscribe&hub.verify_token=${WEBHOOK_SECRET}&hub.challenge=1`)).status,
        403,
      );

      const at = nowS() - 120;
      await beacon(s.url, { v: 1, chatId: CHAT_ID, clientId: CLIENT_ID });
      const message = waText('79161234567', 'wamid.HBgLNzkxNjEyMzQ1NjcVAgASGBQzQUZCNjEA', at, `Hello! ${CHAT_ID}`);
      const before = await s.collector.storage.snapshot();
      assert.equal((await whatsapp(s.url, message, '')).status, 401);
      assert.equal((await whatsapp(s.url, message, sign(JSON.stringify(message), 'another-secret'))).status, 401);
      assert.deepEqual(await s.collector.storage.snapshot(), before);

      const stored = await whatsapp(s.url, message);
      assert.deepEqual(await stored.json(), {
        ok: true,
        chats: [{ chatId: CHAT_ID, unattributedReason: null }],
        ignored: [],
      });
      assert.equal((await whatsapp(s.url, message)).status, 200);
      assert.deepEqual(await (await whatsapp(s.url, waStatus('79161234567', 'wamid.out', at + 5))).json(), {
        ok: true,
        chats: [],
        ignored: ['status'],
      });
      const rows = await csvRows(s.url);
      assert.equal(rows.length, 1);
      assert.deepEqual(
        [rows[0]?.ClientID, rows[0]?.DateTime, rows[0]?.ChatPlatform, rows[0]?.PhoneNumber],
        [CLIENT_ID, String(at), 'whatsapp', '+79161234567'],
      );

      const malformed = await whatsapp(s.url, '{"object": "whatsapp_business_account",');
      assert.equal(malformed.status, 400);
      assert.match((await malformed.json()).error, /not valid JSON/);
    });

    test('WhatsApp notifications are refused while no app secret is configured', async (t) => {
      const s = await start(t, kind, { whatsappAppSecret: undefined });
      if (!s) return t.skip('PostgreSQL is not available');
      const refused = await whatsapp(s.url, waText('79161234567', 'wamid.x', nowS() - 5, CHAT_ID));
      assert.equal(refused.status, 401);
      assert.match((await refused.json()).error, /METRICA_CHATS_WHATSAPP_APP_SECRET/);
      assert.equal((await s.collector.storage.snapshot()).chats.length, 0);
    });

    test('Green-API: the token, an edit that adds the tag, groups and outgoing messages', async (t) => {
      const s = await start(t, kind);
      if (!s) return t.skip('PostgreSQL is not available');
      const auth = { Authorization: `Bearer ${GREEN_TOKEN}` };
      const at = nowS() - 200;
      await beacon(s.url, { v: 1, chatId: CHAT_ID, clientId: CLIENT_ID });
      const first = greenText('79161234567@c.us', 'BAE5F4886F6F2D05', at, 'Здравствуйте, есть вопрос');
      assert.equal((await hook(s.url, 'green-api', first)).status, 401);
      assert.equal((await hook(s.url, 'green-api', first, { Authorization: 'Bearer wrong' })).status, 401);
      assert.equal((await s.collector.storage.snapshot()).chats.length, 0);
      const answer = await (await hook(s.url, 'green-api', first, auth)).json();
      assert.deepEqual(answer.chats, [{ chatId: null, unattributedReason: 'no_chat_id' }]);
      // The customer edits the message to add the tag: the same chat (at the first message's time) is attributed.
      const edit = greenEdited(
        '79161234567@c.us',
        'BAE5EDIT0001',
        at + 40,
        'BAE5F4886F6F2D05',
        `Номер обращения: ${CHAT_ID}`,
      );
      assert.deepEqual((await (await hook(s.url, 'green-api', edit, auth)).json()).chats, [
        { chatId: CHAT_ID, unattributedReason: null },
      ]);
      await hook(s.url, 'green-api', edit, auth);
      for (const other of [
        greenText('120363043968066561@g.us', 'G1', at, CHAT_ID),
        greenOutgoing('79161234567@c.us', 'O1', at),
      ]) {
        assert.equal((await (await hook(s.url, 'green-api', other, auth)).json()).chats.length, 0);
      }
      const rows = await csvRows(s.url);
      assert.equal(rows.length, 1);
      assert.deepEqual(
        [rows[0]?.ClientID, rows[0]?.DateTime, rows[0]?.ChatPlatform, rows[0]?.PhoneNumber],
        [CLIENT_ID, String(at), 'whatsapp', '+79161234567'],
      );
    });

    test('Wazzup: the test request, whatsapp and telegram chats, echoes and other channels', async (t) => {
      const s = await start(t, kind);
      if (!s) return t.skip('PostgreSQL is not available');
      const test = await hook(s.url, 'wazzup', { test: true });
      assert.equal(test.status, 200);
      const at = nowS() - 100;
      const iso = new Date(at * 1000).toISOString();
      await beacon(s.url, { v: 1, chatId: CHAT_ID, clientId: CLIENT_ID });
      const batch = wazzupMessages(
        {
          messageId: 'f1c0b6a2-1',
          dateTime: iso,
          chatType: 'telegram',
          chatId: '555000111',
          text: `Привет ${CHAT_ID}`,
          contact: { name: 'Ivan', username: 'ivan_w' },
        },
        {
          messageId: 'f1c0b6a2-2',
          dateTime: iso,
          chatType: 'whatsapp',
          chatId: '79160000042',
          text: 'Есть в наличии?',
        },
        {
          messageId: 'f1c0b6a2-3',
          dateTime: iso,
          chatType: 'whatsapp',
          chatId: '79160000042',
          text: 'Да',
          isEcho: true,
        },
        { messageId: 'f1c0b6a2-4', dateTime: iso, chatType: 'instagram', chatId: 'ivan.p', text: CHAT_ID },
      );
      const answer = await (await hook(s.url, 'wazzup', batch)).json();
      assert.deepEqual(answer.chats, [
        { chatId: CHAT_ID, unattributedReason: null },
        { chatId: null, unattributedReason: 'no_chat_id' },
      ]);
      assert.deepEqual(answer.ignored, ['outgoing', 'other_channel']);
      await hook(s.url, 'wazzup', batch);
      const rows = await csvRows(s.url);
      assert.equal(rows.length, 2);
      const tg = rows.find((r) => r.ChatPlatform === 'telegram');
      assert.deepEqual(
        [tg?.ClientID, tg?.DateTime, tg?.ChatUserID, tg?.ChatUsername],
        [CLIENT_ID, String(at), '555000111', 'ivan_w'],
      );
      assert.equal(rows.find((r) => r.ChatPlatform === 'whatsapp')?.PhoneNumber, '+79160000042');
    });

    test('a redelivered message stays one chat at its first DateTime, across a restart and a second instance', async (t) => {
      const db = await freshDatabase(t, kind);
      if (db === null) return t.skip('PostgreSQL is not available');
      let clock = Date.now();
      // The platform's clock runs ahead of ours: the first delivery's DateTime is our "now".
      const sent = Math.floor(clock / 1000) + 30;
      const message = wazzupMessages({
        messageId: 'redelivered-1',
        dateTime: new Date(sent * 1000).toISOString(),
        chatType: 'whatsapp',
        chatId: '79160000099',
        text: CHAT_ID,
      });
      const first = await startCollector(t, { db, now: () => clock }, kind);
      await hook(first?.url ?? '', 'wazzup', message);
      await first?.collector.close();
      clock += 10_000;
      const restarted = await startCollector(t, { db, now: () => clock }, kind);
      await hook(restarted?.url ?? '', 'wazzup', message);
      if (kind === 'postgres') {
        clock += 10_000;
        const other = await startCollector(t, { db, now: () => clock }, kind);
        await hook(other?.url ?? '', 'wazzup', message);
      }
      const chats = (await restarted?.collector.storage.snapshot())?.chats ?? [];
      assert.equal(chats.length, 1);
      assert.equal(chats[0]?.dateTime, sent - 30);
    });
  });
}

test('a payload of an unknown shape is acknowledged, stores nothing, and is logged once', async (t) => {
  const warnings: Array<{ msg: string; fields?: Record<string, unknown> }> = [];
  const logger = {
    info() {},
    error() {},
    warn: (msg: string, fields?: Record<string, unknown>) => warnings.push({ msg, fields }),
  };
  const s = await startCollector(t, { logger });
  if (!s) return;
  for (let i = 0; i < 3; i++) {
    const res = await hook(s.url, 'green-api', { typeWebhook: 'somethingNewFromGreenApi', timestamp: 1 }, {});
    assert.deepEqual(await res.json(), { ok: true, chats: [], ignored: ['unknown_shape'] });
  }
  assert.equal((await hook(s.url, 'wazzup', { surprise: true })).status, 200);
  const notUnderstood = warnings.filter((w) => w.msg === 'webhook payload not understood');
  assert.deepEqual(
    notUnderstood.map((w) => w.fields?.source),
    ['green-api', 'wazzup'],
  );
  assert.equal((await s.collector.storage.snapshot()).chats.length, 0);
});
