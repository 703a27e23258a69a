import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, type TestContext, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { isChatId } from '../match/format.js';
import type { Logger } from './logger.js';
import { API_KEY, postChat, startCollector, WEBHOOK_SECRET } from './test-support/server.js';

// Bridge links (`/go/NAME`): a visit from an ad or a QR code pairs a fresh chat ID with the yclid,
// then redirects to the messenger with the chat ID written in. Real HTTP on loopback, on SQLite and
// on PostgreSQL.

const LINKS = {
  bot: 'https://t.me/shop_bot',
  person: 'https://t.me/jane_doe',
  wa: 'https://wa.me/79161234567',
  viber: 'viber://chat?number=%2B79161234567',
  'viber-bot': 'viber://pa?chatURI=shopbot',
};
const YCLID = '5882301234567890123';
const BROWSER =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
const CHAT_ID = /CT[2-9A-HJ-NP-Z]{8}/;

/** A visit as a phone's browser makes it; the redirect is not followed. */
function visit(url: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> {
  return fetch(`${url}${path}`, {
    method,
    redirect: 'manual',
    headers: { 'User-Agent': BROWSER, 'Accept-Language': 'en-US,en;q=0.9', ...headers },
  });
}

const chatIdIn = (location: string | null): string => {
  const id = CHAT_ID.exec(decodeURIComponent(location ?? ''))?.[0];
  assert.ok(id, `no chat ID in ${location}`);
  return id;
};

async function csvRows(url: string): Promise<Array<Record<string, string>>> {
  const res = await fetch(`${url}/v1/conversions.csv`, { headers: { Authorization: `Bearer ${API_KEY}` } });
  assert.equal(res.status, 200);
  return parse(await res.text(), { columns: true });
}

function telegramStart(url: string, payload: string, userId: number): Promise<Response> {
  const now = Math.floor(Date.now() / 1000);
  return fetch(`${url}/v1/webhooks/telegram/${WEBHOOK_SECRET}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      update_id: userId,
      message: {
        message_id: 1,
        date: now,
        text: `/start ${payload}`,
        from: { id: userId, is_bot: false, first_name: 'Ann' },
        chat: { id: userId, type: 'private' },
      },
    }),
  });
}

const withLinks = (t: TestContext, kind: 'sqlite' | 'postgres', options = {}) =>
  startCollector(t, { links: LINKS, rateLimit: false, ...options }, kind);

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`bridge links (${kind})`, () => {
    test('redirects each kind of messenger link with a fresh chat ID, paired with the yclid', async (t) => {
      const s = await withLinks(t, kind);
      if (!s) return;
      const expected: Record<string, (id: string) => string> = {
        bot: (id) => `https://t.me/shop_bot?start=${id}`,
        person: (id) => `https://t.me/jane_doe?text=Hello!%0ARequest%20ID%3A%20${id}`,
        wa: (id) => `https://wa.me/79161234567?text=Hello!%0ARequest%20ID%3A%20${id}`,
        viber: (id) => `viber://chat?number=%2B79161234567&draft=Hello!%0ARequest%20ID%3A%20${id}`,
        'viber-bot': (id) => `viber://pa?chatURI=shopbot&context=${id}`,
      };
      const platform: Record<string, string> = {
        bot: 'telegram',
        person: 'telegram',
        wa: 'whatsapp',
        viber: 'viber',
        'viber-bot': 'viber',
      };
      const ids = new Set<string>();
      for (const name of Object.keys(LINKS)) {
        const before = Date.now();
        const res = await visit(s.url, `/go/${name}?yclid=${YCLID}&utm_source=yandex&utm_campaign=autumn`);
        assert.equal(res.status, 302, name);
        assert.equal(res.headers.get('cache-control'), 'no-store');
        assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
        const id = chatIdIn(res.headers.get('location'));
        assert.ok(isChatId(id), id);
        assert.equal(res.headers.get('location'), expected[name]?.(id), name);
        ids.add(id);
        const pairing = await s.collector.storage.findPairing(id, Date.now());
        assert.ok(pairing, `pairing of ${name}`);
        assert.equal(pairing.yclid, YCLID);
        assert.equal(pairing.link, name);
        assert.equal(pairing.platform, platform[name]);
        assert.deepEqual(pairing.utm, { utm_source: 'yandex', utm_campaign: 'autumn' });
        assert.equal(pairing.clientId, undefined);
        assert.ok(pairing.receivedAt >= before && pairing.receivedAt <= Date.now());
      }
      assert.equal(ids.size, Object.keys(LINKS).length, 'every visit has its own chat ID');
      assert.equal((await s.collector.storage.snapshot()).pairings.length, Object.keys(LINKS).length);
    });

    test('the first message follows the visitor’s language', async (t) => {
      const s = await withLinks(t, kind);
      if (!s) return;
      const res = await visit(s.url, '/go/wa', { 'Accept-Language': 'ru-RU,ru;q=0.9,en;q=0.5' });
      const id = chatIdIn(res.headers.get('location'));
      assert.equal(
        new URL(res.headers.get('location') ?? '').searchParams.get('text'),
        `Здравствуйте!\nНомер обращения: ${id}`,
      );
    });

    test('bridge → bot /start → a CSV row with the Yclid and no ClientID', async (t) => {
      const s = await withLinks(t, kind);
      if (!s) return;
      const res = await visit(s.url, `/go/bot?yclid=${YCLID}`);
      const start = new URL(res.headers.get('location') ?? '').searchParams.get('start');
      assert.ok(start);
      const hook = await telegramStart(s.url, start, 424242);
      assert.equal(hook.status, 200);
      assert.equal((await hook.json()).chats[0].chatId, start);
      const rows = await csvRows(s.url);
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.Yclid, YCLID);
      assert.equal(rows[0]?.ClientID, '');
      assert.equal(rows[0]?.ChatPlatform, 'telegram');
      assert.equal(rows[0]?.ChatUserID, '424242');
    });

    test('bridge → WhatsApp chat reported through the CRM API → a CSV row with the Yclid', async (t) => {
      const s = await withLinks(t, kind);
      if (!s) return;
      const res = await visit(s.url, `/go/wa?yclid=${YCLID}&utm_source=flyer`);
      // The visitor sends the pre-filled message as it is; the CRM reports it.
      const text = new URL(res.headers.get('location') ?? '').searchParams.get('text');
      const chat = await postChat(s.url, { platform: 'whatsapp', phoneNumber: '+79990001111', text });
      assert.equal(chat.status, 201);
      const body = await chat.json();
      assert.deepEqual(body.matched, { yclid: YCLID });
      const rows = await csvRows(s.url);
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.Yclid, YCLID);
      assert.equal(rows[0]?.ClientID, '');
      assert.equal(rows[0]?.ChatPlatform, 'whatsapp');
      assert.equal(rows[0]?.PhoneNumber, '+79990001111');
    });

    test('stats and the report count visits, chats and matches per link name', async (t) => {
      const s = await withLinks(t, kind);
      if (!s) return;
      const a = await visit(s.url, `/go/bot?yclid=${YCLID}`);
      await visit(s.url, '/go/bot?yclid=1111');
      await visit(s.url, '/go/wa');
      const wa = await visit(s.url, '/go/wa');
      await telegramStart(s.url, chatIdIn(a.headers.get('location')), 1);
      const text = new URL(wa.headers.get('location') ?? '').searchParams.get('text');
      assert.equal((await postChat(s.url, { platform: 'whatsapp', phoneNumber: '+79990001111', text })).status, 201);
      // A chat that came through no bridge link is not counted under any link.
      assert.equal((await postChat(s.url, { platform: 'telegram', chatUserId: '99', text: 'hi' })).status, 201);
      const res = await fetch(`${s.url}/v1/stats`, { headers: { Authorization: `Bearer ${API_KEY}` } });
      const stats = await res.json();
      assert.deepEqual(stats.byLink, {
        bot: { visits: 2, chats: 1, matched: 1 },
        wa: { visits: 2, chats: 1, matched: 0 },
      });
      assert.equal(stats.chats, 3);
    });

    test('an unknown name is a 404, and stores nothing', async (t) => {
      const s = await withLinks(t, kind);
      if (!s) return;
      for (const path of [
        '/go/nope',
        '/go/',
        '/go',
        '/go/BOT',
        '/go/bot/',
        '/go/bot/x',
        '/go/__proto__',
        '/go/constructor',
      ]) {
        const res = await visit(s.url, path);
        assert.equal(res.status, 404, path);
        assert.equal(res.headers.get('location'), null, path);
        await res.arrayBuffer();
      }
      assert.equal((await s.collector.storage.snapshot()).pairings.length, 0);
    });

    test('no open redirect: tricks in the name and in the query never change where it goes', async (t) => {
      const s = await withLinks(t, kind);
      if (!s) return;
      const names = [
        '/go/https:%2F%2Fevil.example',
        '/go/%2F%2Fevil.example',
        '/go//evil.example',
        '/go/..%2F..%2Fevil',
        '/go/bot%2F..%2F..%2Fevil',
        '/go/bot%00',
        '/go/bot%0D%0ALocation:%20https:%2F%2Fevil.example',
        '/go/%62ot',
        '/go/@evil.example',
      ];
      for (const path of names) {
        const res = await visit(s.url, path);
        assert.equal(res.status, 404, path);
        assert.equal(res.headers.get('location'), null, path);
        await res.arrayBuffer();
      }
      const queries = [
        '?url=https://evil.example',
        '?redirect=https%3A%2F%2Fevil.example&next=//evil.example&to=//evil.example&return=/\\evil.example',
        '?start=evil&text=evil&domain=evil_bot',
        '?yclid=1%0D%0ALocation:%20https://evil.example',
        '?utm_source=%0D%0ASet-Cookie:%20x=1',
        '#https://evil.example',
      ];
      for (const query of queries) {
        const res = await visit(s.url, `/go/bot${query}`);
        assert.equal(res.status, 302, query);
        const location = res.headers.get('location') ?? '';
        assert.equal(location, `https://t.me/shop_bot?start=${chatIdIn(location)}`, query);
        assert.equal(res.headers.get('set-cookie')?.includes('x=1'), false);
      }
      // An absolute-form request target names another host; only the path counts.
      const absolute = await new Promise<{ status?: number; location?: string }>((resolve, reject) => {
        const { port } = new URL(s.url);
        const req = request(
          { host: '127.0.0.1', port, path: 'http://evil.example/go/bot', headers: { 'User-Agent': BROWSER } },
          (res) => {
            res.resume();
            resolve({ status: res.statusCode, location: res.headers.location });
          },
        );
        req.on('error', reject);
        req.end();
      });
      assert.equal(absolute.status, 302);
      assert.match(absolute.location ?? '', /^https:\/\/t\.me\/shop_bot\?start=CT[2-9A-HJ-NP-Z]{8}$/);
    });

    test('HEAD stores nothing, sets no cookie, and points at the link as configured', async (t) => {
      const s = await withLinks(t, kind);
      if (!s) return;
      const before = await s.collector.storage.snapshot();
      for (const name of Object.keys(LINKS)) {
        const res = await visit(s.url, `/go/${name}?yclid=${YCLID}`, {}, 'HEAD');
        assert.equal(res.status, 302);
        assert.equal(res.headers.get('location'), LINKS[name as keyof typeof LINKS]);
        assert.equal(res.headers.get('set-cookie'), null);
        assert.equal(res.headers.get('cache-control'), 'no-store');
        assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
      }
      assert.deepEqual(await s.collector.storage.snapshot(), before);
    });

    test('link previews, robots and requests without a User-Agent store nothing', async (t) => {
      const s = await withLinks(t, kind);
      if (!s) return;
      const robots = [
        'TelegramBot (like TwitterBot)',
        'WhatsApp/2.23.20.0 A',
        'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
        'Mozilla/5.0 (compatible; YandexDirect/3.0; +http://yandex.com/bots)',
        'curl/8.5.0',
        '',
      ];
      for (const ua of robots) {
        const res = await visit(s.url, `/go/bot?yclid=${YCLID}`, { 'User-Agent': ua });
        assert.equal(res.status, 302, ua);
        assert.equal(res.headers.get('location'), LINKS.bot, ua);
        assert.equal(res.headers.get('set-cookie'), null, ua);
      }
      assert.equal((await s.collector.storage.snapshot()).pairings.length, 0);
    });

    test('a second visit from the same browser keeps its chat ID; a new ad click adds a pairing', async (t) => {
      const s = await withLinks(t, kind);
      if (!s) return;
      const first = await visit(s.url, `/go/bot?yclid=${YCLID}&utm_source=yandex`);
      const id = chatIdIn(first.headers.get('location'));
      const cookie = first.headers.get('set-cookie') ?? '';
      assert.equal(cookie, `_mc_go=${id}; Max-Age=1800; Path=/go/bot; HttpOnly; SameSite=Lax`);
      const jar = { Cookie: cookie.split(';')[0] as string };
      // A reload: the same chat ID, and nothing new to store.
      const again = await visit(s.url, `/go/bot?yclid=${YCLID}&utm_source=yandex`, jar);
      assert.equal(again.headers.get('location'), `https://t.me/shop_bot?start=${id}`);
      assert.equal((await s.collector.storage.snapshot()).pairings.length, 1);
      // Another ad click: the same chat ID, paired with the new yclid.
      const click = await visit(s.url, '/go/bot?yclid=777', jar);
      assert.equal(click.headers.get('location'), `https://t.me/shop_bot?start=${id}`);
      const pairings = (await s.collector.storage.snapshot()).pairings;
      assert.deepEqual(
        pairings.map((p) => [p.chatId, p.yclid]),
        [
          [id, YCLID],
          [id, '777'],
        ],
      );
      // Without the cookie, or with one that is no chat ID of ours, a fresh chat ID.
      const jars: Array<Record<string, string>> = [
        {},
        { Cookie: '_mc_go=https://evil.example' },
        { Cookie: '_mc_go=CT0000000000' },
      ];
      for (const headers of jars) {
        const other = await visit(s.url, '/go/bot', headers);
        assert.notEqual(chatIdIn(other.headers.get('location')), id);
      }
    });

    test('the cookie is scoped to the link under the path prefix, and Secure behind an HTTPS proxy', async (t) => {
      const s = await withLinks(t, kind, { pathPrefix: '/px', trustProxy: true });
      if (!s) return;
      const res = await visit(s.url, '/go/wa', { 'X-Forwarded-Proto': 'https' });
      assert.equal(res.status, 302);
      assert.match(res.headers.get('set-cookie') ?? '', /; Path=\/px\/go\/wa; HttpOnly; SameSite=Lax; Secure$/);
    });

    test('a bad yclid or UTM value is left out and logged; the visitor still gets through', async (t) => {
      const warnings: Array<Record<string, unknown>> = [];
      const logger: Logger = { info() {}, error() {}, warn: (_m, fields) => warnings.push(fields ?? {}) };
      const s = await withLinks(t, kind, { logger });
      if (!s) return;
      const res = await visit(s.url, `/go/bot?yclid=%7Byclid%7D&utm_source=${'x'.repeat(300)}&utm_medium=cpc`);
      assert.equal(res.status, 302);
      const pairing = await s.collector.storage.findPairing(chatIdIn(res.headers.get('location')), Date.now());
      assert.equal(pairing?.yclid, undefined);
      assert.deepEqual(pairing?.utm, { utm_medium: 'cpc' });
      assert.deepEqual(
        warnings.map((w) => [w.link, w.field, w.error]),
        [
          ['bot', 'yclid', 'yclid must be the digits of the Yandex Direct click ID (1 to 24 digits), got "{yclid}"'],
          ['bot', 'utm_source', 'utm_source must be at most 256 characters, got 300'],
        ],
      );
    });

    test('over the rate limit, a visitor is still redirected, but nothing is stored', async (t) => {
      const s = await withLinks(t, kind, { rateLimit: { perMinute: 6, burst: 2 } });
      if (!s) return;
      const locations: string[] = [];
      for (let i = 0; i < 4; i++) locations.push((await visit(s.url, '/go/bot')).headers.get('location') ?? '');
      assert.match(locations[0] ?? '', CHAT_ID);
      assert.match(locations[1] ?? '', CHAT_ID);
      assert.deepEqual(locations.slice(2), [LINKS.bot, LINKS.bot]);
      assert.equal((await s.collector.storage.snapshot()).pairings.length, 2);
    });
  });
}

describe('bridge link with a failing database', () => {
  test('the visitor is still sent to the messenger with a chat ID, and the failure is logged', async (t) => {
    const errors: Array<Record<string, unknown>> = [];
    const logger: Logger = { info() {}, warn() {}, error: (_m, fields) => errors.push(fields ?? {}) };
    const s = await startCollector(t, { links: LINKS, rateLimit: false, logger });
    if (!s) return;
    s.collector.storage.insertPairing = () => Promise.reject(new Error('disk I/O error'));
    const res = await visit(s.url, `/go/bot?yclid=${YCLID}`);
    assert.equal(res.status, 302);
    const id = chatIdIn(res.headers.get('location'));
    assert.equal(res.headers.get('location'), `https://t.me/shop_bot?start=${id}`);
    assert.deepEqual(errors, [{ link: 'bot', chatId: id, error: 'disk I/O error' }]);
  });
});

describe('bridge link configuration', () => {
  test('a link that cannot carry a chat ID stops the collector at start-up, with the reason', async (t) => {
    await assert.rejects(
      startCollector(t, { links: { invite: 'https://t.me/+AbCdEf123456' } }),
      /link invite: "https:\/\/t\.me\/\+AbCdEf123456" is refused: it is an invite link/,
    );
    await assert.rejects(startCollector(t, { links: { 'Bad Name': 'https://t.me/shop_bot' } }), /link name "Bad Name"/);
  });

  test('without links, /go/ is a 404', async (t) => {
    const s = await startCollector(t);
    if (!s) return;
    assert.equal((await visit(s.url, '/go/bot')).status, 404);
  });

  test('POST to a bridge link is a 405 naming GET and HEAD', async (t) => {
    const s = await startCollector(t, { links: LINKS });
    if (!s) return;
    const res = await visit(s.url, '/go/bot', {}, 'POST');
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'GET, HEAD');
  });
});
