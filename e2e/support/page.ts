/**
 * Shared browser-test setup: a fresh loopback server per test, messenger hosts answered
 * locally so that nothing leaves loopback, and every page error collected.
 */

import { readFileSync } from 'node:fs';
import { test as base, type Page } from '@playwright/test';
import { fill, ROOT, startServer, type TestServer } from './server.js';

/** Hosts of the messenger links the pages carry; navigation there is answered by the test. */
export const MESSENGER_HOSTS = /^https?:\/\/(www\.)?(t\.me|telegram\.(me|dog)|wa\.me|(api|web)\.whatsapp\.com)\//i;

export const test = base.extend<{ server: TestServer; errors: string[]; warnings: string[]; opened: string[] }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern
  server: async ({}, use) => {
    const server = await startServer();
    await use(server);
    await server.close();
  },
  errors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await use(errors);
  },
  // Console warnings: where the script reports a bad config or a bad API call.
  warnings: async ({ page }, use) => {
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await use(warnings);
  },
  opened: async ({ context }, use) => {
    const opened: string[] = [];
    // Anything off loopback is refused; the messenger route below, added later, takes precedence.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    await context.route(MESSENGER_HOSTS, (route) => {
      opened.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>messenger</title>' });
    });
    await use(opened);
  },
});

export const expect = test.expect;

/** The page's link hrefs by id, as written in the attribute. */
export const hrefs = (page: Page): Promise<Record<string, string | null>> =>
  page.$$eval('a[id]', (as) => Object.fromEntries(as.map((a) => [a.id, a.getAttribute('href')])));

/** Serves `e2e/fixtures/<name>` at `/<name>` with its `{{placeholders}}` filled; returns the URL. */
export function fixture(
  server: TestServer,
  name: string,
  vars: Record<string, string> = {},
  headers?: Record<string, string>,
): string {
  const html = readFileSync(`${ROOT}e2e/fixtures/${name}`, 'utf8');
  return server.page(`/${name}`, fill(html, server.origin, vars), headers);
}

/** The default script tag for the built file; `attrs` adds attributes. */
export const scriptTag = (attrs = ''): string =>
  `<script async src="/dist/metrica-chats.min.js" data-endpoint="/v1/pairings" data-counter-id="12345678"${attrs}></script>`;

/** Chat IDs of the default format. */
export const CHAT_ID = /^CT[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/;

/** The running script's chat ID, once it has started. */
export async function chatIdOf(page: Page): Promise<string> {
  await page.waitForFunction(() => (window as { MetricaChats?: unknown }).MetricaChats);
  return page.evaluate(() => (window as unknown as { MetricaChats: { getChatId(): string } }).MetricaChats.getChatId());
}

/** The decoded value of a query parameter of a URL the browser requested (`+` is a space, as in forms). */
export const paramOf = (url: string, key: string): string | null => new URL(url).searchParams.get(key);

/**
 * Navigations the page's frames asked Chromium to make, as Chromium reports them over CDP
 * (`Page.frameRequestedNavigation`). This is how a test sees `tg:`, `whatsapp:` and `viber:`
 * navigations, which no request interception sees: Chromium hands them to the operating system.
 * A navigation cancelled in a `navigate` listener is never requested, so it is not in the list.
 */
export async function requestedNavigations(page: Page): Promise<string[]> {
  const urls: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Page.frameRequestedNavigation', (e) => urls.push(e.url));
  await cdp.send('Page.enable');
  return urls;
}
