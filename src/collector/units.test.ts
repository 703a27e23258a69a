import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDuration } from '../cli/duration.js';
import { splitList } from '../cli/env-list.js';
import { findChatId } from './attribute.js';
import { secretMatcher } from './auth.js';
import type { HttpError } from './errors.js';
import { duplicateKey, parseJsonObject } from './json.js';
import { mask } from './logger.js';
import { normalizeOrigin, originMatcher } from './origins.js';
import { clientKey, RateLimiter } from './rate-limit.js';
import { parseChatReport, parsePairing } from './validate.js';

const NOW = Date.UTC(2026, 0, 15, 12);

describe('origins', () => {
  test('exact origins match in normalized form only', () => {
    const ok = originMatcher(['https://example.com', 'http://localhost:3000']);
    assert.equal(ok('https://example.com'), true);
    assert.equal(ok('https://EXAMPLE.com:443'), true);
    assert.equal(ok('http://example.com'), false);
    assert.equal(ok('https://example.com.evil.net'), false);
    assert.equal(ok('http://localhost:3000'), true);
    assert.equal(ok('http://localhost:3001'), false);
    assert.equal(ok('null'), false);
    assert.equal(ok('not a url'), false);
  });

  test('a *. wildcard allows subdomains, not the bare domain or look-alike hosts', () => {
    const ok = originMatcher(['https://*.example.com']);
    assert.equal(ok('https://shop.example.com'), true);
    assert.equal(ok('https://a.b.example.com'), true);
    assert.equal(ok('https://example.com'), false);
    assert.equal(ok('https://evilexample.com'), false);
    assert.equal(ok('http://shop.example.com'), false);
  });

  test('a configured origin with a path or another scheme is refused by name', () => {
    assert.throws(() => normalizeOrigin('https://example.com/landing'), /https:\/\/example.com\/landing/);
    assert.throws(() => normalizeOrigin('ftp://example.com'), /ftp:\/\/example.com/);
    assert.throws(() => normalizeOrigin('example.com'), /"example.com" is not an origin/);
  });
});

describe('rate limiter', () => {
  test('allows a burst, then asks to wait, then refills', () => {
    let t = 0;
    const rl = new RateLimiter({ perMinute: 60, burst: 3 }, () => t);
    assert.deepEqual([rl.take('a'), rl.take('a'), rl.take('a')], [0, 0, 0]);
    assert.equal(rl.take('a'), 1);
    assert.equal(rl.take('b'), 0, 'another client has its own bucket');
    t += 1000;
    assert.equal(rl.take('a'), 0);
    assert.equal(rl.take('a'), 1);
  });

  test('counts an IPv6 client by its /64 and an IPv4 client by its address', () => {
    const cases: [string, string][] = [
      ['203.0.113.7', '203.0.113.7'],
      ['::ffff:203.0.113.7', '203.0.113.7'],
      ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
      ['2001:0DB8:0001:0002::1', '2001:db8:1:2::/64'],
      ['2001:db8::1', '2001:db8:0:0::/64'],
      ['::1', '0:0:0:0::/64'],
      ['fe80::1%eth0', 'fe80:0:0:0::/64'],
      ['unknown', 'unknown'],
      // Every spelling of an IPv4-mapped address is the IPv4 client.
      ['0:0:0:0:0:ffff:1.2.3.4', '1.2.3.4'],
      ['::ffff:1.2.3.4%eth0', '1.2.3.4'],
      ['::FFFF:0102:0304', '1.2.3.4'],
      // Embedded IPv4 counts as two groups, as it is.
      ['1:2::4:5:6:1.2.3.4', '1:2:0:4::/64'],
      ['1:2:0:4:5:6:102:304', '1:2:0:4::/64'],
      // Ports and brackets, as proxies write them, do not make new clients.
      ['1.2.3.4:5678', '1.2.3.4'],
      ['[2001:db8::1]:443', '2001:db8:0:0::/64'],
      ['[2001:db8::1]', '2001:db8:0:0::/64'],
      ['1::2::3', '1::2::3'],
    ];
    for (const [address, key] of cases) assert.equal(clientKey(address), key, address);
    // Rotating through addresses of one /64 does not buy more requests.
    const rl = new RateLimiter({ perMinute: 60, burst: 2 }, () => 0);
    const take = (a: string): number => rl.take(clientKey(a));
    assert.deepEqual([take('2001:db8:1:2::1'), take('2001:db8:1:2::2'), take('2001:db8:1:2::3')], [0, 0, 1]);
    assert.equal(take('2001:db8:1:3::1'), 0, 'the next /64 is another client');
  });

  test('stays bounded under many distinct clients', () => {
    const rl = new RateLimiter({ perMinute: 60, burst: 2, maxClients: 100 }, () => 0);
    for (let i = 0; i < 1000; i++) rl.take(`c${i}`);
    assert.ok((rl as unknown as { buckets: Map<string, unknown> }).buckets.size <= 100);
  });
});

describe('secrets', () => {
  test('accepts only listed keys, whatever their length', () => {
    const ok = secretMatcher(['alpha', 'beta-key']);
    assert.equal(ok('alpha'), true);
    assert.equal(ok('beta-key'), true);
    assert.equal(ok('alph'), false);
    assert.equal(ok('alpha '), false);
    assert.equal(ok(''), false);
    assert.equal(secretMatcher([])('anything'), false);
    assert.equal(secretMatcher([''])(''), false, 'an empty key never authorizes');
  });

  test('splits comma-separated lists', () => {
    assert.deepEqual(splitList(' a, b,,c '), ['a', 'b', 'c']);
    assert.deepEqual(splitList(undefined), []);
  });
});

describe('strict JSON', () => {
  test('finds a key given twice in one object, not across objects', () => {
    assert.equal(duplicateKey('{"a":1,"b":2,"a":3}'), 'a');
    assert.equal(duplicateKey('{"a":{"a":1},"b":[{"a":1},{"a":2}]}'), null);
    assert.equal(duplicateKey('{"a":"\\"a\\":","a" : 2}'), 'a');
    assert.equal(duplicateKey('{"\\u0061":1,"a":2}'), 'a');
  });

  test('refuses empty, non-object and invalid bodies with the reason', () => {
    const status = (text: string) => {
      try {
        parseJsonObject(text);
        return 'ok';
      } catch (e) {
        return `${(e as HttpError).status} ${(e as HttpError).message}`;
      }
    };
    assert.match(status(''), /400 body is empty/);
    assert.match(status('[1]'), /400 body must be a JSON object, got an array/);
    assert.match(status('{"v":1'), /400 body is not valid JSON/);
    assert.equal(status('{"v":1}'), 'ok');
  });
});

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
      /dateTime is in the future/,
    );
    assert.throws(
      () => parseChatReport({ platform: 'telegram' }, NOW),
      /one of chatUserId, chatUsername or phoneNumber/,
    );
  });
});

describe('finding the chat ID', () => {
  test('explicit, then the start payload, then Viber context, then the text', () => {
    assert.equal(findChatId({ chatId: 'CTAAAAAAAA', text: 'CTBBBBBBBB' }), 'CTAAAAAAAA');
    assert.equal(findChatId({ text: '/start promo-ct7kq2m9xa' }), 'CT7KQ2M9XA');
    assert.equal(findChatId({ text: '/start' }), null);
    assert.equal(findChatId({ context: 'CT7KQ2M9XA' }), 'CT7KQ2M9XA');
    assert.equal(findChatId({ text: 'Номер обращения: СТ7KQ2M9XA' }), 'CT7KQ2M9XA');
    assert.equal(findChatId({ text: 'hello' }), null);
  });
});

describe('log masking and durations', () => {
  test('masks phone numbers, bearer tokens and secrets', () => {
    assert.equal(mask('call +7 900 123-45-67 now'), 'call ***67 now');
    assert.equal(mask('Authorization: Bearer abc.def'), 'Authorization: Bearer ***');
    assert.equal(mask('/v1/webhooks/telegram/s3cr3t', ['s3cr3t']), '/v1/webhooks/telegram/***');
    assert.equal(mask('status 404 in 12 ms'), 'status 404 in 12 ms');
  });

  test('parses ages and names bad ones', () => {
    assert.equal(parseDuration('90d'), 90 * 86_400_000);
    assert.equal(parseDuration('12h'), 12 * 3_600_000);
    assert.throws(() => parseDuration('90 days', '--older-than'), /--older-than .* got "90 days"/);
    assert.throws(() => parseDuration('0d'), /more than zero/);
  });
});
