import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { cleanCopiedValue } from './clean.js';
import { extractChatId, findChatIds, normalizeForMatching, parseStartPayload } from './extract.js';
import { CHAT_ID_ALPHABET, type ChatIdFormat, formatProblem, isChatId } from './format.js';
import { NATURAL_MESSAGES, NEAR_MISSES, POSITIVE_MESSAGES } from './test-support/messages.js';

const ID = 'CT7KQ2M9XA';
const NEGATIVES = [...NATURAL_MESSAGES, ...NEAR_MISSES];

// Characters phones and editors put into copied text, and the odd spaces they put between groups.
const INVISIBLES = ['\u2066', '\u2067', '\u2068', '\u2069', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F'];
const MORE_INVISIBLES = ['\u202A', '\u202B', '\u202C', '\u2060', '\uFEFF', '\u00AD', '\u061C'];
const ODD_SPACES = ['\u00A0', '\u202F', '\u2007', '\u2009'];
// What people put between the parts of a message; '' glues them.
const JOINERS = [' ', '\n', ', ', '. ', ' — ', ': ', '', '\n\n', ' (', ') '];
// Where an ID can stand on its own in a message.
const EDGES = [' ', '\n', ': ', ', ', '(', ')', '«', '»', '"', '!', '?', '.', '—', '🔥', '#', '№', '\t'];
// Words people glue to a pasted ID without a space.
const GLUE_WORDS = ['спасибо', 'здравствуйте', 'вот', 'номер', 'заказ', 'а', 'Добрый день', '谢谢', 'ευχαριστώ'];
// Latin words and numbers that must keep an ID inside them.
const LATIN_WORDS = ['thanks', 'ID', 'order', 'A', 'x', '2025', '7', 'é', 'Zz'];

const idBody = (length = 8) =>
  fc.string({ unit: fc.constantFrom(...CHAT_ID_ALPHABET), minLength: length, maxLength: length });
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
// The documented evidence a repaired ID needs: letters and digits alternate at least twice within
// its pieces (a slip at `cut` splits the random part in two).
const alternatesTwice = (body: string, cut = -1): boolean =>
  [...body].filter((c, k) => k > 0 && k !== cut && isDigit(c) !== isDigit(body.charAt(k - 1))).length >= 2;

/** Scatters invisible characters and odd spaces through a text, and changes its case, as copying does. */
const noisy = (text: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(
      text,
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLES, ...MORE_INVISIBLES)), { maxLength: 4 }),
      fc.option(fc.constantFrom(...ODD_SPACES)),
      fc.constantFrom('as is', 'upper', 'lower'),
    )
    .map(([t, inserts, oddSpace, kase]) => {
      let out = oddSpace === null ? t : t.replace(/ /g, oddSpace);
      for (const [at, ch] of inserts) {
        const cut = at % (out.length + 1);
        out = out.slice(0, cut) + ch + out.slice(cut);
      }
      return kase === 'upper' ? out.toUpperCase() : kase === 'lower' ? out.toLowerCase() : out;
    });

const ALNUM = /[A-Za-z0-9]/;

/**
 * Natural chat lines, one to six of them, joined the way people join them. Gluing two Latin words
 * or numbers together makes a new word, which may be shaped exactly like an intact ID (`CTSALE25`
 * + `We` = `CTSALE25We`): such a text does carry an ID-shaped word, so there a space is kept.
 */
const naturalText = fc
  .array(fc.tuple(fc.constantFrom(...NATURAL_MESSAGES), fc.constantFrom(...JOINERS)), { minLength: 1, maxLength: 6 })
  .map((parts) =>
    parts
      .map(([m, j], k) => {
        const next = parts[k + 1]?.[0] ?? '';
        return j === '' && ALNUM.test(m.slice(-1)) && ALNUM.test(next.charAt(0)) ? `${m} ` : m + j;
      })
      .join(''),
  );

describe('the message corpus', () => {
  it('has at least as many messages without an ID as with one', () => {
    assert.ok(POSITIVE_MESSAGES.length >= 70, `${POSITIVE_MESSAGES.length} positives`);
    assert.ok(NEGATIVES.length >= POSITIVE_MESSAGES.length, `${NEGATIVES.length} negatives`);
  });
});

describe('findChatIds', () => {
  for (const { text, id, repair } of POSITIVE_MESSAGES) {
    it(`finds ${id}${repair ? ` (${repair})` : ''} in ${JSON.stringify(text)}`, () => {
      assert.deepEqual(findChatIds(text), [{ id, repair }]);
      assert.equal(extractChatId(text), id);
    });
  }

  for (const text of NEGATIVES) {
    it(`finds nothing in ${JSON.stringify(text)}`, () => {
      assert.deepEqual(findChatIds(text), []);
      assert.equal(extractChatId(text), null);
    });
  }

  it('lists every distinct ID in order of appearance, and extractChatId guesses none of them', () => {
    const forwarded = 'Переслано: Номер обращения: CT4HW8N3RB\nМой: CT 7KQ2M9XA';
    assert.deepEqual(findChatIds(forwarded), [
      { id: 'CT4HW8N3RB', repair: null },
      { id: 'CT7KQ2M9XA', repair: 'split' },
    ]);
    assert.equal(extractChatId(forwarded), null);
    assert.deepEqual(findChatIds('CT7KQ2M9XA and CT8KQ2M9XA'), [
      { id: 'CT7KQ2M9XA', repair: null },
      { id: 'CT8KQ2M9XA', repair: null },
    ]);
  });

  it('reports no repair for an ID that also stands intact in the message', () => {
    assert.deepEqual(findChatIds('CT 7KQ2M9XA, то есть CT7KQ2M9XA'), [{ id: ID, repair: null }]);
    assert.deepEqual(findChatIds('CT7KQ2M9XAспасибо, CT7KQ2M9XA'), [{ id: ID, repair: null }]);
  });

  it('honours a custom prefix and length, repairs included', () => {
    const format: ChatIdFormat = { prefix: 'lead', length: 6 };
    assert.equal(extractChatId('Order LEAD7KQ2M9', format), 'lead7KQ2M9');
    assert.equal(extractChatId('Order lead 7KQ2M9', format), 'lead7KQ2M9');
    assert.equal(extractChatId('Order lead7kq2m9x', format), null);
    assert.equal(extractChatId(ID, format), null);
  });

  it('repairs nothing without a prefix to anchor it', () => {
    const format: ChatIdFormat = { prefix: '', length: 8 };
    assert.equal(extractChatId('7KQ2M9XA', format), '7KQ2M9XA');
    assert.equal(extractChatId('7KQ2 M9XA', format), null);
    assert.equal(extractChatId('7KQ2M9XAспасибо', format), null);
  });

  it('returns nothing for non-string input', () => {
    for (const value of [undefined, null, 42, {}, [ID], Symbol('x'), true]) {
      assert.deepEqual(findChatIds(value), []);
      assert.equal(extractChatId(value), null);
    }
  });

  it('reads only the first 64 KiB of a message', () => {
    assert.equal(extractChatId(`${' '.repeat(65000)}${ID}`), ID);
    assert.equal(extractChatId(`${' '.repeat(65536)}${ID}`), null);
  });
});

describe('findChatIds over random and real-language text', () => {
  it('finds nothing in Russian and English chat text, phones, orders, URLs and promo codes, however copied', () => {
    fc.assert(
      fc.property(noisy(naturalText), (text) => {
        assert.deepEqual(findChatIds(text), []);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 2000) },
    );
  });

  it('never reads a word, a number or a word-plus-number code after the prefix as a damaged ID', () => {
    const letters = fc.string({ unit: fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ'), minLength: 1, maxLength: 8 });
    const digits = fc.string({ unit: fc.constantFrom(...'23456789'), minLength: 1, maxLength: 8 });
    const code = fc.oneof(
      letters,
      digits,
      fc.tuple(letters, digits).map(([l, d]) => l + d),
      fc.tuple(digits, letters).map(([d, l]) => d + l),
    );
    const prefix = fc.constantFrom('CT', 'ct', 'Ct');
    const slip = fc.constantFrom(' ', '-', ' - ', '\u00A0', '–');
    fc.assert(
      fc.property(prefix, slip, code, fc.constantFrom(...EDGES), (pre, sep, c, edge) => {
        // A code that is an intact ID by itself (CTAA222222) is not what this property is about.
        fc.pre(findChatIds(c).length === 0);
        assert.deepEqual(findChatIds(`${edge}${pre}${sep}${c}${edge}`), []);
        assert.deepEqual(findChatIds(`${pre}${c}спасибо`), []);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 2000) },
    );
  });

  it('finds any generated ID standing in chat text, intact, retyped, copied or noisy', () => {
    const written = fc.tuple(idBody(), fc.constantFrom('as is', 'lower', 'cyrillic', 'full-width', 'invisible'));
    fc.assert(
      fc.property(
        written,
        naturalText,
        naturalText,
        fc.constantFrom(...EDGES),
        fc.nat(),
        (w, before, after, edge, at) => {
          const [body, how] = w;
          const id = `CT${body}`;
          let typed = id;
          if (how === 'lower') typed = id.toLowerCase();
          if (how === 'cyrillic')
            typed = id.replace(/C/g, 'С').replace(/T/g, 'Т').replace(/K/g, 'К').replace(/X/g, 'Х');
          if (how === 'full-width') typed = [...id].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
          if (how === 'invisible') {
            const cut = at % (id.length + 1);
            typed = `${id.slice(0, cut)}${INVISIBLES[at % INVISIBLES.length]}${id.slice(cut)}`;
          }
          assert.deepEqual(findChatIds(`${before}${edge}${typed}${edge}${after}`), [{ id, repair: null }]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('finds any generated random-looking ID with a slip typed inside or a word glued to it', () => {
    const slip = fc.constantFrom(' ', '-', '  ', ' - ', '\u00A0', '–', '\u2011');
    fc.assert(
      fc.property(
        idBody().filter(alternatesTwice),
        fc.integer({ min: 0, max: 6 }),
        slip,
        fc.constantFrom(...GLUE_WORDS),
        naturalText,
        fc.constantFrom(...EDGES),
        fc.boolean(),
        (body, cut, sep, word, around, edge, gluedAfter) => {
          const id = `CT${body}`;
          if (alternatesTwice(body, cut)) {
            const split = `${id.slice(0, 2 + cut)}${sep}${id.slice(2 + cut)}`;
            assert.deepEqual(findChatIds(`${around}${edge}${split}${edge}`), [{ id, repair: 'split' }]);
          }
          const glued = gluedAfter ? `${id}${word}` : `${word}${id}`;
          assert.deepEqual(findChatIds(`${around}${edge}${glued}${edge}`), [{ id, repair: 'glued' }]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never finds an ID inside a longer Latin word or number, damaged or not', () => {
    const slip = fc.constantFrom('', ' ', '-');
    fc.assert(
      fc.property(
        idBody(),
        fc.constantFrom(...LATIN_WORDS),
        fc.boolean(),
        slip,
        fc.constantFrom(...EDGES),
        (body, word, after, sep, edge) => {
          const typed = `CT${sep}${body}`;
          const text = after ? `${edge}${typed}${word}${edge}` : `${edge}${word}${typed}${edge}`;
          // The word may complete another ID-shaped word (`CT-CT222222` + `Zz`); ours is never read.
          assert.ok(!findChatIds(text).some((c) => c.id === `CT${body}`), text);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary input and only ever returns well-formed IDs', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        for (const c of findChatIds(value)) assert.ok(isChatId(c.id));
        const result = extractChatId(value);
        assert.ok(result === null || isChatId(result));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        for (const c of findChatIds(text)) assert.ok(isChatId(c.id));
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
    assert.equal(parseStartPayload('\u2068/start CT7KQ2M9XA\u2069'), ID);
  });
  it('returns null for other text', () => {
    assert.equal(parseStartPayload('hello /start x'), null);
    assert.equal(parseStartPayload('/started'), null);
    assert.equal(parseStartPayload(undefined), null);
  });
});

describe('cleanCopiedValue', () => {
  it('drops bidi isolates, zero-width characters and odd spaces around a copied phone number', () => {
    assert.equal(cleanCopiedValue('\u2068+7\u00A0916\u00A0123-45-67\u2069'), '+7 916 123-45-67');
    assert.equal(cleanCopiedValue('\u202A+7 (495) 123-45-67\u202C'), '+7 (495) 123-45-67');
    assert.equal(cleanCopiedValue('\u200Bivan_petrov\uFEFF'), 'ivan_petrov');
    assert.equal(cleanCopiedValue(' 12345\u200E '), '12345');
  });
  it('leaves visible characters alone', () => {
    assert.equal(cleanCopiedValue('Иван Петров'), 'Иван Петров');
    assert.equal(cleanCopiedValue('8 (916) 123-45-67'), '8 (916) 123-45-67');
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
    assert.equal(normalizeForMatching('\u2068ct\u00A07\u2069'), 'CT 7');
  });
});
