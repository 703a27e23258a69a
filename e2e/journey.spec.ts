import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, expect, test } from '@playwright/test';
import { type RunningDemo, startDemo } from '../src/demo/server.js';
import { runCli } from '../src/test-support/cli.js';

// The whole flow, as a business runs it: visitors on the demo site (real Chromium, the built
// script), the collector (SQLite), chats reported by a CRM and a Telegram bot webhook, then the
// real `upload` command to the fake Metrica and the report.

const YCLID_A = '5882301234567890123';
const YCLID_B = '7712345678901234567';
const PHONE_A = '+79990001111';
const TELEGRAM_USER_B = 777001;

let demo: RunningDemo;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'metrica-chats-journey-'));
  demo = await startDemo({ dataDir, runCli: (argv, env) => runCli(argv, { env }) });
});

test.afterAll(async () => {
  await demo?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const cli = (...argv: string[]) => runCli(argv, { cwd: dataDir, env: { YANDEX_METRICA_TOKEN: demo.token } });

/**
 * A visitor lands on `landing`, goes to the second page and clicks the link `linkTestId`.
 * The demo keeps the visitor on the page and shows the messenger URL the browser would open;
 * returns that URL and the visitor's Metrica ClientID (the `_ym_uid` cookie the Metrica stand-in set).
 */
async function visitorClicks(browser: Browser, landing: string, linkTestId: string) {
  const context = await browser.newContext();
  const left: string[] = [];
  await context.route(/^https:\/\/(wa\.me|t\.me|api\.whatsapp\.com)\//, (route) => {
    left.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>messenger</title>' });
  });
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(`${demo.siteUrl}${landing}`);
  await expect.poll(async () => (await context.cookies()).find((c) => c.name === '_ym_uid')?.value).toBeTruthy();
  await page.goto(`${demo.siteUrl}/page2.html`);
  const chatId = await page.evaluate(async () => {
    for (let i = 0; i < 50 && !(window as { MetricaChats?: unknown }).MetricaChats; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    return (window as unknown as { MetricaChats: { getChatId(): string } }).MetricaChats.getChatId();
  });
  await page.getByTestId(linkTestId).click();
  const shown = page.getByTestId('would-open-url');
  await expect(shown).toHaveText(/^https:\/\//);
  const opened = (await shown.textContent()) ?? '';
  const clientId = (await context.cookies()).find((c) => c.name === '_ym_uid')?.value ?? '';
  await context.close();
  expect(errors).toEqual([]);
  expect(left).toEqual([]);
  return { url: new URL(opened), clientId, chatId };
}

async function reportChat(body: Record<string, unknown>) {
  const res = await fetch(`${demo.collectorUrl}/v1/chats`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${demo.apiKey}` },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return res.json();
}

test('a chat goes from the ad click to Metrica with the visit’s IDs', async ({ browser }) => {
  const now = Math.floor(Date.now() / 1000);

  // 1. Visitor A lands from an ad, reads a second page, and opens WhatsApp.
  const a = await visitorClicks(browser, `/?yclid=${YCLID_A}`, 'wa-link');
  expect(a.url.hostname).toBe('wa.me');
  expect(a.clientId).toMatch(/^\d{17,19}$/);
  const prefilled = a.url.searchParams.get('text') ?? '';
  expect(prefilled).toContain(a.chatId);
  expect(prefilled).toContain('Про диван «Комфорт»'); // the site's own text survives

  // 2. The visitor edits the message the way people do, and the business's CRM reports the chat.
  const edited = `Добрый день! Хочу уточнить наличие. ${prefilled.toLowerCase()}`;
  const first = await reportChat({ platform: 'whatsapp', dateTime: now - 120, text: edited, phoneNumber: PHONE_A });
  expect(first.chatId).toBe(a.chatId);
  expect(first.matched).toMatchObject({ clientId: a.clientId, yclid: YCLID_A });

  // 3. Visitor B opens the Telegram bot; the bot's webhook receives `/start <payload>`.
  const b = await visitorClicks(browser, `/?yclid=${YCLID_B}`, 'tg-bot-link');
  const start = b.url.searchParams.get('start') ?? '';
  expect(start).toBe(`komfort-${b.chatId}`); // the site's own start value is kept
  const update = {
    update_id: 1001,
    message: {
      message_id: 1,
      date: now - 90,
      text: `/start ${start}`,
      from: { id: TELEGRAM_USER_B, is_bot: false, first_name: 'B', username: 'visitor_b' },
      chat: { id: TELEGRAM_USER_B, type: 'private' },
    },
  };
  const hook = await fetch(`${demo.collectorUrl}/v1/webhooks/telegram/${demo.webhookSecret}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(update),
  });
  expect(hook.status).toBe(200);

  // 4. Visitor A writes again later without the tag; a stranger's chat has no ID at all.
  const later = await reportChat({
    platform: 'whatsapp',
    dateTime: now - 60,
    text: 'А доставка сколько стоит?',
    phoneNumber: PHONE_A,
  });
  expect(later.chatId).toBe(a.chatId);
  const stranger = await reportChat({
    platform: 'telegram',
    dateTime: now - 30,
    text: 'Здравствуйте',
    chatUsername: 'stranger_x',
  });
  expect(stranger.chatId).toBeNull();
  expect(stranger.unattributedReason).toBe('no_chat_id');

  // 5. The real upload command sends everything pending to the fake Metrica and waits for it.
  const upload = await cli(
    'upload',
    '--counter',
    demo.counterId,
    '--from',
    demo.dbPath,
    '--api-url',
    demo.metricaUrl,
    '--wait',
  );
  expect(upload.code, upload.out).toBe(0);
  expect(upload.out).not.toContain(demo.token);
  const sent = demo.metrica.uploads().flatMap((u) => u.rows);
  expect(sent).toHaveLength(4);
  const row = (pred: (r: Record<string, string | undefined>) => boolean) => sent.find(pred) ?? {};
  expect(row((r) => r.PhoneNumber === PHONE_A && r.DateTime === String(now - 120))).toMatchObject({
    ClientID: a.clientId,
    Yclid: YCLID_A,
    ChatPlatform: 'whatsapp',
  });
  expect(row((r) => r.ChatUserID === String(TELEGRAM_USER_B))).toMatchObject({
    ClientID: b.clientId,
    Yclid: YCLID_B,
    ChatPlatform: 'telegram',
    DateTime: String(now - 90),
  });
  expect(row((r) => r.PhoneNumber === PHONE_A && r.DateTime === String(now - 60))).toMatchObject({
    ClientID: a.clientId,
    Yclid: YCLID_A,
  });
  const unattributed = row((r) => r.ChatUsername === 'stranger_x');
  expect(unattributed.ChatPlatform).toBe('telegram');
  for (const id of ['ClientID', 'UserID', 'Yclid', 'PurchaseID'] as const) expect(unattributed[id] ?? '').toBe('');

  // The report agrees with what was sent.
  const report = await cli('report', '--from', demo.dbPath, '--json');
  expect(report.code, report.out).toBe(0);
  expect(JSON.parse(report.out)).toMatchObject({
    chats: 4,
    byPlatform: { whatsapp: 2, telegram: 2 },
    withChatId: 3,
    carriedChatId: 2,
    linkedByPartner: 1,
    matched: 3,
    uploaded: 4,
    pending: 0,
    unattributed: { no_chat_id: 1, chat_id_not_paired: 0, pairing_without_metrica_id: 0 },
  });

  // A second run has nothing new to send.
  const again = await cli('upload', '--counter', demo.counterId, '--from', demo.dbPath, '--api-url', demo.metricaUrl);
  expect(again.code, again.out).toBe(0);
  expect(demo.metrica.uploads().flatMap((u) => u.rows)).toHaveLength(4);
});
