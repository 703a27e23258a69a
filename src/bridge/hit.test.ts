import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_FORMAT, isChatId } from '../match/format.js';
import { extractChatId, parseStartPayload } from '../match/index.js';
import { bridgeTarget, isRobot, MAX_UTM_LENGTH, readBridgeQuery, readReuseCookie, reuseCookie } from './hit.js';
import { checkLink } from './links.js';

const ID = 'CT7KQ2M9XA';
const q = (s: string) => readBridgeQuery(new URLSearchParams(s));

describe('readBridgeQuery', () => {
  it('reads yclid and the UTM parameters, and nothing else', () => {
    assert.deepEqual(
      q(
        'yclid=4812923512395776&utm_source=yandex&utm_medium=cpc&utm_campaign=autumn&utm_content=ad7&utm_term=sofa&to=https://evil.example',
      ),
      {
        yclid: '4812923512395776',
        utm: { utm_source: 'yandex', utm_medium: 'cpc', utm_campaign: 'autumn', utm_content: 'ad7', utm_term: 'sofa' },
        ignored: [],
      },
    );
  });
  it('keeps emoji and other letters outside the BMP whole, and counts them as one character each', () => {
    const emoji = '🛋'.repeat(MAX_UTM_LENGTH);
    assert.deepEqual(q(`utm_content=${encodeURIComponent(emoji)}`).utm, { utm_content: emoji });
  });
  it('drops a UTM value with a broken character', () => {
    const r = q('utm_source=%ED%A0%80x');
    assert.deepEqual(r.utm, {});
    assert.match(r.ignored[0]?.reason ?? '', /utm_source contains a broken Unicode character/);
  });
  it('decodes UTM values as forms do', () => {
    assert.deepEqual(q('utm_term=%D0%B4%D0%B8%D0%B2%D0%B0%D0%BD+%D1%83%D0%B3%D0%BB%D0%BE%D0%B2%D0%BE%D0%B9').utm, {
      utm_term: 'диван угловой',
    });
  });
  it('treats empty values as absent', () => {
    assert.deepEqual(q('yclid=&utm_source='), { utm: {}, ignored: [] });
  });
  it('drops a yclid that is not digits, and says why', () => {
    for (const bad of ['{yclid}', '12a', '-1', '1'.repeat(25), 'https://evil.example']) {
      const r = q(`yclid=${encodeURIComponent(bad)}`);
      assert.equal(r.yclid, undefined);
      assert.equal(r.ignored.length, 1);
      assert.equal(r.ignored[0]?.field, 'yclid');
      assert.match(
        r.ignored[0]?.reason ?? '',
        /yclid must be the digits of the Yandex Direct click ID \(1 to 24 digits\), got /,
      );
    }
  });
  it('drops a parameter given twice', () => {
    const r = q('yclid=1&yclid=2&utm_source=a&utm_source=b');
    assert.equal(r.yclid, undefined);
    assert.deepEqual(r.utm, {});
    assert.deepEqual(
      r.ignored.map((i) => i.reason),
      ['yclid is given 2 times; expected once', 'utm_source is given 2 times; expected once'],
    );
  });
  it('drops an over-long or unprintable UTM value and keeps the rest', () => {
    const r = q(`utm_source=${'x'.repeat(MAX_UTM_LENGTH + 1)}&utm_medium=a%0Ab&utm_campaign=%E2%80%AEevil&utm_term=ok`);
    assert.deepEqual(r.utm, { utm_term: 'ok' });
    assert.deepEqual(
      r.ignored.map((i) => i.field),
      ['utm_source', 'utm_medium', 'utm_campaign'],
    );
    assert.match(r.ignored[0]?.reason ?? '', /at most 256 characters, got 257/);
  });
});

describe('isRobot', () => {
  const robots = [
    'TelegramBot (like TwitterBot)',
    'WhatsApp/2.23.20.0 A',
    'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
    'Mozilla/5.0 (compatible; YandexDirect/3.0; +http://yandex.com/bots)',
    'Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)',
    'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
    'vkShare; +http://vk.com/dev/Share',
    'curl/8.5.0',
    '',
    '   ',
    undefined,
  ];
  for (const ua of robots) it(`${JSON.stringify(ua)} is a robot`, () => assert.equal(isRobot(ua), true));
  const people = [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Telegram-iOS',
    'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 Mobile Safari/537.36 YaBrowser/23.7',
  ];
  for (const ua of people)
    it(`${JSON.stringify(ua.slice(0, 40))}… is a person`, () => assert.equal(isRobot(ua), false));
});

describe('bridgeTarget', () => {
  const target = (url: string, lang?: string) => bridgeTarget(checkLink('x', url), ID, DEFAULT_FORMAT, lang);

  it('writes start= for a bot, and the bot gets the ID back from /start', () => {
    const out = target('https://t.me/shop_bot');
    assert.equal(out, `https://t.me/shop_bot?start=${ID}`);
    const start = new URL(out).searchParams.get('start');
    assert.equal(extractChatId(parseStartPayload(`/start ${start}`) ?? '', DEFAULT_FORMAT), ID);
  });
  it('writes the tagged first message for a personal account, in the visitor’s language', () => {
    assert.equal(
      new URL(target('https://t.me/jane_doe', 'ru-RU,ru;q=0.9,en;q=0.8')).searchParams.get('text'),
      `Здравствуйте!\nНомер обращения: ${ID}`,
    );
    assert.equal(
      new URL(target('https://wa.me/79161234567', 'en-GB')).searchParams.get('text'),
      `Hello!\nRequest ID: ${ID}`,
    );
    assert.equal(new URL(target('https://wa.me/79161234567')).searchParams.get('text'), `Hello!\nRequest ID: ${ID}`);
  });
  it('keeps the link’s own text and adds the tag', () => {
    const out = target('https://wa.me/79161234567?text=I%27d%20like%20a%20quote', 'en');
    assert.equal(new URL(out).searchParams.get('text'), `I'd like a quote\nRequest ID: ${ID}`);
  });
  it('writes Viber’s draft and context', () => {
    assert.equal(target('viber://pa?chatURI=shopbot'), `viber://pa?chatURI=shopbot&context=${ID}`);
    assert.match(target('viber://chat?number=%2B79161234567'), new RegExp(`&draft=Hello!%0ARequest%20ID%3A%20${ID}$`));
  });
});

describe('reuse cookie', () => {
  const valid = (id: string) => isChatId(id, DEFAULT_FORMAT);
  it('round-trips the chat ID', () => {
    const set = reuseCookie(ID, '/go/promo', true);
    assert.equal(set, `_mc_go=${ID}; Max-Age=1800; Path=/go/promo; HttpOnly; SameSite=Lax; Secure`);
    assert.equal(readReuseCookie(`a=1; ${set.split(';')[0]}; b=2`, valid), ID);
  });
  it('omits Secure over plain HTTP', () => {
    assert.doesNotMatch(reuseCookie(ID, '/go/promo', false), /Secure/);
  });
  it('ignores a value that is not a chat ID of the format', () => {
    assert.equal(readReuseCookie('_mc_go=https://evil.example', valid), null);
    assert.equal(readReuseCookie('_mc_go=CT0000000000', valid), null);
    assert.equal(readReuseCookie(undefined, valid), null);
    assert.equal(readReuseCookie('x_mc_go=CT7KQ2M9XA', valid), null);
  });
});
