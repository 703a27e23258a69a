import { expect, fixture, hrefs, test } from './support/page.js';

const NONCE = 'r4nd0mN0nce';
const CSP = `default-src 'none'; script-src 'nonce-${NONCE}'; connect-src 'self'; base-uri 'none'; img-src 'self'`;

test('works under a strict CSP with a script nonce, with no violations', async ({ page, server, opened, errors }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const script = `<script nonce="${NONCE}" async src="/dist/metrica-chats.min.js" data-endpoint="/v1/pairings" data-counter-id="12345678"></script>`;
  await page.goto(fixture(server, 'links.html', { lang: 'en', script }, { 'content-security-policy': CSP }));
  await page.waitForFunction(() => document.getElementById('bot')!.getAttribute('href')!.includes('start='));
  const id = await page.evaluate(() =>
    (window as unknown as { MetricaChats: { getChatId(): string } }).MetricaChats.getChatId(),
  );
  expect((await hrefs(page)).wa).toContain(id);
  await page.click('#wa');
  const [pairing] = await server.waitForBeacons(1);
  expect(pairing!.body).toMatchObject({ chatId: id, platform: 'whatsapp' });
  await expect.poll(() => opened.length).toBe(1);
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});
