import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { waButton, waImage, waListReply, waStatus, waText } from './test-support/fixtures.js';
import { whatsappHandshake, whatsappNotification, whatsappSignatureValid } from './whatsapp.js';

const NOW = 1_764_460_000;
const AT = NOW - 120;
const WAMID = 'wamid.HBgLMTY1MDUwNzY1MjAVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=';

test('a text message is a whatsapp chat with PhoneNumber +<from> and its own timestamp', () => {
  const r = whatsappNotification(waText('79161234567', WAMID, AT, 'Hello CT7KQ2M9XA'), NOW);
  assert.deepEqual(r, {
    chats: [
      {
        platform: 'whatsapp',
        dateTime: AT,
        text: 'Hello CT7KQ2M9XA',
        phoneNumber: '+79161234567',
        messageId: WAMID,
        edited: false,
        starts: false,
      },
    ],
    ignored: [],
  });
});

test('button and interactive replies give their text; images and statuses are acknowledged only', () => {
  assert.equal(
    whatsappNotification(waButton('79161234567', 'wamid.b', AT, 'Book CT7KQ2M9XA'), NOW).chats[0]?.text,
    'Book CT7KQ2M9XA',
  );
  assert.equal(whatsappNotification(waListReply('79161234567', 'wamid.l', AT, 'Roses'), NOW).chats[0]?.text, 'Roses');
  assert.deepEqual(whatsappNotification(waImage('79161234567', 'wamid.i', AT), NOW).ignored, [
    { reason: 'not_text', detail: 'message of type image' },
  ]);
  assert.deepEqual(whatsappNotification(waStatus('79161234567', 'wamid.s', AT), NOW), {
    chats: [],
    ignored: [{ reason: 'status', detail: 'statuses' }],
  });
});

test('other objects and fields are acknowledged as unknown or not a message', () => {
  assert.equal(whatsappNotification({ object: 'page', entry: [] }, NOW).ignored[0]?.reason, 'unknown_shape');
  const template = {
    object: 'whatsapp_business_account',
    entry: [{ id: '1', changes: [{ field: 'message_template_status_update', value: {} }] }],
  };
  assert.equal(whatsappNotification(template, NOW).ignored[0]?.reason, 'not_message');
});

test('the signature is HMAC-SHA256 of the exact bytes with the app secret', () => {
  const raw = Buffer.from(JSON.stringify(waText('79161234567', WAMID, AT, 'hi')));
  const good = `sha256=${createHmac('sha256', 'app-secret').update(raw).digest('hex')}`;
  assert.equal(whatsappSignatureValid(raw, good, 'app-secret'), true);
  assert.equal(whatsappSignatureValid(raw, good.toUpperCase().replace('SHA256=', 'sha256='), 'app-secret'), true);
  assert.equal(whatsappSignatureValid(raw, good, 'other-secret'), false);
  assert.equal(whatsappSignatureValid(Buffer.concat([raw, Buffer.from(' ')]), good, 'app-secret'), false);
  assert.equal(whatsappSignatureValid(raw, undefined, 'app-secret'), false);
  assert.equal(whatsappSignatureValid(raw, 'sha256=abc', 'app-secret'), false);
  assert.equal(whatsappSignatureValid(raw, good, ''), false);
});

test('the handshake answers the challenge only to subscribe with the right token', () => {
  const accepted = (t: string) => t === 'hook-secret';
  const q = (s: string) => new URLSearchParams(s);
  assert.deepEqual(
    whatsappHandshake(q('hub.mode=subscribe&hub.verify_token=hook-secret&hub.challenge=1158201444'), accepted),
    {
      status: 200,
      challenge: '1158201444',
    },
  );
  assert.equal(whatsappHandshake(q('hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1'), accepted).status, 403);
  assert.equal(
    whatsappHandshake(q('hub.mode=unsubscribe&hub.verify_token=hook-secret&hub.challenge=1'), accepted).status,
    403,
  );
  assert.equal(whatsappHandshake(q('hub.mode=subscribe&hub.verify_token=hook-secret'), accepted).status, 403);
});
