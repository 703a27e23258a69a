import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_FORMAT } from './format.js';
import { defaultMessage } from './message.js';
import { classify, type RewriteOptions, renderMessage, rewrite } from './rewrite.js';

const ID = 'CT7KQ2M9XA';
const OPTS: RewriteOptions = { id: ID, format: DEFAULT_FORMAT, ...defaultMessage('en'), bots: ['Support_Team'] };
// The default English message for a link without text, percent-encoded.
const T = 'Hello!%0ARequest%20ID%3A%20CT7KQ2M9XA';
const TAG = '%0ARequest%20ID%3A%20CT7KQ2M9XA';

// [input, expected output]; an expected output equal to the input means "left alone".
const TABLE: [string, string][] = [
  // Telegram bots: start
  ['https://t.me/shop_bot', `https://t.me/shop_bot?start=${ID}`],
  ['https://t.me/ShopBot', `https://t.me/ShopBot?start=${ID}`],
  ['https://T.ME/shop_bot', `https://T.ME/shop_bot?start=${ID}`],
  ['HTTPS://T.ME/SHOP_BOT', `HTTPS://T.ME/SHOP_BOT?start=${ID}`],
  ['http://telegram.me/shop_bot/', `http://telegram.me/shop_bot/?start=${ID}`],
  ['https://telegram.dog/shop_bot', `https://telegram.dog/shop_bot?start=${ID}`],
  ['//t.me/shop_bot', `//t.me/shop_bot?start=${ID}`],
  ['https://www.t.me/shop_bot', `https://www.t.me/shop_bot?start=${ID}`],
  ['https://t.me:443/shop_bot', `https://t.me:443/shop_bot?start=${ID}`],
  ['https://t.me/shop_bot?start=promo', `https://t.me/shop_bot?start=promo-${ID}`],
  [`https://t.me/shop_bot?start=promo-${ID}`, `https://t.me/shop_bot?start=promo-${ID}`],
  ['https://t.me/shop_bot?start=promo-CTAAAAAAAA', `https://t.me/shop_bot?start=promo-${ID}`],
  [`https://t.me/shop_bot?start=${'a'.repeat(60)}`, `https://t.me/shop_bot?start=${'a'.repeat(53)}-${ID}`],
  ['https://t.me/shop_bot?start=', `https://t.me/shop_bot?start=${ID}`],
  ['https://t.me/shop_bot#top', `https://t.me/shop_bot?start=${ID}#top`],
  ['https://t.me/shop_bot?utm_source=x&utm_medium=y', `https://t.me/shop_bot?utm_source=x&utm_medium=y&start=${ID}`],
  ['https://t.me/shop_bot?', `https://t.me/shop_bot?start=${ID}`],
  ['https://t.me/shop_bot?a=1&', `https://t.me/shop_bot?a=1&start=${ID}`],
  ['https://t.me/shop_bot?a=b+c&start=x#f?g', `https://t.me/shop_bot?a=b+c&start=x-${ID}#f?g`],
  ['tg://resolve?domain=shop_bot', `tg://resolve?domain=shop_bot&start=${ID}`],
  ['tg:resolve?domain=shop_bot', `tg:resolve?domain=shop_bot&start=${ID}`],
  ['TG://RESOLVE?domain=ShopBot', `TG://RESOLVE?domain=ShopBot&start=${ID}`],
  ['https://t.me/support_team', `https://t.me/support_team?start=${ID}`],
  ['https://t.me/jane_doe?start=x', `https://t.me/jane_doe?start=x-${ID}`],
  // Telegram people and phone numbers: text
  ['https://t.me/jane_doe', `https://t.me/jane_doe?text=${T}`],
  ['https://t.me/jane_doe/', `https://t.me/jane_doe/?text=${T}`],
  ['https://t.me/jane_doe?text=Hi%20there', `https://t.me/jane_doe?text=Hi%20there${TAG}`],
  ['https://t.me/jane_doe?text=Hi+there', `https://t.me/jane_doe?text=Hi%20there${TAG}`],
  [`https://t.me/jane_doe?text=Hi%20${ID}`, `https://t.me/jane_doe?text=Hi%20${ID}`],
  ['https://t.me/jane_doe?text=Hi%0ARequest%20ID%3A%20CTAAAAAAAA', `https://t.me/jane_doe?text=Hi${TAG}`],
  [
    'https://t.me/jane_doe?text=%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82',
    `https://t.me/jane_doe?text=%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82${TAG}`,
  ],
  ['https://t.me/jane_doe?profile', `https://t.me/jane_doe?profile&text=${T}`],
  ['https://t.me/+79161234567', `https://t.me/+79161234567?text=${T}`],
  ['tg://resolve?domain=jane_doe', `tg://resolve?domain=jane_doe&text=${T}`],
  ['tg://resolve?phone=79161234567', `tg://resolve?phone=79161234567&text=${T}`],
  // WhatsApp: text
  ['https://wa.me/79161234567', `https://wa.me/79161234567?text=${T}`],
  ['https://wa.me/79161234567/', `https://wa.me/79161234567/?text=${T}`],
  [
    'https://WA.ME/79161234567?text=I%27d%20like%20a%20quote',
    `https://WA.ME/79161234567?text=I'd%20like%20a%20quote${TAG}`,
  ],
  ['https://wa.me/79161234567?text=Hi#x', `https://wa.me/79161234567?text=Hi${TAG}#x`],
  ['https://api.whatsapp.com/send?phone=79161234567', `https://api.whatsapp.com/send?phone=79161234567&text=${T}`],
  [
    'https://api.whatsapp.com/send/?phone=79161234567&text=Hello&type=phone_number&app_absent=0',
    `https://api.whatsapp.com/send/?phone=79161234567&text=Hello${TAG}&type=phone_number&app_absent=0`,
  ],
  [
    'https://web.whatsapp.com/send?phone=79161234567&text=',
    `https://web.whatsapp.com/send?phone=79161234567&text=${T}`,
  ],
  ['whatsapp://send?phone=79161234567', `whatsapp://send?phone=79161234567&text=${T}`],
  ['whatsapp://send?phone=%2B79161234567&text=Hi', `whatsapp://send?phone=%2B79161234567&text=Hi${TAG}`],
  // Viber: draft for people, context for bots
  ['viber://chat?number=%2B79161234567', `viber://chat?number=%2B79161234567&draft=${T}`],
  ['viber://chat?number=%2B79161234567&text=Hi', `viber://chat?number=%2B79161234567&text=Hi${TAG}`],
  ['viber://pa?chatURI=shopbot', `viber://pa?chatURI=shopbot&context=${ID}`],
  ['viber://pa?chatURI=shopbot&context=ad7', `viber://pa?chatURI=shopbot&context=ad7-${ID}`],
  ['viber://pa?chatURI=shopbot&text=Hi', `viber://pa?chatURI=shopbot&text=Hi&context=${ID}`],
  // Left alone: invites, posts, service pages, share links
  ['https://t.me/+AbCdEf123', 'https://t.me/+AbCdEf123'],
  ['https://t.me/joinchat/AbCdEf', 'https://t.me/joinchat/AbCdEf'],
  ['https://t.me/joinchat', 'https://t.me/joinchat'],
  ['tg://join?invite=AbCd', 'tg://join?invite=AbCd'],
  ['https://t.me/durov/123', 'https://t.me/durov/123'],
  ['tg://resolve?domain=durov&post=123', 'tg://resolve?domain=durov&post=123'],
  ['tg://resolve?domain=durov&post=123&thread=4', 'tg://resolve?domain=durov&post=123&thread=4'],
  ['https://t.me/s/durov', 'https://t.me/s/durov'],
  ['https://t.me/c/1234/56', 'https://t.me/c/1234/56'],
  ['https://t.me/share?url=https%3A%2F%2Fexample.com', 'https://t.me/share?url=https%3A%2F%2Fexample.com'],
  ['https://t.me/share/url?url=x', 'https://t.me/share/url?url=x'],
  ['tg://msg_url?url=x', 'tg://msg_url?url=x'],
  ['https://t.me/addstickers', 'https://t.me/addstickers'],
  ['https://t.me/+', 'https://t.me/+'],
  // Left alone: WhatsApp without a phone, short links, catalogs
  ['https://wa.me/', 'https://wa.me/'],
  ['https://wa.me/?text=Hi', 'https://wa.me/?text=Hi'],
  ['https://wa.me/message/ABCDEF', 'https://wa.me/message/ABCDEF'],
  ['https://wa.me/c/79161234567', 'https://wa.me/c/79161234567'],
  ['https://api.whatsapp.com/send?text=Hi', 'https://api.whatsapp.com/send?text=Hi'],
  ['whatsapp://send?text=Hi', 'whatsapp://send?text=Hi'],
  ['viber://chat', 'viber://chat'],
  ['viber://pa/info?uri=x', 'viber://pa/info?uri=x'],
  // Left alone: invalid usernames
  ['https://t.me/abc', 'https://t.me/abc'],
  ['https://t.me/1abcdef', 'https://t.me/1abcdef'],
  ['https://t.me/ab__cd', 'https://t.me/ab__cd'],
  ['https://t.me/abcde_', 'https://t.me/abcde_'],
  ['tg://resolve?domain=ab', 'tg://resolve?domain=ab'],
  // Left alone: group, Mini App and affiliate links
  ['https://t.me/shop_bot?startgroup=x', 'https://t.me/shop_bot?startgroup=x'],
  ['https://t.me/shop_bot?startapp=x', 'https://t.me/shop_bot?startapp=x'],
  ['https://t.me/shop_bot?start=_tgr_abc', 'https://t.me/shop_bot?start=_tgr_abc'],
  ['https://t.me/shop_bot?ref=abc', 'https://t.me/shop_bot?ref=abc'],
  // A `%` not followed by two hex digits is a literal `%` (widgets build their text unencoded).
  [
    'https://wa.me/79161234567?text=Is the 20% discount on?',
    `https://wa.me/79161234567?text=Is%20the%2020%25%20discount%20on%3F${TAG}`,
  ],
  ['https://t.me/jane_doe?text=%ZZ', `https://t.me/jane_doe?text=%25ZZ${TAG}`],
  ['https://t.me/jane_doe?text=100%', `https://t.me/jane_doe?text=100%25${TAG}`],
  ['https://t.me/jane_doe?text=50%%20off', `https://t.me/jane_doe?text=50%25%20off${TAG}`],
  ['https://t.me/jane_doe?utm=%ZZ&text=20%', `https://t.me/jane_doe?utm=%ZZ&text=20%25${TAG}`],
  // Left alone: escapes that are not UTF-8, and non-messenger links
  ['https://t.me/jane_doe?text=%E0%A4%A', 'https://t.me/jane_doe?text=%E0%A4%A'],
  ['https://t.me/jane_doe?text=%FF', 'https://t.me/jane_doe?text=%FF'],
  // A `?` inside a value separates nothing: `text=b` there is part of `x`.
  ['https://wa.me/79161234567?x=a?text=b', `https://wa.me/79161234567?x=a?text=b&text=${T}`],
  ['viber://chat?number=1&x=a?text=b', `viber://chat?number=1&x=a?text=b&draft=${T}`],
  // Malformed encoding in another parameter is that parameter's business: kept byte for byte.
  ['https://t.me/jane_doe?ref_id=%ZZ', `https://t.me/jane_doe?ref_id=%ZZ&text=${T}`],
  ['https://example.com/t.me/shop_bot', 'https://example.com/t.me/shop_bot'],
  ['https://t.me.evil.com/shop_bot', 'https://t.me.evil.com/shop_bot'],
  ['https://nott.me/shop_bot', 'https://nott.me/shop_bot'],
  ['https://user@t.me/shop_bot', 'https://user@t.me/shop_bot'],
  ['ftp://t.me/shop_bot', 'ftp://t.me/shop_bot'],
  [' https://t.me/shop_bot', ' https://t.me/shop_bot'],
  ['mailto:sales@example.com', 'mailto:sales@example.com'],
  ['/contacts', '/contacts'],
  ['#order', '#order'],
  ['', ''],
  ['javascript:void(0)', 'javascript:void(0)'],
];

describe('rewrite: real-world link table', () => {
  it('has at least 60 link forms', () => assert.ok(TABLE.length >= 60, `${TABLE.length}`));
  for (const [input, expected] of TABLE) {
    it(`${JSON.stringify(input)} → ${input === expected ? 'unchanged' : JSON.stringify(expected)}`, () => {
      assert.equal(rewrite(input, OPTS), expected);
      assert.equal(rewrite(expected, OPTS), expected, 'a second pass changes nothing');
    });
  }
});

describe('rewrite: messages', () => {
  it('follows the page language: Russian for ru', () => {
    const ru = { ...OPTS, ...defaultMessage('ru-RU') };
    const out = rewrite('https://wa.me/79161234567', ru);
    assert.equal(decodeURIComponent(out.split('text=')[1]!), `Здравствуйте!\nНомер обращения: ${ID}`);
  });
  it('keeps the visitor-facing text and puts the tag on its own line', () => {
    assert.equal(
      renderMessage('{text}\nRequest ID: {id}', 'I want a sofa', ID, 'Hello!'),
      `I want a sofa\nRequest ID: ${ID}`,
    );
  });
  it('adds the link text before a custom template without {text}', () => {
    assert.equal(renderMessage('Ref {id}', 'Hi', ID), `Hi\nRef ${ID}`);
    assert.equal(renderMessage('Ref {id}', '', ID), `Ref ${ID}`);
  });
  it('never encodes a space as +', () => {
    assert.doesNotMatch(rewrite('https://wa.me/79161234567?text=a+b', OPTS), /\+/);
  });
});

describe('classify', () => {
  it('names the messenger and the carrier', () => {
    assert.deepEqual(classify('https://t.me/shop_bot'), ['telegram', 'start']);
    assert.deepEqual(classify('https://wa.me/1555'), ['whatsapp', 'text']);
    assert.deepEqual(classify('viber://pa?chatURI=x'), ['viber', 'context']);
    assert.equal(classify('https://example.com'), undefined);
    // Still a chat link, though its pre-filled text cannot be extended.
    assert.deepEqual(classify('https://wa.me/1555?text=%FF'), ['whatsapp', 'text']);
  });
});

// Messenger-looking URLs assembled from awkward parts, so that the properties see real carriers.
// The table's links with awkward parameters added.
const realLinks = fc
  .tuple(fc.constantFrom(...TABLE.map((t) => t[0])), fc.constantFrom('', '?', '&', '?x=1', '&y', '#z', '?a=%20+b'))
  .map(([u, extra]) => u + extra);
const part = fc.string({ unit: fc.constantFrom(...'aZ9_-+%=&?#/.:~ é2F'.split('')), maxLength: 12 });
const messengerish = fc
  .tuple(
    fc.constantFrom('https://', 'http://', '//', 'HTTPS://WWW.', 'tg://', 'tg:', 'whatsapp://', 'viber://'),
    fc.constantFrom(
      't.me/',
      'T.ME/',
      'telegram.me/',
      'wa.me/',
      'api.whatsapp.com/send',
      'resolve',
      'send',
      'chat',
      'pa',
    ),
    fc.constantFrom('', 'shop_bot', 'jane_doe', '+79161234567', '79161234567', 'joinchat/x', 'a/b', ''),
    fc.array(
      fc.tuple(
        fc.constantFrom('start', 'text', 'draft', 'context', 'domain', 'phone', 'number', 'chatURI', 'utm', ''),
        part,
      ),
      { maxLength: 4 },
    ),
    fc.option(part),
  )
  .map(([s, h, p, ps, frag]) => {
    const q = ps.length ? `?${ps.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
    return `${s}${h}${p}${q}${frag === null ? '' : `#${frag}`}`;
  });
const anyUrl = fc.oneof(
  fc.string(),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  { arbitrary: messengerish, weight: 6 },
  { arbitrary: realLinks, weight: 3 },
);

/** Everything but the carrier parameter: head, the other parameters in order, the fragment. */
function withoutCarrier(url: string, carrier: string): [string, string[], string] {
  const hash = url.indexOf('#');
  const beforeHash = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? '' : url.slice(hash);
  const q = beforeHash.indexOf('?');
  const head = q < 0 ? beforeHash : beforeHash.slice(0, q);
  const params = q < 0 ? [] : beforeHash.slice(q + 1).split('&');
  const first = params.findIndex((p) => p === carrier || p.startsWith(`${carrier}=`));
  return [head, params.filter((p, i) => i !== first && p !== ''), fragment];
}

/**
 * True when the carrier's value is not UTF-8 once every `%` that starts no escape is read as a
 * literal `%`: such a link cannot be extended.
 */
function carrierMalformed(url: string, carrier: string): boolean {
  const beforeHash = url.split('#')[0]!;
  const query = beforeHash.includes('?') ? beforeHash.slice(beforeHash.indexOf('?') + 1) : '';
  const value = query.split('&').find((p) => p === carrier || p.startsWith(`${carrier}=`)) ?? '';
  try {
    decodeURIComponent(value.slice(carrier.length + 1).replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
    return false;
  } catch {
    return true;
  }
}

describe('rewrite: properties', () => {
  it('never throws, on any string', () => {
    fc.assert(
      fc.property(anyUrl, (u) => {
        rewrite(u, OPTS);
        classify(u, OPTS.bots);
      }),
      { numRuns: 3000 },
    );
  });
  it('is idempotent', () => {
    fc.assert(
      fc.property(anyUrl, (u) => {
        const once = rewrite(u, OPTS);
        assert.equal(rewrite(once, OPTS), once);
      }),
      { numRuns: 3000 },
    );
  });
  it('changes nothing but the carrier parameter of messenger links', () => {
    let changed = 0;
    fc.assert(
      fc.property(anyUrl, (u) => {
        const out = rewrite(u, OPTS);
        const kind = classify(u, OPTS.bots);
        if (!kind || carrierMalformed(u, kind[1])) return assert.equal(out, u);
        if (out !== u) changed++;
        assert.deepEqual(withoutCarrier(out, kind[1]), withoutCarrier(u, kind[1]));
        assert.ok(out.includes(ID) || decodeURIComponent(out).includes(ID), out);
      }),
      { numRuns: 3000 },
    );
    assert.ok(changed > 300, `the generator must reach real messenger links, got ${changed}`);
  });
});
