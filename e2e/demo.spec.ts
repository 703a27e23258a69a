import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { captureCli } from '../src/cli/in-process.js';
import { main } from '../src/cli/main.js';
import { type RunningDemo, startDemo } from '../src/demo/server.js';
import { MESSENGER_HOSTS } from './support/page.js';

// The demo as a new user meets it, in real Chromium: the messenger links stay inside the demo,
// each send reads as a sentence, the pairing beacon and the collector's answer are on the page.

const YCLID = '5882301234567890123';

let demo: RunningDemo;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'metrica-chats-demo-ui-'));
  demo = await startDemo({ dataDir, runCli: (argv, env) => captureCli(main, argv, { env, cwd: process.cwd() }) });
});

test.afterAll(async () => {
  await demo?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A visitor's tab; `left` collects every attempt to open a messenger host (there must be none). */
async function visitor(
  context: BrowserContext,
  path: string,
): Promise<{ page: Page; left: string[]; errors: string[] }> {
  const left: string[] = [];
  await context.route(MESSENGER_HOSTS, (route) => {
    left.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>messenger</title>' });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${demo.siteUrl}${path}`);
  // The Metrica stand-in sets the ClientID a moment after load; the links are rewritten by then.
  await expect(page.getByTestId('client-id')).toHaveText(/^\d{17,19}$/);
  await expect(page.getByTestId('chat-id')).toHaveText(/^CT[0-9A-Z]{8}$/);
  return { page, left, errors };
}

test('clicking a messenger link stays in the demo, shows the URL and fills the form', async ({ context }) => {
  const { page, left, errors } = await visitor(context, `/?yclid=${YCLID}`);
  const chatId = (await page.getByTestId('chat-id').textContent()) ?? '';
  const before = page.url();

  await page.locator('.links a', { hasText: 'WhatsApp' }).click();

  const shown = page.getByTestId('would-open-url');
  await expect(page.getByTestId('would-open')).toBeVisible();
  await expect(shown).toHaveText(/^https:\/\/wa\.me\/79990001122\?text=/);
  const url = new URL((await shown.textContent()) ?? '');
  const message = url.searchParams.get('text') ?? '';
  expect(message).toContain(chatId);
  await expect(page.locator('#msg-text')).toHaveValue(message);
  await expect(page.locator('#msg-platform')).toHaveValue('whatsapp');
  await expect(page.locator('#msg-channel')).toHaveValue('crm');
  expect(page.url()).toBe(before);
  expect(left).toEqual([]);

  // The pairing beacon went out on the click, and the page says what the collector did with it.
  const beacon = page.getByTestId('beacon-status');
  await expect(beacon).toContainText(`Pairing beacon sent at`);
  await expect(beacon).toContainText(`chat ID ${chatId}`);
  await expect(beacon).toContainText(
    new RegExp(
      `Collector answered 204 \\(stored\\)\\. Stored: chat ID ${chatId} ↔ ClientID \\d+ and yclid ${YCLID}\\.`,
    ),
  );

  // Sending it reads as one sentence, the raw reply is folded below, and the report follows.
  const reportBefore = (await page.getByTestId('report-result').textContent()) ?? '';
  await page.getByRole('button', { name: 'Send to the collector' }).click();
  await expect(page.getByTestId('match-verdict')).toHaveText(
    new RegExp(`^Matched to ClientID \\d{17,19} and yclid ${YCLID} \\(chat ID ${chatId}\\)\\.$`),
  );
  await expect(page.getByTestId('match-result')).toBeHidden();
  await page.getByText('Raw reply').click();
  await expect(page.getByTestId('match-result')).toContainText(`"chatId": "${chatId}"`);
  await expect(page.getByTestId('report-result')).not.toHaveText(reportBefore);
  await expect(page.getByTestId('report-result')).toContainText(/Matched to Metrica IDs\s+\d+/);
  expect(errors).toEqual([]);
});

test('the panel sends the message as each channel connector would, and each chat is matched', async ({ context }) => {
  const { page } = await visitor(context, `/?yclid=${YCLID}`);
  const chatId = (await page.getByTestId('chat-id').textContent()) ?? '';
  await page.locator('.links a', { hasText: 'WhatsApp' }).click();
  await expect(page.getByTestId('beacon-status')).toContainText(`chat ID ${chatId}`);
  const connectors = [
    ['telegram-business', '@biz_customer'],
    ['whatsapp-cloud', '+79990005501'],
    ['green-api', '+79990005502'],
    ['wazzup', '+79990005503'],
  ];
  for (const [channel, partner] of connectors) {
    await page.locator('#msg-channel').selectOption(channel as string);
    await page.locator('#msg-partner').fill(partner as string);
    await page.getByRole('button', { name: 'Send to the collector' }).click();
    await expect(page.getByTestId('match-verdict')).toHaveText(
      new RegExp(`^Matched to ClientID \\d{17,19} and yclid ${YCLID} \\(chat ID ${chatId}\\)\\.$`),
    );
  }
});

test('the Telegram bot path shows the IDs it matched', async ({ context }) => {
  const { page, left } = await visitor(context, `/?yclid=${YCLID}`);
  const chatId = (await page.getByTestId('chat-id').textContent()) ?? '';
  await page.locator('.links a', { hasText: 'Telegram bot' }).click();
  await expect(page.locator('#msg-channel')).toHaveValue('telegram-webhook');
  await expect(page.locator('#msg-text')).toHaveValue(`/start ${chatId}`);
  await page.locator('#msg-partner').fill('@visitor_tg');
  await page.getByRole('button', { name: 'Send to the collector' }).click();
  await expect(page.getByTestId('match-verdict')).toHaveText(
    new RegExp(`^Matched to ClientID \\d{17,19} and yclid ${YCLID} \\(chat ID ${chatId}\\)\\.$`),
  );
  expect(left).toEqual([]);
});

test('a message without a chat ID is "not attributed", said in words', async ({ context }) => {
  const { page } = await visitor(context, '/');
  await page.locator('#msg-text').fill('Здравствуйте, есть диван?');
  await page.locator('#msg-partner').fill('+79990003344');
  await page.getByRole('button', { name: 'Send to the collector' }).click();
  await expect(page.getByTestId('match-verdict')).toHaveText(
    'Not attributed: no chat ID in the message. The chat is still stored and uploaded, unattributed.',
  );
});

test('the links table is not redrawn under the cursor', async ({ context }) => {
  const { page } = await visitor(context, '/');
  const button = page.locator('#demo-links button').first();
  await button.hover();
  await page.evaluate(() => {
    const w = window as unknown as { linkMutations: number };
    w.linkMutations = 0;
    new MutationObserver((records) => {
      w.linkMutations += records.length;
    }).observe(document.querySelector('#demo-links') as Element, { childList: true, subtree: true });
  });
  // The panel refreshes every second; nothing may change in three of its rounds. A fixed wait is
  // the point here: the test asserts that nothing happens in that time.
  await page.waitForTimeout(3200);
  expect(await page.evaluate(() => (window as unknown as { linkMutations: number }).linkMutations)).toBe(0);
});

test('no word breaks mid-word, and the upload command wraps', async ({ context }) => {
  const { page } = await visitor(context, '/');
  await page.setViewportSize({ width: 760, height: 900 });
  const broken = await page.evaluate(() => {
    // Every word of text outside URLs must sit on one line: one client rect per word.
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (
        !parent ||
        parent.closest('.url, #upload-command, #upload-result, #report-result, #msg-result, script, style')
      )
        continue;
      const text = node.textContent ?? '';
      for (const m of text.matchAll(/[^\s/-]{2,}/g)) {
        const range = document.createRange();
        range.setStart(node, m.index ?? 0);
        range.setEnd(node, (m.index ?? 0) + m[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) found.push(m[0]);
      }
    }
    return found;
  });
  expect(broken).toEqual([]);
  const command = page.getByTestId('upload-command');
  await expect(command).toContainText('metrica-chats upload --counter');
  const overflow = await command.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the printed URLs open pages: the fake Metrica API lists its uploads, the collector answers', async ({ page }) => {
  await page.goto(`${demo.metricaUrl}/`);
  await expect(page.getByRole('heading', { name: 'Fake Metrica API' })).toBeVisible();
  const health = await (await fetch(`${demo.collectorUrl}/healthz`)).json();
  expect(health).toMatchObject({ ok: true, db: 'sqlite' });
});
