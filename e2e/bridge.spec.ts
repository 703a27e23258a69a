import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, expect, test } from '@playwright/test';
import { type Collector, createCollector } from '../src/collector/index.js';

// A bridge link in a real browser: Chromium opens /go/NAME as a phone would after an ad click,
// follows the redirect (the messenger's site is answered locally), keeps the collector's cookie,
// and the chat it starts comes back as a CHATS row with the ad click's yclid.

const YCLID = '5882301234567890123';
const SECRET = 'hook-secret-abc-0123456789';
const KEY = 'test-key-0123456789';

let dir: string;
let collector: Collector;
let base: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'metrica-chats-bridge-'));
  collector = await createCollector({
    db: join(dir, 'c.db'),
    links: { promo: 'https://t.me/shop_bot', wa: 'https://wa.me/79161234567' },
    apiKeys: [KEY],
    webhookSecret: SECRET,
    logger: false,
  });
  ({ url: base } = await collector.listen(0, '127.0.0.1'));
});

test.afterAll(async () => {
  await collector?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Where the browser goes after opening a bridge URL: the messenger address it is redirected to.
 * That address is off loopback, so the navigation there fails here; the request for it is what
 * the test reads (a route would not see a redirect the browser follows by itself).
 */
async function open(context: BrowserContext, path: string): Promise<URL> {
  const page = await context.newPage();
  const messenger = page.waitForRequest(/^https:\/\/(t\.me|wa\.me)\//);
  await page.goto(`${base}${path}`).catch(() => {});
  const url = new URL((await messenger).url());
  await page.close();
  return url;
}

// Headless Chromium says "HeadlessChrome" in its user agent, which robot lists rightly include; the
// visitor here is a phone's browser, so it says what one says.
const PHONE = {
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Mobile Safari/537.36',
};

const pairings = async () => (await collector.storage.snapshot()).pairings;

test('an ad click reaches the bot with a chat ID, a second click keeps it, the chat is uploaded with the yclid', async ({
  browser,
}) => {
  const before = (await pairings()).length;
  const context = await browser.newContext(PHONE);
  const first = await open(context, `/go/promo?yclid=${YCLID}&utm_source=yandex`);
  expect(first.origin + first.pathname).toBe('https://t.me/shop_bot');
  const id = first.searchParams.get('start') ?? '';
  expect(id).toMatch(/^CT[2-9A-HJ-NP-Z]{8}$/);
  const cookie = (await context.cookies(`${base}/go/promo`)).find((c) => c.name === '_mc_go');
  expect(cookie).toMatchObject({ value: id, path: '/go/promo', httpOnly: true, sameSite: 'Lax' });

  // The visitor comes back a minute later (the app did not open): the same chat ID, nothing new stored.
  const again = await open(context, `/go/promo?yclid=${YCLID}&utm_source=yandex`);
  expect(again.searchParams.get('start')).toBe(id);
  expect((await pairings()).length).toBe(before + 1);
  // Another browser is another person.
  const other = await browser.newContext(PHONE);
  expect((await open(other, '/go/promo')).searchParams.get('start')).not.toBe(id);
  await other.close();
  await context.close();

  // The bot's webhook gets /start <id>; the CSV row carries the yclid and no ClientID.
  const hook = await fetch(`${base}/v1/webhooks/telegram/${SECRET}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      update_id: 1,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        text: `/start ${id}`,
        from: { id: 5150, is_bot: false, first_name: 'Ann' },
        chat: { id: 5150, type: 'private' },
      },
    }),
  });
  expect(hook.status).toBe(200);
  const csv = await (await fetch(`${base}/v1/conversions.csv`, { headers: { Authorization: `Bearer ${KEY}` } })).text();
  const [header, ...rows] = csv.trim().split('\n');
  const columns = (header ?? '').split(',');
  const row = rows.map((r) => r.split(',')).find((cells) => cells[columns.indexOf('ChatUserID')] === '5150');
  expect(row?.[columns.indexOf('Yclid')]).toBe(YCLID);
  expect(row?.[columns.indexOf('ClientID')]).toBe('');
  expect(row?.[columns.indexOf('ChatPlatform')]).toBe('telegram');
});

test('the WhatsApp link opens with the tagged message in the browser’s language', async ({ browser }) => {
  const context = await browser.newContext({ ...PHONE, locale: 'ru-RU' });
  const url = await open(context, `/go/wa?yclid=${YCLID}`);
  expect(url.origin + url.pathname).toBe('https://wa.me/79161234567');
  expect(url.searchParams.get('text')).toMatch(/^Здравствуйте!\nНомер обращения: CT[2-9A-HJ-NP-Z]{8}$/);
  await context.close();
});

test('a link preview follows the link but stores nothing and gets no chat ID', async ({ browser }) => {
  const before = await pairings();
  const context = await browser.newContext({ userAgent: 'TelegramBot (like TwitterBot)' });
  const url = await open(context, `/go/promo?yclid=${YCLID}`);
  expect(url.href).toBe('https://t.me/shop_bot');
  expect(await context.cookies()).toEqual([]);
  expect(await pairings()).toEqual(before);
  await context.close();
});
