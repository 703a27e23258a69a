import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { HttpError } from './errors.js';
import { parseChatReport, parsePairing } from './validate.js';

const NOW = Date.UTC(2026, 0, 15, 12);

describe('pairing schema', () => {
  test('accepts the page script beacon and keeps only given fields', () => {
    const p = parsePairing(
      {
        v: 1,
        chatId: 'CT7KQ2M9XA',
        clientId: '1760000000123456789',
        counterId: 12345678,
        platform: 'viber',
        ts: NOW - 5,
      },
      NOW,
    );
    assert.deepEqual(p, {
      chatId: 'CT7KQ2M9XA',
      clientId: '1760000000123456789',
      counterId: '12345678',
      platform: 'viber',
      ts: NOW - 5,
      receivedAt: NOW,
    });
  });

  test('names the field of each fault', () => {
    const field = (body: Record<string, unknown>) => {
      try {
        parsePairing(body, NOW);
        return null;
      } catch (e) {
        return (e as HttpError).field;
      }
    };
    assert.equal(field({ v: 2, chatId: 'CT7KQ2M9XA' }), 'v');
    assert.equal(field({ v: 1, chatId: 'CT7KQ2M9X0' }), 'chatId');
    assert.equal(field({ v: 1, chatId: 'CT7KQ2M9XA', clientId: 1.76e18 }), 'clientId');
    assert.equal(field({ v: 1, chatId: 'CT7KQ2M9XA', url: 'javascript:alert(1)' }), 'url');
    assert.equal(field({ v: 1, chatId: 'CT7KQ2M9XA', ts: NOW + 3 * 86_400_000 }), 'ts');
    assert.equal(field({ v: 1, chatId: 'CT7KQ2M9XA', extra: 1 }), 'extra');
  });
});

describe('chat schema', () => {
  test('normalizes phone, tags, price and currency', () => {
    const r = parseChatReport(
      {
        platform: 'whatsapp',
        phoneNumber: '+7 (900) 123-45-67',
        tags: ['lead', ' vip '],
        price: 1500.5,
        currency: 'rub',
      },
      NOW,
    );
    assert.deepEqual(r, {
      platform: 'whatsapp',
      dateTime: Math.floor(NOW / 1000),
      phoneNumber: '+79001234567',
      tags: 'lead,vip',
      price: '1500.5',
      currency: 'RUB',
    });
  });

  test('refuses milliseconds, future times and a missing partner by name', () => {
    assert.throws(() => parseChatReport({ platform: 'telegram', chatUserId: '1', dateTime: NOW }, NOW), /milliseconds/);
    assert.throws(
      () => parseChatReport({ platform: 'telegram', chatUserId: '1', dateTime: Math.floor(NOW / 1000) + 60 }, NOW),
      /dateTime must be a time that has passed .*in the future/,
    );
    assert.throws(
      () => parseChatReport({ platform: 'telegram' }, NOW),
      /one of chatUserId, chatUsername or phoneNumber/,
    );
  });
});
