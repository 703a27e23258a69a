import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wazzupMessages, wazzupStatuses } from './test-support/fixtures.js';
import { wazzupWebhook } from './wazzup.js';

const NOW = 1_764_460_000;
const ISO = new Date((NOW - 90) * 1000).toISOString();

test('the {"test": true} check is acknowledged', () => {
  assert.equal(wazzupWebhook({ test: true }, NOW).ignored[0]?.reason, 'test');
});

test('whatsapp, viber and telegram messages become chats with the right platform and partner', () => {
  const r = wazzupWebhook(
    wazzupMessages(
      { messageId: 'm-wa', dateTime: ISO, chatType: 'whatsapp', chatId: '79161234567', text: 'CT7KQ2M9XA' },
      { messageId: 'm-vb', dateTime: ISO, chatType: 'viber', chatId: '79160000001', text: 'hi' },
      {
        messageId: 'm-tg',
        dateTime: ISO,
        chatType: 'telegram',
        chatId: '123456789',
        text: 'hi',
        contact: { name: 'Ivan', username: '@ivan_p', phone: '79160000002' },
      },
    ),
    NOW,
  );
  assert.deepEqual(r.ignored, []);
  assert.deepEqual(
    r.chats.map((c) => [c.platform, c.chatUserId, c.chatUsername, c.phoneNumber, c.dateTime, c.messageId]),
    [
      ['whatsapp', undefined, undefined, '+79161234567', NOW - 90, 'm-wa'],
      ['viber', undefined, undefined, '+79160000001', NOW - 90, 'm-vb'],
      ['telegram', '123456789', 'ivan_p', '+79160000002', NOW - 90, 'm-tg'],
    ],
  );
});

test('echoes, other channels, groups, non-text and statuses are acknowledged only', () => {
  const r = wazzupWebhook(
    wazzupMessages(
      { messageId: 'a', dateTime: ISO, chatType: 'whatsapp', chatId: '79161234567', text: 'reply', isEcho: true },
      { messageId: 'b', dateTime: ISO, chatType: 'instagram', chatId: 'ivan.p', text: 'CT7KQ2M9XA' },
      { messageId: 'c', dateTime: ISO, chatType: 'whatsgroup', chatId: '120363043968066561', text: 'x' },
      { messageId: 'd', dateTime: ISO, chatType: 'whatsapp', chatId: '79161234567', type: 'image' },
    ),
    NOW,
  );
  assert.deepEqual(
    r.ignored.map((i) => i.reason),
    ['outgoing', 'other_channel', 'group', 'not_text'],
  );
  assert.equal(wazzupWebhook(wazzupStatuses('a', ISO), NOW).ignored[0]?.reason, 'status');
  assert.equal(wazzupWebhook({ createContact: { responsibleUserId: '1' } }, NOW).ignored[0]?.reason, 'not_message');
  assert.equal(wazzupWebhook({ surprise: 1 }, NOW).ignored[0]?.reason, 'unknown_shape');
});

test('an edited message keeps its messageId and is marked edited; a time without a zone is UTC', () => {
  const r = wazzupWebhook(
    wazzupMessages({
      messageId: 'm-wa',
      dateTime: '2025-11-29T10:00:00.000',
      chatType: 'whatsapp',
      chatId: '79161234567',
      text: 'x',
      isEdited: true,
    }),
    NOW,
  );
  assert.equal(r.chats[0]?.edited, true);
  assert.equal(r.chats[0]?.dateTime, Date.UTC(2025, 10, 29, 10) / 1000);
});
