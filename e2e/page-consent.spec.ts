import { CHAT_ID, expect, fixture, hrefs, scriptTag, test } from './support/page.js';

test('with consent required, nothing is stored, sent or rewritten before grantConsent()', async ({
  page,
  server,
  errors,
}) => {
  await page.goto(
    fixture(server, 'links.html', {
      lang: 'en',
      head: '<script src="/e2e/fixtures/ym-stub.js"></script>',
      script: scriptTag(' data-consent="required"'),
    }),
  );
  await page.waitForFunction(() => (window as { MetricaChats?: unknown }).MetricaChats);
  await page.click('#wa', { button: 'middle' });
  await page.evaluate(() => window.open('https://t.me/shop_bot'));
  await page.waitForTimeout(500);
  expect((await hrefs(page)).bot).toBe('https://t.me/shop_bot');
  expect((await page.context().cookies()).map((c) => c.name)).toEqual([]);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  expect(server.beacons).toEqual([]);
  expect(
    await page.evaluate(() =>
      (window as unknown as { MetricaChats: { getChatId(): string } }).MetricaChats.getChatId(),
    ),
  ).toBe('');

  await page.evaluate(() =>
    (window as unknown as { MetricaChats: { grantConsent(): void } }).MetricaChats.grantConsent(),
  );
  const id = await page.evaluate(() =>
    (window as unknown as { MetricaChats: { getChatId(): string } }).MetricaChats.getChatId(),
  );
  expect(id).toMatch(CHAT_ID);
  expect((await hrefs(page)).bot).toBe(`https://t.me/shop_bot?start=${id}`);
  expect((await page.context().cookies()).map((c) => c.name)).toContain('_mc_chat');
  const [pairing] = await server.waitForBeacons(1);
  expect(pairing!.body).toMatchObject({ chatId: id, clientId: '1700000000123456789' });
  expect(errors).toEqual([]);
});
