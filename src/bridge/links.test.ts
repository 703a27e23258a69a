import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkLink, LinkConfigError, linkProblem, linkTable, parseLinkSpec, splitLinkList } from './links.js';

const parseLink = (spec: string) => checkLink(...parseLinkSpec(spec));

describe('checkLink', () => {
  const accepted: Array<[string, string, string]> = [
    ['bot=https://t.me/shop_bot', 'telegram', 'start'],
    ['bot-forced=https://t.me/support_team?start=', 'telegram', 'start'],
    ['bot-app=tg://resolve?domain=shop_bot', 'telegram', 'start'],
    ['person=https://t.me/jane_doe', 'telegram', 'text'],
    ['phone=https://t.me/+79161234567', 'telegram', 'text'],
    ['wa=https://wa.me/79161234567', 'whatsapp', 'text'],
    ['wa-text=https://wa.me/79161234567?text=I%27d%20like%20a%20quote', 'whatsapp', 'text'],
    ['wa-api=https://api.whatsapp.com/send?phone=79161234567', 'whatsapp', 'text'],
    ['viber=viber://chat?number=%2B79161234567', 'viber', 'draft'],
    ['viber-bot=viber://pa?chatURI=shopbot', 'viber', 'context'],
  ];
  for (const [spec, platform, carrier] of accepted) {
    it(`accepts ${spec}`, () => {
      const eq = spec.indexOf('=');
      assert.deepEqual(parseLink(spec), {
        name: spec.slice(0, eq),
        url: spec.slice(eq + 1),
        kind: [platform, carrier],
      });
    });
  }

  it('trims blanks around the name and the URL', () => {
    assert.equal(parseLink(' promo = https://t.me/shop_bot ').url, 'https://t.me/shop_bot');
  });

  // [spec, a piece of the expected reason]
  const refused: Array<[string, RegExp]> = [
    ['invite=https://t.me/+AbCdEf123456', /invite link/],
    ['invite=https://t.me/joinchat/AbCdEf123456', /invite link/],
    ['invite=tg://join?invite=AbCdEf123456', /invite link/],
    ['short=https://wa.me/message/ABCDEFGHIJKL1', /wa\.me\/message.*fixed pre-filled text/],
    ['share=https://t.me/share/url?url=https%3A%2F%2Fexample.com', /share/],
    ['post=https://t.me/shop_news/123', /channel post/],
    ['app=https://t.me/shop_bot?startapp=x', /Mini App/],
    ['affiliate=https://t.me/shop_bot?start=_tgr_abc', /_tgr_/],
    ['nophone=https://wa.me/?text=Hi', /no phone number/],
    ['site=https://example.com/contact', /not a link to a Telegram bot/],
    ['js=javascript:alert(1)', /not a link to a Telegram bot/],
    ['relative=//t.me/shop_bot', /absolute messenger link with its scheme/],
    ['path=/go/other', /absolute messenger link with its scheme/],
    ['space=https://t.me/jane_doe?text=Hi there', /percent-encode/],
    ['cyrillic=https://t.me/jane_doe?text=Привет', /percent-encode/],
    ['crlf=https://t.me/shop_bot\r\nSet-Cookie:x=1', /control character/],
    ['malformed=https://wa.me/79161234567?text=%E0%A4%A', /malformed percent-encoding/],
  ];
  for (const [spec, reason] of refused) {
    it(`refuses ${JSON.stringify(spec)} and says why`, () => {
      assert.throws(
        () => parseLink(spec),
        (e: Error) => {
          assert.ok(e instanceof LinkConfigError);
          assert.match(e.message, /is refused: /);
          assert.match(e.message, reason);
          assert.ok(e.message.includes(spec.slice(0, spec.indexOf('='))), e.message);
          return true;
        },
      );
    });
  }

  const badNames = ['Promo', 'a'.repeat(33), 'pro_mo', 'pro/mo', '..', 'промо', ''];
  for (const name of badNames) {
    it(`refuses the name ${JSON.stringify(name)}`, () => {
      assert.throws(() => parseLink(`${name}=https://t.me/shop_bot`), /must be 1–32 characters of lower-case a-z, 0-9/);
    });
  }

  it('refuses a pair without =', () => {
    assert.throws(() => parseLink('https://t.me/shop_bot'), /must be NAME=URL/);
    assert.throws(() => parseLink('promo='), /must be NAME=URL/);
  });
});

describe('linkTable', () => {
  it('keys links by name', () => {
    const links = linkTable([
      ['a', 'https://t.me/a_bot'],
      ['b', 'https://wa.me/79161234567'],
    ]);
    assert.deepEqual([...links.keys()], ['a', 'b']);
  });
  it('refuses a name given twice', () => {
    assert.throws(
      () =>
        linkTable([
          ['a', 'https://t.me/a_bot'],
          ['a', 'https://t.me/b_bot'],
        ]),
      /"a" is given twice/,
    );
  });
});

describe('linkProblem', () => {
  it('is null for a link the rules carry an ID in', () => {
    assert.equal(linkProblem('https://t.me/shop_bot'), null);
  });
});

describe('splitLinkList', () => {
  it('splits pairs at commas, but not at a comma inside a URL', () => {
    assert.deepEqual(
      splitLinkList('a=https://t.me/a_bot, b=https://wa.me/79161234567?text=Hi,%20there,c=viber://pa?chatURI=x'),
      ['a=https://t.me/a_bot', 'b=https://wa.me/79161234567?text=Hi,%20there', 'c=viber://pa?chatURI=x'],
    );
  });
  it('is empty for nothing', () => {
    assert.deepEqual(splitLinkList(undefined), []);
    assert.deepEqual(splitLinkList(' , '), []);
  });
});
