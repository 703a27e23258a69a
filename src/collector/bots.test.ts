import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { telegramChat, viberChat } from './bots.js';

describe('bot updates', () => {
  test('Telegram message with /start, from id and username', () => {
    const chat = telegramChat(
      {
        update_id: 10,
        message: {
          message_id: 3,
          date: 1_768_000_000,
          text: '/start CT7KQ2M9XA',
          from: { id: 123456789, is_bot: false, first_name: 'Ann', username: 'ann_k' },
          chat: { id: 123456789, type: 'private' },
        },
      },
      1_768_000_100,
    );
    assert.deepEqual(chat, {
      starts: true,
      report: {
        platform: 'telegram',
        dateTime: 1_768_000_000,
        text: '/start CT7KQ2M9XA',
        chatUserId: '123456789',
        chatUsername: 'ann_k',
      },
    });
  });

  test('Telegram updates that are not chats map to null', () => {
    assert.equal(telegramChat({ update_id: 1, edited_message: { text: 'x' } }, 0), null);
    assert.equal(telegramChat({ update_id: 1, callback_query: { id: '1' } }, 0), null);
    assert.equal(telegramChat({ update_id: 1, message: { date: 1, from: { id: 1 }, sticker: {} } }, 0), null);
    assert.equal(
      telegramChat({ update_id: 1, message: { date: 1, text: 'hi', from: { id: 1, is_bot: true } } }, 0),
      null,
    );
  });

  test('Viber conversation_started with context and message events', () => {
    const started = viberChat(
      {
        event: 'conversation_started',
        timestamp: 1_768_000_000_123,
        message_token: 491266184665523,
        type: 'open',
        context: 'CT7KQ2M9XA',
        user: { id: '01234567890A=', name: 'John McClane', language: 'en', country: 'UK', api_version: 1 },
        subscribed: false,
      },
      1_768_000_100,
    );
    assert.deepEqual(started, {
      starts: true,
      report: {
        platform: 'viber',
        dateTime: 1_768_000_000,
        chatUserId: '01234567890A=',
        chatUsername: 'John McClane',
        context: 'CT7KQ2M9XA',
      },
    });
    const message = viberChat(
      {
        event: 'message',
        timestamp: 1_768_000_050_000,
        message_token: 491266184665523,
        sender: { id: '01234567890A=', name: 'John McClane', language: 'en', country: 'UK', api_version: 1 },
        message: { type: 'text', text: 'a message to the service', tracking_data: 'x' },
      },
      1_768_000_100,
    );
    assert.equal(message?.report.text, 'a message to the service');
    assert.equal(message?.starts, false);
    assert.equal(viberChat({ event: 'delivered', timestamp: 1, message_token: 1, user_id: 'x' }, 0), null);
    assert.equal(viberChat({ event: 'webhook', timestamp: 1, message_token: 1 }, 0), null);
  });
});
