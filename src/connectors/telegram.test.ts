import assert from 'node:assert/strict';
import { test } from 'node:test';
import { telegramUpdate } from './telegram.js';
import {
  TG_OWNER,
  tgBotReplyForOwner,
  tgBusinessConnection,
  tgBusinessMessage,
  tgDeletedBusinessMessages,
  tgEditedBusinessMessage,
  tgOwnerReply,
} from './test-support/fixtures.js';

const NOW = 1_764_460_000;
const AT = NOW - 600;
const customer = { id: 123456789, username: 'ivan_p' };

test('a customer message in a business chat is a telegram chat with their user ID, username and own time', () => {
  const r = telegramUpdate(tgBusinessMessage(1, customer, 17, AT, 'Hi! Номер обращения: CT7KQ2M9XA'), NOW);
  assert.deepEqual(r.ignored, []);
  assert.deepEqual(r.chats, [
    {
      platform: 'telegram',
      dateTime: AT,
      text: 'Hi! Номер обращения: CT7KQ2M9XA',
      chatUserId: '123456789',
      chatUsername: 'ivan_p',
      messageId: 'AbCdEfGh_business-1:123456789:17',
      edited: false,
      starts: false,
    },
  ]);
});

test('an edit keeps the message identity and the original time (date), not edit_date', () => {
  const r = telegramUpdate(tgEditedBusinessMessage(2, customer, 17, AT, AT + 300, 'fixed: CT7KQ2M9XA'), NOW);
  assert.equal(r.chats.length, 1);
  assert.equal(r.chats[0]?.dateTime, AT);
  assert.equal(r.chats[0]?.messageId, 'AbCdEfGh_business-1:123456789:17');
  assert.equal(r.chats[0]?.edited, true);
});

test('the business side is never a chat: the owner replying, or the bot on their behalf', () => {
  assert.deepEqual(telegramUpdate(tgOwnerReply(3, customer, 18, AT), NOW), {
    chats: [],
    ignored: [{ reason: 'outgoing', detail: 'business_message written by the business account' }],
  });
  assert.deepEqual(telegramUpdate(tgBotReplyForOwner(4, customer, 19, AT), NOW).ignored[0]?.reason, 'outgoing');
});

test('connections, deletions and other update kinds are acknowledged with a reason', () => {
  assert.equal(telegramUpdate(tgBusinessConnection(5, AT), NOW).ignored[0]?.reason, 'not_message');
  assert.equal(telegramUpdate(tgDeletedBusinessMessages(6, customer, [17]), NOW).ignored[0]?.reason, 'deleted');
  assert.equal(telegramUpdate({ update_id: 7, callback_query: { id: 'x' } }, NOW).ignored[0]?.reason, 'not_message');
  assert.equal(telegramUpdate({ update_id: 8, brand_new_kind: {} }, NOW).ignored[0]?.reason, 'unknown_shape');
});

test('a business message in a group, without text, or from a bot is not a chat', () => {
  const group = tgBusinessMessage(9, customer, 20, AT, 'CT7KQ2M9XA');
  (group.business_message as { chat: { type: string } }).chat.type = 'group';
  assert.equal(telegramUpdate(group, NOW).ignored[0]?.reason, 'group');
  const sticker = tgBusinessMessage(10, customer, 21, AT, 'x');
  delete (sticker.business_message as { text?: string }).text;
  assert.equal(telegramUpdate(sticker, NOW).ignored[0]?.reason, 'not_text');
  const fromBot = tgBusinessMessage(11, { id: TG_OWNER.id }, 22, AT, 'x');
  (fromBot.business_message as { from: { is_bot: boolean } }).from.is_bot = true;
  assert.equal(telegramUpdate(fromBot, NOW).ignored[0]?.reason, 'outgoing');
});

test('a bot chat: /start starts a chat; a message time ahead of ours is clamped to now', () => {
  const r = telegramUpdate(
    {
      update_id: 12,
      message: {
        message_id: 5,
        from: { id: 42, is_bot: false, first_name: 'A' },
        chat: { id: 42, type: 'private' },
        date: NOW + 30,
        text: '/start CT7KQ2M9XA',
      },
    },
    NOW,
  );
  assert.equal(r.chats[0]?.starts, true);
  assert.equal(r.chats[0]?.dateTime, NOW);
  assert.equal(r.chats[0]?.messageId, '42:5');
  assert.equal(r.chats[0]?.chatUsername, undefined);
});

test('bot updates that are not chats: a sticker, a bot sender, an edit without a sender, a button press', () => {
  const reason = (update: Record<string, unknown>) => telegramUpdate(update, NOW).ignored[0]?.reason;
  assert.equal(
    reason({ update_id: 1, message: { message_id: 1, date: AT, from: { id: 1 }, sticker: {} } }),
    'not_text',
  );
  assert.equal(
    reason({ update_id: 1, message: { message_id: 1, date: AT, text: 'hi', from: { id: 1, is_bot: true } } }),
    'outgoing',
  );
  assert.equal(reason({ update_id: 1, edited_message: { text: 'x' } }), 'no_partner');
  assert.equal(reason({ update_id: 1, callback_query: { id: '1' } }), 'not_message');
});
