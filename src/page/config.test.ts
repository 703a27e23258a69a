import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { siteIdVerdict } from '../domain/metrica-ids.js';
import { formatProblem } from '../match/format.js';
import { defaultMessage } from '../match/message.js';
import { RULES, readDataset, validateConfig } from './config.js';

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
    // Names every object has by inheritance are no config keys either.
    [{ endpoint: '/p', constructor: 'x' }, /^constructor: unknown key/],
    [JSON.parse('{"endpoint":"/p","__proto__":"x"}'), /^__proto__: unknown key/],
    [{ endpoint: '/p', toString: 'x' }, /^toString: unknown key/],
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
    // Each entry is a username: the list must not pass by its string form alone ("1,2", "a,b", "").
    [{ endpoint: '/p', bots: [1, {}] }, /^bots: expected/],
    [{ endpoint: '/p', bots: [12345, 67890] }, /^bots: expected/],
    [{ endpoint: '/p', bots: [true] }, /^bots: expected/],
    [{ endpoint: '/p', bots: [null] }, /^bots: expected/],
    [{ endpoint: '/p', bots: [''] }, /^bots: expected/],
    [{ endpoint: '/p', bots: ['shop,help'] }, /^bots: expected/],
    [{ endpoint: '/p', bots: [['shop_help']] }, /^bots: expected/],
    [{ endpoint: '/p', bots: ['@shop_help'] }, /^bots: expected/],
    [{ endpoint: '/p', bots: ['1shop'] }, /^bots: expected/],
    [{ endpoint: '/p', bots: ['abc'] }, /^bots: expected/],
    [{ endpoint: '/p', bots: ['a'.repeat(33)] }, /^bots: expected/],
    [{ endpoint: '/p', bots: {} }, /^bots: expected/],
    [{ endpoint: '/p', bots: { 0: 'shop_help', length: 1 } }, /^bots: expected/],
    [{ endpoint: '/p', message: 'no tag here' }, /^message: expected/],
    [{ endpoint: '/p', userId: { id: 1 } }, /^userId: expected/],
    [{ endpoint: '/p', userId: '' }, /^userId: expected/],
    // Characters the collector refuses in an ID: it would refuse the whole pairing.
    [{ endpoint: '/p', userId: 'u\t1' }, /^userId: expected/],
    [{ endpoint: '/p', purchaseId: 'order\u202e1' }, /^purchaseId: expected/],
    [{ endpoint: '/p', purchaseId: 'x'.repeat(101) }, /^purchaseId: expected/],
    // Cut in the middle of an emoji: half a surrogate pair at the end, or alone at the start.
    [{ endpoint: '/p', userId: `${'a'.repeat(99)}\ud83d` }, /^userId: expected/],
    [{ endpoint: '/p', userId: '\ude00abc' }, /^userId: expected/],
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
  it('accepts IDs with whole emoji and non-Latin letters, up to 100 characters (code points)', () => {
    for (const userId of ['😀', `user-😀-${'x'.repeat(90)}`, 'Пользователь 42', 'a'.repeat(100), '😀'.repeat(100)]) {
      const c = validateConfig({ endpoint: '/p', userId });
      assert.equal((c as { userId: string }).userId, userId, String(c));
    }
    for (const userId of ['a'.repeat(101), '😀'.repeat(101), '   ', '\u00a0', 'a\ud83d', '\ude00a', 'a\ufffd']) {
      assert.match(validateConfig({ endpoint: '/p', userId }) as string, /^userId: expected/, JSON.stringify(userId));
    }
  });
  it('takes a UserID or PurchaseID exactly when the collector does', () => {
    const chars = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 110 }),
      fc.string({
        unit: fc.constantFrom('a', ' ', '\u00a0', '\t', '\u202e', '\ufffd', '😀', '\ud83d', '\ude00', 'я'),
        maxLength: 104,
      }),
      fc.integer({ min: 95, max: 105 }).map((n) => 'x'.repeat(n)),
      fc.integer({ min: 95, max: 105 }).map((n) => '😀'.repeat(n)),
    );
    fc.assert(
      fc.property(chars, (id) => {
        const ours = RULES.userId!.test(id);
        assert.equal(ours, siteIdVerdict(id) === null, JSON.stringify(id));
        assert.equal(RULES.purchaseId!.test(id), ours);
      }),
      { numRuns: 5000 },
    );
  });
  it('takes keepParams as a list of parameter names (empty: keep none)', () => {
    for (const keepParams of [[], ['utm_source'], ['utm_source', 'gclid', 'yclid', 'filter[color]', 'a.b-c']]) {
      const c = validateConfig({ endpoint: '/p', keepParams });
      assert.deepEqual((c as { keepParams: string[] }).keepParams, keepParams, String(c));
    }
    for (const keepParams of [
      'utm_source',
      [1],
      ['a b'],
      [''],
      ['a=b'],
      ['a&b'],
      ['a"b'],
      {},
      { 0: 'a', length: 1 },
      [['a']],
    ]) {
      assert.match(
        validateConfig({ endpoint: '/p', keepParams }) as string,
        /^keepParams: expected .*got /,
        JSON.stringify(keepParams),
      );
    }
  });
  it('refuses a list for a key that takes one value, even one whose entries would pass', () => {
    for (const [key, value] of [
      ['userId', ['u-42']],
      ['purchaseId', ['p-1']],
      ['message', ['Order {id}']],
      ['prefix', ['SHOP']],
      ['cookieDomain', ['.example.com']],
    ] as const) {
      assert.match(
        validateConfig({ endpoint: '/p', [key]: value }) as string,
        RegExp(`^${key}: expected .*got \\[`),
        key,
      );
    }
    assert.match(
      validateConfig({ endpoint: '/p', counterId: [12345678] }) as string,
      /^counterId: expected .*got \[12345678\]/,
    );
    assert.match(validateConfig({ endpoint: ['/p'] }) as string, /^endpoint: expected/);
  });
  it('accepts a list of usernames for bots, in any case', () => {
    for (const bots of [[], ['support_team'], ['SupportTeam', 'help4you', 'a'.repeat(32)]]) {
      const c = validateConfig({ endpoint: '/p', bots });
      assert.deepEqual((c as { bots: string[] }).bots, bots, String(c));
    }
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

describe('readDataset', () => {
  const read = (d: Record<string, string>, base: Record<string, unknown> = {}) => {
    readDataset(base, d);
    return validateConfig(base);
  };
  it('reads the data- attributes over the window config', () => {
    const c = read(
      { endpoint: '/v1/pairings', counterId: '12345678', consent: 'required', other: 'x' },
      { endpoint: '/old', message: 'Order {id}' },
    );
    assert.deepEqual(c, {
      endpoint: '/v1/pairings',
      counterId: '12345678',
      consent: 'required',
      message: 'Order {id}',
      prefix: 'CT',
      length: 8,
      lifetimeDays: 90,
      bots: [],
      debug: false,
    });
  });
  it('takes data-debug with no value or "true" as on, "false" as off', () => {
    assert.equal((read({ endpoint: '/p', debug: '' }) as { debug: boolean }).debug, true);
    assert.equal((read({ endpoint: '/p', debug: 'true' }) as { debug: boolean }).debug, true);
    assert.equal((read({ endpoint: '/p', debug: 'false' }) as { debug: boolean }).debug, false);
    assert.equal((read({ endpoint: '/p', debug: '' }, { debug: false }) as { debug: boolean }).debug, true);
    assert.equal((read({ endpoint: '/p' }, { debug: true }) as { debug: boolean }).debug, true);
  });
  it('refuses any other data-debug value, naming debug, so the script stays off', () => {
    for (const debug of ['no', 'off', '0', '1', 'TRUE', 'debug']) {
      assert.match(read({ endpoint: '/p', debug }) as string, /^debug: expected .*got "/, debug);
    }
  });
  it('judges empty attributes other than data-debug like empty values', () => {
    assert.match(read({ endpoint: '' }) as string, /^endpoint: required/);
    assert.match(read({ endpoint: '/p', counterId: '' }) as string, /^counterId: expected/);
    assert.match(read({ endpoint: '/p', consent: '' }) as string, /^consent: expected/);
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
