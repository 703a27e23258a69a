import assert from 'node:assert/strict';
import { test } from 'node:test';
import { viberCallback } from './viber.js';

// Payloads follow the callbacks of https://developers.viber.com/docs/api/rest-bot-api/#callbacks.
const NOW = 1_764_460_000;
const MS = (NOW - 30) * 1000;
const user = {
  id: '01234567890A=',
  name: 'John McClane',
  avatar: 'https://avatar.example.com',
  country: 'UK',
  language: 'en',
  api_version: 1,
};

test('conversation_started with a context starts a viber chat; the name is ChatUsername', () => {
  const r = viberCallback(
    {
      event: 'conversation_started',
      timestamp: MS,
      message_token: 491266184665523,
      type: 'open',
      context: 'CT7KQ2M9XA',
      user,
      subscribed: false,
    },
    NOW,
  );
  assert.deepEqual(r.chats, [
    {
      platform: 'viber',
      dateTime: NOW - 30,
      chatUserId: '01234567890A=',
      chatUsername: 'John McClane',
      messageId: '491266184665523',
      edited: false,
      context: 'CT7KQ2M9XA',
      starts: true,
    },
  ]);
});

test('a text message is a chat candidate; other events are acknowledged', () => {
  const r = viberCallback(
    { event: 'message', timestamp: MS, message_token: 5, sender: user, message: { type: 'text', text: 'hi' } },
    NOW,
  );
  assert.equal(r.chats[0]?.text, 'hi');
  assert.equal(r.chats[0]?.starts, false);
  assert.equal(
    viberCallback({ event: 'webhook', timestamp: MS, message_token: 1 }, NOW).ignored[0]?.reason,
    'not_message',
  );
  assert.equal(
    viberCallback({ event: 'seen', timestamp: MS, message_token: 1 }, NOW).ignored[0]?.reason,
    'not_message',
  );
  assert.equal(viberCallback({ event: 'new_thing' }, NOW).ignored[0]?.reason, 'unknown_shape');
  const picture = { event: 'message', timestamp: MS, message_token: 6, sender: user, message: { type: 'picture' } };
  assert.equal(viberCallback(picture, NOW).ignored[0]?.reason, 'not_text');
});

test('a 64-bit message_token that JSON cannot hold exactly is not used as the identity', () => {
  const event = JSON.parse(
    `{"event":"message","timestamp":${MS},"message_token":4912661846655238145,"sender":{"id":"u1="},"message":{"type":"text","text":"hi"}}`,
  );
  assert.equal(viberCallback(event, NOW).chats[0]?.messageId, `message:u1=:${MS}`);
});
