import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatProblem } from '../match/format.js';
import { RULES, validateConfig } from './config.js';
import { defaultMessage } from './message.js';

describe('validateConfig', () => {
  it('applies the defaults', () => {
    const c = validateConfig({ endpoint: '/v1/pairings' });
    assert.deepEqual(c, {
      endpoint: '/v1/pairings',
      prefix: 'CT',
      length: 8,
      lifetimeDays: 90,
      bots: [],
      debug: false,
    });
  });
  it('takes the script tag forms: strings for numbers', () => {
    const c = validateConfig({ endpoint: 'https://c.example.com/v1/pairings', counterId: 12345678, length: '10' });
    assert.equal(typeof c, 'object');
    assert.equal((c as { counterId: string }).counterId, '12345678');
    assert.equal((c as { length: number }).length, 10);
  });
  const bad: [unknown, RegExp][] = [
    [undefined, /^endpoint: required/],
    [{}, /^endpoint: required/],
    [{ endpoint: 'ftp://x.example/p' }, /^endpoint: expected/],
    [{ endpoint: '//cdn.example.com/p' }, /^endpoint: expected/],
    [{ endpoint: 'relative/path' }, /^endpoint: expected/],
    [{ endpoint: '/p', counterId: 'abc' }, /^counterId: expected .*got "abc"/],
    // Counter numbers have no leading zero; the collector refuses such a counterId, and with it every pairing.
    [{ endpoint: '/p', counterId: '0' }, /^counterId: expected .*got "0"/],
    [{ endpoint: '/p', counterId: '012345678' }, /^counterId: expected .*got "012345678"/],
    [{ endpoint: '/p', counterID: '123' }, /^counterID: unknown key/],
    [{ endpoint: '/p', consent: 'yes' }, /^consent: expected/],
    [{ endpoint: '/p', prefix: 'C T' }, /^prefix: expected/],
    [{ endpoint: '/p', prefix: '_tgr_x' }, /^prefix: expected/],
    [{ endpoint: '/p', length: 5 }, /^length: expected/],
    [{ endpoint: '/p', length: 33 }, /^length: expected/],
    [{ endpoint: '/p', lifetimeDays: 0 }, /^lifetimeDays: expected/],
    [{ endpoint: '/p', lifetimeDays: -3 }, /^lifetimeDays: expected/],
    [{ endpoint: '/p', cookieDomain: 'localhost' }, /^cookieDomain: expected/],
    [{ endpoint: '/p', bots: 'shop' }, /^bots: expected/],
    [{ endpoint: '/p', bots: ['a b'] }, /^bots: expected/],
    [{ endpoint: '/p', message: 'no tag here' }, /^message: expected/],
    [{ endpoint: '/p', userId: { id: 1 } }, /^userId: expected/],
    [{ endpoint: '/p', userId: '' }, /^userId: expected/],
    [{ endpoint: '/p', debug: 'yes' }, /^debug: expected/],
    // `userId: user && user.id` when logged out: a boolean is no ID, and the collector refuses the pairing.
    [{ endpoint: '/p', userId: false }, /^userId: expected .*got false/],
    [{ endpoint: '/p', purchaseId: true }, /^purchaseId: expected .*got true/],
    [{ endpoint: '/p', prefix: false }, /^prefix: expected .*got false/],
  ];
  for (const [raw, message] of bad) {
    it(`rejects ${JSON.stringify(raw)}, naming the key`, () => {
      const c = validateConfig(raw);
      assert.equal(typeof c, 'string');
      assert.match(c as string, message);
    });
  }
  it('accepts every documented key', () => {
    const c = validateConfig({
      endpoint: 'https://collect.example.com/v1/pairings',
      counterId: '12345678',
      consent: 'required',
      debug: true,
      prefix: 'SHOP',
      length: 10,
      lifetimeDays: 30,
      cookieDomain: '.example.com',
      bots: ['support_team'],
      message: 'Order {id}',
      userId: 'u-1',
      purchaseId: 'p-1',
    });
    assert.equal(typeof c, 'object', String(c));
  });
  it('agrees with formatProblem on prefix and length', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('CT', '', '_tgr_', '_tgr', 'a-b_c', 'x'.repeat(32))),
        fc.integer({ min: -2, max: 40 }),
        (prefix, length) => {
          const ours = RULES.prefix!.test(prefix) && RULES.length!.test(`${length}`);
          assert.equal(ours, formatProblem({ prefix, length }) === null, `${JSON.stringify(prefix)} ${length}`);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('defaultMessage', () => {
  it('is Russian for ru pages and English otherwise', () => {
    assert.match(defaultMessage('ru').message, /Номер обращения: \{id\}/);
    assert.match(defaultMessage('RU-ru').message, /Номер обращения/);
    assert.equal(defaultMessage('ru').greeting, 'Здравствуйте!');
    assert.match(defaultMessage('en-GB').message, /Request ID: \{id\}/);
    assert.match(defaultMessage('rus').message, /Request ID/);
    assert.match(defaultMessage('').message, /Request ID/);
    assert.equal(defaultMessage(undefined).greeting, 'Hello!');
  });
});
