import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { API_KEY, beacon, postChat, startCollector, TEST_ORIGIN, WEBHOOK_SECRET } from './test-support/server.js';

/**
 * Every class of bad input is answered 4xx naming the fault, none reaches 5xx, and the stored
 * data is exactly as before (compared as a full database snapshot).
 */

interface Case {
  name: string;
  send: (url: string) => Promise<Response>;
  status: number;
  /** The field the answer must name, when the fault is in one. */
  field?: string;
  /** What the error message must say otherwise. */
  error?: RegExp;
}

const ok = { v: 1, chatId: 'CT7KQ2M9XA' };
const nowS = () => Math.floor(Date.now() / 1000);
const chat = { platform: 'telegram', chatUserId: '42' };
const raw = (path: string, body: BodyInit | undefined, headers: Record<string, string>) => (url: string) =>
  fetch(`${url}${path}`, { method: 'POST', headers, ...(body === undefined ? {} : { body }) });
const get = (path: string) => (url: string) => fetch(`${url}${path}`);

// The connectors' own checks: Meta's app secret signs WhatsApp notifications; Green-API sends its token.
const APP_SECRET = 'meta-app-secret-bad-input';
const GREEN_TOKEN = 'green-token-bad-input';
const WA = `/v1/webhooks/whatsapp/${WEBHOOK_SECRET}`;
const waBody = JSON.stringify({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: '1',
      changes: [
        {
          field: 'messages',
          value: {
            messages: [
              {
                from: '79161234567',
                id: 'wamid.1',
                timestamp: '1764460000',
                type: 'text',
                text: { body: 'CT7KQ2M9XA' },
              },
            ],
          },
        },
      ],
    },
  ],
});
const signed = (body: string, secret = APP_SECRET) => ({
  'Content-Type': 'application/json',
  'X-Hub-Signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
});
const greenBody = JSON.stringify({
  typeWebhook: 'incomingMessageReceived',
  timestamp: 1764460000,
  idMessage: 'G1',
  senderData: { chatId: '79161234567@c.us', sender: '79161234567@c.us' },
  messageData: { typeMessage: 'textMessage', textMessageData: { textMessage: 'CT7KQ2M9XA' } },
});
/** A visit of a bridge link from a phone's browser (a robot's would store nothing anyway). */
const go = (path: string) => (url: string) =>
  fetch(`${url}${path}?yclid=5882301234567890123`, {
    redirect: 'manual',
    headers: {
      'User-Agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
    },
  });

const CASES: Case[] = [
  // Pairing beacons
  {
    name: 'chatId of the wrong type',
    send: (u) => beacon(u, { v: 1, chatId: 12345678 }),
    status: 400,
    field: 'chatId',
  },
  { name: 'chatId missing', send: (u) => beacon(u, { v: 1, clientId: '1' }), status: 400, field: 'chatId' },
  {
    name: 'chatId in lower case',
    send: (u) => beacon(u, { v: 1, chatId: 'ct7kq2m9xa' }),
    status: 400,
    field: 'chatId',
  },
  {
    name: 'chatId with look-alike 0 and O',
    send: (u) => beacon(u, { v: 1, chatId: 'CT0O0O0O0O' }),
    status: 400,
    field: 'chatId',
  },
  {
    name: 'chatId with the Telegram-reserved prefix',
    send: (u) => beacon(u, { v: 1, chatId: '_tgr_ABCDEF' }),
    status: 400,
    field: 'chatId',
  },
  {
    name: 'chatId SQL-looking',
    send: (u) => beacon(u, { v: 1, chatId: "x'; DROP TABLE pairings; --" }),
    status: 400,
    field: 'chatId',
  },
  {
    name: 'clientId SQL-looking',
    send: (u) => beacon(u, { ...ok, clientId: '1 OR 1=1; DELETE FROM chats' }),
    status: 400,
    field: 'clientId',
  },
  {
    name: 'clientId as a float',
    send: (u) => beacon(u, { ...ok, clientId: 1.760000000123457e18 }),
    status: 400,
    field: 'clientId',
  },
  {
    name: 'huge string field',
    send: (u) => beacon(u, { ...ok, userId: 'u'.repeat(101) }),
    status: 400,
    field: 'userId',
  },
  {
    name: 'body over 4 KiB',
    send: (u) => beacon(u, { ...ok, referrer: `https://x.ru/${'a'.repeat(5000)}` }),
    status: 413,
    error: /4096 bytes/,
  },
  { name: 'version missing', send: (u) => beacon(u, { chatId: 'CT7KQ2M9XA' }), status: 400, field: 'v' },
  { name: 'version as a string', send: (u) => beacon(u, { v: '1', chatId: 'CT7KQ2M9XA' }), status: 400, field: 'v' },
  { name: 'unknown field', send: (u) => beacon(u, { ...ok, email: 'a@b.c' }), status: 400, field: 'email' },
  {
    name: 'duplicate keys',
    send: (u) => beacon(u, '{"v":1,"chatId":"CTAAAAAAAA","chatId":"CT7KQ2M9XA"}'),
    status: 400,
    field: 'chatId',
  },
  {
    name: '__proto__ key',
    send: (u) => beacon(u, '{"v":1,"chatId":"CT7KQ2M9XA","__proto__":{"admin":true}}'),
    status: 400,
    field: '__proto__',
  },
  {
    name: 'form-encoded content type',
    send: (u) => beacon(u, 'v=1&chatId=CT7KQ2M9XA', { 'Content-Type': 'application/x-www-form-urlencoded' }),
    status: 415,
    field: 'Content-Type',
  },
  {
    name: 'multipart content type',
    send: (u) => beacon(u, JSON.stringify(ok), { 'Content-Type': 'multipart/form-data; boundary=x' }),
    status: 415,
    field: 'Content-Type',
  },
  {
    name: 'no content type',
    send: raw('/v1/pairings', new Uint8Array(Buffer.from(JSON.stringify(ok))), { Origin: TEST_ORIGIN }),
    status: 415,
    field: 'Content-Type',
  },
  { name: 'empty body', send: (u) => beacon(u, ''), status: 400, error: /body is empty/ },
  { name: 'truncated JSON', send: (u) => beacon(u, '{"v":1,"chatId":"CT7KQ2'), status: 400, error: /not valid JSON/ },
  {
    name: 'JSON array body',
    send: (u) => beacon(u, '[{"v":1}]'),
    status: 400,
    error: /must be a JSON object, got an array/,
  },
  { name: 'JSON null body', send: (u) => beacon(u, 'null'), status: 400, error: /must be a JSON object, got null/ },
  {
    name: 'invalid UTF-8 bytes',
    send: raw('/v1/pairings', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), {
      'Content-Type': 'text/plain',
      Origin: TEST_ORIGIN,
    }),
    status: 400,
    error: /not valid UTF-8/,
  },
  {
    name: 'lone surrogate',
    send: (u) => beacon(u, '{"v":1,"chatId":"CT7KQ2M9XA","userId":"ab\\ud800cd"}'),
    status: 400,
    field: 'userId',
  },
  {
    name: 'bidi override characters',
    send: (u) => beacon(u, { ...ok, purchaseId: 'order\u202e1' }),
    status: 400,
    field: 'purchaseId',
  },
  { name: 'NUL character', send: (u) => beacon(u, { ...ok, userId: 'a\u0000b' }), status: 400, field: 'userId' },
  {
    name: 'unknown platform in a beacon',
    send: (u) => beacon(u, { ...ok, platform: 'icq' }),
    status: 400,
    field: 'platform',
  },
  { name: 'javascript: URL', send: (u) => beacon(u, { ...ok, url: 'javascript:alert(1)' }), status: 400, field: 'url' },
  { name: 'relative URL', send: (u) => beacon(u, { ...ok, referrer: '/from/here' }), status: 400, field: 'referrer' },
  {
    name: 'ts in the future',
    send: (u) => beacon(u, { ...ok, ts: Date.now() + 7 * 86_400_000 }),
    status: 400,
    field: 'ts',
  },
  { name: 'negative ts', send: (u) => beacon(u, { ...ok, ts: -1 }), status: 400, field: 'ts' },
  { name: 'ts as a string', send: (u) => beacon(u, { ...ok, ts: String(Date.now()) }), status: 400, field: 'ts' },
  {
    name: 'counterId with letters',
    send: (u) => beacon(u, { ...ok, counterId: '123abc' }),
    status: 400,
    field: 'counterId',
  },
  {
    name: 'object where a string belongs',
    send: (u) => beacon(u, { ...ok, yclid: { $gt: '' } }),
    status: 400,
    field: 'yclid',
  },
  // Chats
  { name: 'chat without platform', send: (u) => postChat(u, { chatUserId: '1' }), status: 400, field: 'platform' },
  {
    name: 'unknown chat platform',
    send: (u) => postChat(u, { ...chat, platform: 'Telegram ' }),
    status: 400,
    field: 'platform',
  },
  {
    name: 'future DateTime',
    send: (u) => postChat(u, { ...chat, dateTime: nowS() + 3600 }),
    status: 400,
    field: 'dateTime',
  },
  { name: 'negative DateTime', send: (u) => postChat(u, { ...chat, dateTime: -5 }), status: 400, field: 'dateTime' },
  {
    name: 'DateTime as an ISO string',
    send: (u) => postChat(u, { ...chat, dateTime: '2026-01-01T00:00:00Z' }),
    status: 400,
    field: 'dateTime',
  },
  {
    name: 'DateTime in milliseconds',
    send: (u) => postChat(u, { ...chat, dateTime: Date.now() - 1000 }),
    status: 400,
    field: 'dateTime',
  },
  {
    name: 'no chat partner',
    send: (u) => postChat(u, { platform: 'viber', text: 'hi' }),
    status: 400,
    field: 'chatUserId',
  },
  {
    name: 'phone number garbage',
    send: (u) => postChat(u, { platform: 'whatsapp', phoneNumber: 'call me' }),
    status: 400,
    field: 'phoneNumber',
  },
  {
    name: 'answered as a string',
    send: (u) => postChat(u, { ...chat, answered: 'yes' }),
    status: 400,
    field: 'answered',
  },
  {
    name: 'price with a decimal comma',
    send: (u) => postChat(u, { ...chat, price: '1,50' }),
    status: 400,
    field: 'price',
  },
  { name: 'negative price', send: (u) => postChat(u, { ...chat, price: -10 }), status: 400, field: 'price' },
  {
    name: 'currency not ISO 4217',
    send: (u) => postChat(u, { ...chat, currency: 'RUBL' }),
    status: 400,
    field: 'currency',
  },
  {
    name: 'tags over 100 characters',
    send: (u) => postChat(u, { ...chat, tags: ['t'.repeat(60), 'u'.repeat(60)] }),
    status: 400,
    field: 'tags',
  },
  {
    name: 'chat ID of another format',
    send: (u) => postChat(u, { ...chat, chatId: 'XX12345678' }),
    status: 400,
    field: 'chatId',
  },
  {
    name: 'chat user ID with spaces',
    send: (u) => postChat(u, { platform: 'telegram', chatUserId: '1 2' }),
    status: 400,
    field: 'chatUserId',
  },
  {
    name: 'text over 4096 characters',
    send: (u) => postChat(u, { ...chat, text: 'x'.repeat(4097) }),
    status: 400,
    field: 'text',
  },
  {
    name: 'chat as text/plain',
    send: raw('/v1/chats', JSON.stringify(chat), { 'Content-Type': 'text/plain', Authorization: `Bearer ${API_KEY}` }),
    status: 415,
    field: 'Content-Type',
  },
  {
    name: 'Authorization without Bearer',
    send: raw('/v1/chats', JSON.stringify(chat), { 'Content-Type': 'application/json', Authorization: API_KEY }),
    status: 401,
    field: 'Authorization',
  },
  // Webhooks
  {
    name: 'webhook with truncated JSON',
    send: raw(`/v1/webhooks/telegram/${WEBHOOK_SECRET}`, '{"update_id":1,"message":{', {
      'Content-Type': 'application/json',
    }),
    status: 400,
    error: /not valid JSON/,
  },
  {
    name: 'webhook as form data',
    send: raw(`/v1/webhooks/viber/${WEBHOOK_SECRET}`, 'event=message', {
      'Content-Type': 'application/x-www-form-urlencoded',
    }),
    status: 415,
    field: 'Content-Type',
  },
  // Connector webhooks
  {
    name: 'WhatsApp notification without X-Hub-Signature-256',
    send: raw(WA, waBody, { 'Content-Type': 'application/json' }),
    status: 401,
    field: 'X-Hub-Signature-256',
  },
  {
    name: 'WhatsApp notification signed with another app secret',
    send: raw(WA, waBody, signed(waBody, 'not-the-app-secret')),
    status: 401,
    field: 'X-Hub-Signature-256',
  },
  {
    name: 'WhatsApp notification whose body differs from the one signed',
    send: raw(WA, waBody.replace('79161234567', '79160000000'), signed(waBody)),
    status: 401,
    field: 'X-Hub-Signature-256',
  },
  {
    name: 'WhatsApp signature that is not sha256=<hex>',
    send: raw(WA, waBody, { 'Content-Type': 'application/json', 'X-Hub-Signature-256': 'sha1=abc' }),
    status: 401,
    field: 'X-Hub-Signature-256',
  },
  {
    name: 'WhatsApp notification, signed, with truncated JSON',
    send: raw(
      WA,
      '{"object":"whatsapp_business_account","entry":[',
      signed('{"object":"whatsapp_business_account","entry":['),
    ),
    status: 400,
    error: /not valid JSON/,
  },
  {
    name: 'WhatsApp handshake with a wrong verify token',
    send: get(`${WA}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1158201444`),
    status: 403,
    field: 'hub.verify_token',
  },
  {
    name: 'WhatsApp handshake without hub.mode=subscribe',
    send: get(`${WA}?hub.verify_token=${WEBHOOK_SECRET}&hub.challenge=1158201444`),
    status: 403,
    field: 'hub.mode',
  },
  {
    name: 'WhatsApp handshake without a challenge',
    send: get(`${WA}?hub.mode=subscribe&hub.verify_token=${WEBHOOK_SECRET}`),
    status: 403,
    field: 'hub.challenge',
  },
  {
    name: 'Green-API webhook without its token',
    send: raw(`/v1/webhooks/green-api/${WEBHOOK_SECRET}`, greenBody, { 'Content-Type': 'application/json' }),
    status: 401,
    field: 'Authorization',
  },
  {
    name: 'Green-API webhook with a wrong token',
    send: raw(`/v1/webhooks/green-api/${WEBHOOK_SECRET}`, greenBody, {
      'Content-Type': 'application/json',
      Authorization: 'Bearer not-the-token',
    }),
    status: 401,
    field: 'Authorization',
  },
  {
    name: 'Green-API webhook with a JSON array',
    send: raw(`/v1/webhooks/green-api/${WEBHOOK_SECRET}`, `[${greenBody}]`, {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${GREEN_TOKEN}`,
    }),
    status: 400,
    error: /must be a JSON object, got an array/,
  },
  {
    name: 'Wazzup webhook with truncated JSON',
    send: raw(`/v1/webhooks/wazzup/${WEBHOOK_SECRET}`, '{"messages":[{"messageId":', {
      'Content-Type': 'application/json',
    }),
    status: 400,
    error: /not valid JSON/,
  },
  {
    name: 'Wazzup webhook with a key given twice',
    send: raw(`/v1/webhooks/wazzup/${WEBHOOK_SECRET}`, '{"test":false,"test":true}', {
      'Content-Type': 'application/json',
    }),
    status: 400,
    field: 'test',
  },
  {
    name: 'Wazzup webhook as text/plain',
    send: raw(`/v1/webhooks/wazzup/${WEBHOOK_SECRET}`, '{"test":true}', { 'Content-Type': 'text/plain' }),
    status: 415,
    field: 'Content-Type',
  },
  {
    name: 'connector webhook with a wrong secret',
    send: raw('/v1/webhooks/wazzup/not-the-secret', '{"test":true}', { 'Content-Type': 'application/json' }),
    status: 404,
    error: /not found/,
  },
  {
    name: 'connector webhook with GET where only POST is served',
    send: get(`/v1/webhooks/green-api/${WEBHOOK_SECRET}`),
    status: 405,
    error: /use POST/,
  },
  // Bridge links (`/go/<name>`): nothing stored, no redirect anywhere
  { name: 'bridge link never configured', send: go('/go/nope'), status: 404, error: /no bridge link is named "nope"/ },
  { name: 'bridge link name in upper case', send: go('/go/PROMO'), status: 404, error: /no bridge link is named/ },
  {
    name: 'bridge link name over 32 characters',
    send: go(`/go/${'a'.repeat(33)}`),
    status: 404,
    error: /no bridge link is named/,
  },
  {
    name: 'bridge link name percent-encoded',
    send: go('/go/%70romo'),
    status: 404,
    error: /no bridge link is named "%70romo"/,
  },
  {
    name: 'bridge link name that is a URL',
    send: go('/go/https:%2F%2Fevil.example'),
    status: 404,
    error: /no bridge link is named/,
  },
  { name: 'bridge link name of an object key', send: go('/go/__proto__'), status: 404, error: /no bridge link/ },
  { name: 'bridge link with a trailing segment', send: go('/go/promo/x'), status: 404, error: /not found/ },
  {
    name: 'bridge link posted to',
    send: raw('/go/promo', 'yclid=1', { 'Content-Type': 'application/x-www-form-urlencoded' }),
    status: 405,
    error: /method POST is not allowed here; use GET, HEAD/,
  },
  // Request line
  {
    name: 'malformed percent-encoding in the path',
    send: raw('/v1/webhooks/telegram/%E0%A4%A', '{}', { 'Content-Type': 'application/json' }),
    status: 404,
    error: /not found/,
  },
];

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`bad input (${kind})`, () => {
    test(`${CASES.length} classes: each 4xx naming the fault, none 5xx, stored data unchanged`, async (t) => {
      const s = await startCollector(
        t,
        {
          rateLimit: false,
          links: { promo: 'https://t.me/shop_bot' },
          whatsappAppSecret: APP_SECRET,
          greenApiToken: GREEN_TOKEN,
        },
        kind,
      );
      if (!s) return;
      // Some accepted data first, so "unchanged" has something to lose.
      assert.equal((await beacon(s.url, { v: 1, chatId: 'CT7KQ2M9XA', clientId: '1760000000000000001' })).status, 204);
      assert.equal(
        (await postChat(s.url, { ...chat, dateTime: nowS() - 60, chatId: 'CT7KQ2M9XA', price: '10' })).status,
        201,
      );
      const before = await s.collector.storage.snapshot();
      assert.ok(CASES.length >= 30);
      const failures: string[] = [];
      for (const c of CASES) {
        const res = await c.send(s.url);
        const text = await res.text();
        let body: { error?: string; field?: string } = {};
        try {
          body = JSON.parse(text);
        } catch {
          failures.push(`${c.name}: answer is not JSON: ${text.slice(0, 80)}`);
          continue;
        }
        if (res.status !== c.status) failures.push(`${c.name}: status ${res.status}, expected ${c.status} (${text})`);
        if (c.field !== undefined && body.field !== c.field)
          failures.push(`${c.name}: field ${body.field}, expected ${c.field}`);
        if (c.error && !c.error.test(body.error ?? ''))
          failures.push(`${c.name}: error "${body.error}" does not match ${c.error}`);
        if (typeof body.error !== 'string' || body.error.length === 0) failures.push(`${c.name}: no error message`);
        if (/at \w+ \(|node:internal|\.ts:\d+/.test(text)) failures.push(`${c.name}: internals leaked: ${text}`);
      }
      assert.deepEqual(failures, []);
      assert.deepEqual(await s.collector.storage.snapshot(), before);
    });
  });
}
