import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extractChatId, normalizeForMatching, parseStartPayload } from './extract.js';
import { CHAT_ID_ALPHABET, formatProblem, isChatId } from './format.js';

const ID = 'CT7KQ2M9XA';

// Messages as they arrive from WhatsApp, Telegram and Viber, after people have edited them.
const positives: Array<[string, string]> = [
  ['Номер обращения: CT7KQ2M9XA', ID],
  ['Здравствуйте!\nНомер обращения: CT7KQ2M9XA', ID],
  ['Hello!\nRequest ID: CT7KQ2M9XA', ID],
  ['ct7kq2m9xa', ID],
  ['Ct7Kq2M9xA', ID],
  ['Добрый день, хочу заказать диван. Номер обращения: CT7KQ2M9XA', ID],
  ['(CT7KQ2M9XA)', ID],
  ['[CT7KQ2M9XA]', ID],
  ['№CT7KQ2M9XA', ID],
  ['#CT7KQ2M9XA!', ID],
  ['CT7KQ2M9XA.', ID],
  ['"CT7KQ2M9XA",', ID],
  ['🔥CT7KQ2M9XA🔥', ID],
  ['👋 Hi CT7KQ2M9XA 👍🏻', ID],
  ['Номер: СТ7КQ2М9ХА', ID], // С Т К М Х А typed on a Russian layout
  ['номер ст7кq2м9ха', ID], // lower-case Cyrillic look-alikes
  ['ＣＴ７ＫＱ２Ｍ９ＸＡ', ID], // full-width forms
  ['C\u200BT7KQ\u200C2M9\u200DXA', ID], // zero-width characters inside
  ['\uFEFFCT7KQ2M9XA\u2060', ID],
  ['/start CT7KQ2M9XA', ID],
  ['/start promo-CT7KQ2M9XA', ID], // payload that kept an earlier start value
  ['/start promo_summer_CT7KQ2M9XA', ID],
  ['/start@ShopBot CT7KQ2M9XA', ID],
  ['CT7KQ2M9XA CT7KQ2M9XA', ID], // the same ID twice is still one answer
  ['Hello, Request ID: CT7KQ2M9XA\n\nи ещё раз: ct7kq2m9xa', ID],
  ['Номер обращения:CT7KQ2M9XA', ID],
  ['id=CT7KQ2M9XA&x', ID],
  ['\tCT7KQ2M9XA\r\n', ID],
];

const negatives: string[] = [
  '',
  'Здравствуйте! Сколько стоит доставка?',
  'CT7KQ2M9X', // one character short
  'CT7KQ2M9XAB', // one character long: inside a longer word
  'XCT7KQ2M9XA', // a letter before it
  '9CT7KQ2M9XA', // a digit before it
  'CT7KQ2M9XA9',
  'ЗаказCT7KQ2M9XA', // glued to a Cyrillic word
  'CT7KQ2M9XAтовар',
  'CT0KQ2M9XA', // 0 is not in the alphabet
  'CT1KQ2M9XA', // 1 is not in the alphabet
  'CTOKQ2M9XA', // O is not in the alphabet
  'CTIKQ2M9XA', // I is not in the alphabet
  'CT7KQ2M9XA and CT8KQ2M9XA', // two different IDs: no guess
  '/start',
  '/start promo',
  'AB7KQ2M9XA', // another prefix
  'CT 7KQ2M9XA', // split by a space
  'https://example.com/CT7KQ2M9XAZ',
  'Номер обращения: ',
  'Мой телефон +7 999 123-45-67',
  'CTCTCTCTCTCT',
];

describe('extractChatId', () => {
  it('has a corpus of at least 40 messages, half of them negatives', () => {
    assert.ok(positives.length + negatives.length >= 40);
    assert.ok(negatives.length >= 20);
  });

  for (const [text, expected] of positives) {
    it(`finds the ID in ${JSON.stringify(text)}`, () => {
      assert.equal(extractChatId(text), expected);
    });
  }

  for (const text of negatives) {
    it(`finds nothing in ${JSON.stringify(text)}`, () => {
      assert.equal(extractChatId(text), null);
    });
  }

  it('returns null for non-string input', () => {
    for (const value of [undefined, null, 42, {}, [ID], Symbol('x'), true]) {
      assert.equal(extractChatId(value), null);
    }
  });

  it('honours a custom prefix and length', () => {
    const format = { prefix: 'lead', length: 6 };
    assert.equal(extractChatId('Order LEAD7KQ2M9', format), 'lead7KQ2M9');
    assert.equal(extractChatId('Order lead7kq2m9x', format), null);
    assert.equal(extractChatId(ID, format), null);
  });

  it('finds any generated ID placed anywhere between separators', () => {
    const body = fc.string({ unit: fc.constantFrom(...CHAT_ID_ALPHABET), minLength: 8, maxLength: 8 });
    const filler = fc.string().map((s) => s.replace(/[\p{L}\p{N}\p{M}]/gu, ''));
    fc.assert(
      fc.property(body, filler, filler, (b, before, after) => {
        const id = `CT${b}`;
        assert.equal(extractChatId(`${before} ${id} ${after}`), id);
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = extractChatId(value);
        assert.ok(result === null || isChatId(result));
      }),
    );
  });
});

describe('parseStartPayload', () => {
  it('splits the start command', () => {
    assert.equal(parseStartPayload('/start CT7KQ2M9XA'), ID);
    assert.equal(parseStartPayload('/start@Shop_bot promo-CT7KQ2M9XA'), 'promo-CT7KQ2M9XA');
    assert.equal(parseStartPayload('/start'), '');
    assert.equal(parseStartPayload('  /START  x  '), 'x');
  });
  it('returns null for other text', () => {
    assert.equal(parseStartPayload('hello /start x'), null);
    assert.equal(parseStartPayload('/started'), null);
    assert.equal(parseStartPayload(undefined), null);
  });
});

describe('chat-ID format', () => {
  it('accepts the default format and names the fault in a bad one', () => {
    assert.equal(formatProblem({ prefix: 'CT', length: 8 }), null);
    assert.match(formatProblem({ prefix: '_tgr_x', length: 8 }) ?? '', /_tgr_/);
    assert.match(formatProblem({ prefix: 'a b', length: 8 }) ?? '', /prefix/);
    assert.match(formatProblem({ prefix: 'CT', length: 3 }) ?? '', /length/);
    assert.match(formatProblem({ prefix: 'x'.repeat(32), length: 33 }) ?? '', /length/);
  });
  it('validates IDs exactly', () => {
    assert.ok(isChatId(ID));
    assert.ok(!isChatId('ct7kq2m9xa'));
    assert.ok(!isChatId('CT7KQ2M9X'));
    assert.ok(!isChatId(42));
  });
  it('folds text for matching', () => {
    assert.equal(normalizeForMatching('сТ\u200b７'), 'CT7');
  });
});
