import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { type Collector, createCollector } from '../src/collector/index.js';
import { type FakeMetrica, startFakeMetrica } from '../src/fake-metrica/index.js';
import { createMetricaClient } from '../src/uploader/client.js';
import { scheduledUpload } from '../src/uploader/schedule.js';
import { startServer, type TestServer } from './support/server.js';

// The dashboard in real Chromium, after a scripted journey: a visitor on a landing page (the
// built script) opens WhatsApp, the CRM reports that chat and a stranger's, and the collector's
// own schedule uploads them to the fake Metrica. The page must show what GET /v1/stats says,
// draw the chart, fetch nothing from another origin and log no error, on a desktop and a phone.

const KEY = 'dashboard-test-key';
const TOKEN = 'dashboard-test-token';
const COUNTER = '24242424';
const YCLID = '5882301234567890123';
const PHONE = '+79990001111';
const LISTS = fileURLToPath(new URL('../../shared/data/filter-lists/', import.meta.url));

let site: TestServer;
let fake: FakeMetrica;
let collector: Collector;
let collectorUrl: string;
let dir: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'metrica-chats-dashboard-'));
  site = await startServer();
  fake = await startFakeMetrica({ token: TOKEN });
  collector = await createCollector({
    db: join(dir, 'collector.db'),
    apiKeys: [KEY],
    allowOrigins: [site.origin],
    logger: false,
    uploadSchedule: scheduledUpload({
      every: '300ms',
      everyMs: 300,
      counterId: COUNTER,
      client: createMetricaClient({ token: TOKEN, apiUrl: fake.url }),
      wait: { timeoutMs: 5000, intervalMs: 20 },
    }),
    ...(existsSync(LISTS) ? { filterLists: { dir: LISTS } } : {}),
  });
  collectorUrl = (await collector.listen(0, '127.0.0.1')).url;
});

test.afterAll(async () => {
  await collector?.close();
  await fake?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function stats(): Promise<Record<string, unknown> & { chats: number; uploaded: number }> {
  const res = await fetch(`${collectorUrl}/v1/stats`, { headers: { Authorization: `Bearer ${KEY}` } });
  expect(res.status).toBe(200);
  return res.json();
}

async function reportChat(body: Record<string, unknown>) {
  const res = await fetch(`${collectorUrl}/v1/chats`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${KEY}` },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return res.json();
}

/** Watches a page: every request it makes, and every console error or page error. */
function watch(page: Page): { urls: string[]; errors: string[] } {
  const seen = { urls: [] as string[], errors: [] as string[] };
  page.on('request', (r) => seen.urls.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.errors.push(m.text());
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  return seen;
}

test('the dashboard shows the journey’s numbers, as /v1/stats does, and nothing leaves the collector', async ({
  browser,
}, testInfo) => {
  // 1. A visitor from an ad opens WhatsApp from the landing page; the script pairs the chat ID.
  const landing = site.page(
    '/landing',
    `<!doctype html><html lang="ru"><head><title>Landing</title>
<script async src="/dist/metrica-chats.min.js" data-endpoint="${collectorUrl}/v1/pairings" data-counter-id="${COUNTER}"></script>
</head><body><a data-testid="wa" href="https://wa.me/79001234567?text=%D0%97%D0%B4%D1%80%D0%B0%D0%B2%D1%81%D1%82%D0%B2%D1%83%D0%B9%D1%82%D0%B5">WhatsApp</a></body></html>`,
  );
  const visitor = await browser.newContext();
  const opened: string[] = [];
  await visitor.route(/^https:\/\/wa\.me\//, (route) => {
    opened.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>WhatsApp</title>' });
  });
  const page = await visitor.newPage();
  await page.goto(`${landing}?yclid=${YCLID}`);
  await page.waitForFunction(() => Boolean((window as { MetricaChats?: unknown }).MetricaChats));
  await page.getByTestId('wa').click();
  await expect.poll(() => opened.length).toBe(1);
  const text = new URL(opened[0] as string).searchParams.get('text') ?? '';
  await visitor.close();
  await expect.poll(async () => (await stats()).pairings).toBeGreaterThan(0);

  // 2. The CRM reports the visitor's chat (with the pre-filled tag) and a stranger's (without).
  const now = Math.floor(Date.now() / 1000);
  const matched = await reportChat({ platform: 'whatsapp', dateTime: now - 120, text, phoneNumber: PHONE });
  expect(matched.matched).toMatchObject({ yclid: YCLID });
  await reportChat({ platform: 'telegram', dateTime: now - 60, text: 'Здравствуйте', chatUsername: 'stranger_<b>x' });

  // 3. The collector's schedule uploads both; /v1/stats then reports the upload.
  await expect.poll(async () => (await stats()).uploaded, { timeout: 15_000 }).toBe(2);
  const expected = await stats();
  expect(expected).toMatchObject({ chats: 2, matched: 1, pending: 0, unattributed: { no_chat_id: 1 } });
  expect(fake.uploads().flatMap((u) => u.rows)).toHaveLength(2);

  // 4. Without the key: 401, a Basic challenge and no data.
  const anonymous = await browser.newContext();
  const refused = await anonymous.request.get(`${collectorUrl}/dashboard`);
  expect(refused.status()).toBe(401);
  expect(refused.headers()['www-authenticate']).toMatch(/^Basic realm=/);
  expect(await refused.text()).not.toContain('stranger');
  const wrong = await browser.newContext({ httpCredentials: { username: 'me', password: 'not-the-key' } });
  expect((await wrong.request.get(`${collectorUrl}/dashboard`)).status()).toBe(401);
  await anonymous.close();
  await wrong.close();

  // 5. With the key as the password (any user name).
  const operator = await browser.newContext({ httpCredentials: { username: 'operator', password: KEY } });
  const dash = await operator.newPage();
  const seen = watch(dash);
  const res = await dash.goto(`${collectorUrl}/dashboard`);
  expect(res?.status()).toBe(200);
  expect(res?.headers()['content-security-policy']).toContain("default-src 'none'");
  const value = (stat: string) => dash.locator(`[data-stat="${stat}"] .value`).textContent();
  expect(Number(await value('chats'))).toBe(expected.chats);
  expect(Number(await value('matched'))).toBe(expected.matched);
  expect(Number(await value('uploaded'))).toBe(expected.uploaded);
  expect(Number(await value('pairings'))).toBe(expected.pairings);
  expect(Number(await dash.locator('[data-reason="no_chat_id"]').textContent())).toBe(1);
  await expect(dash.locator('table.reasons')).toContainText('no chat ID in the message');
  // The recent chats, escaped, with their match; the upload with Metrica's counts.
  await expect(dash.locator('table.recent tbody tr')).toHaveCount(2);
  await expect(dash.locator('table.recent')).toContainText('stranger_<b>x');
  await expect(dash.locator('table.recent')).toContainText(`yclid ${YCLID}`);
  await expect(dash.locator('table.uploads tbody tr').first()).toContainText('PROCESSED');
  await expect(dash.locator('[data-schedule]')).toContainText(`counter ${COUNTER}`);

  // The chart: one group per day of the period, today's bar stacked from both kinds, drawn with size.
  const days = dash.locator('svg.chart g.day');
  await expect(days).toHaveCount(30);
  const today = dash.locator(`svg.chart g.day[data-day="${new Date().toISOString().slice(0, 10)}"]`);
  await expect(today).toHaveAttribute('data-attributed', '1');
  await expect(today).toHaveAttribute('data-unattributed', '1');
  const bar = await today.locator('rect.bar-attributed').boundingBox();
  expect(bar?.height ?? 0).toBeGreaterThan(10);
  const fill = await today.locator('rect.bar-attributed').evaluate((r) => getComputedStyle(r).fill);
  expect(fill).not.toBe('rgb(0, 0, 0)'); // the stylesheet applied under the CSP

  await dash.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true });

  // The period switch is a plain link.
  await dash.getByRole('link', { name: '7 days' }).click();
  await expect(days).toHaveCount(7);

  // The installation check for a URL typed in.
  await dash.getByLabel('Page URL').fill(landing);
  await dash.getByRole('button', { name: 'Check' }).click();
  // The first check parses the filter lists (about a second, more on a busy machine).
  await expect(dash.locator('.checks li')).toHaveCount(6, { timeout: 30_000 });
  for (const id of ['page', 'script', 'config', 'endpoint', 'cors']) {
    await expect(dash.locator(`[data-check="${id}"]`)).toHaveClass('check-pass');
  }
  if (existsSync(LISTS)) await expect(dash.locator('[data-check="filters"]')).toHaveClass('check-pass');

  // On a phone: one column, nothing wider than the screen but the tables' own scroll.
  await dash.setViewportSize({ width: 390, height: 844 });
  await dash.goto(`${collectorUrl}/dashboard`);
  const overflow = await dash.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await dash.screenshot({ path: testInfo.outputPath('dashboard-phone.png'), fullPage: true });

  const origin = new URL(collectorUrl).origin;
  expect(seen.urls.filter((u) => new URL(u).origin !== origin)).toEqual([]);
  expect(seen.errors).toEqual([]);
  await operator.close();
});
