import { expect, fixture, hrefs, scriptTag, test } from './support/page.js';

// A page that breaks everything the script touches: cookies and localStorage throw, sendBeacon
// is gone, the Metrica tag throws, and the script is included twice.
const HOSTILE = `<script>
  Object.defineProperty(Document.prototype, 'cookie', {
    get: function () { throw new Error('cookies are off'); },
    set: function () { throw new Error('cookies are off'); }
  });
  Object.defineProperty(window, 'localStorage', { get: function () { throw new Error('storage is off'); } });
  delete Navigator.prototype.sendBeacon;
  window.ym = function () { throw new Error('ym is broken'); };
</script>`;

const globalsOf = (page: import('@playwright/test').Page): Promise<string[]> =>
  page.evaluate(() => Object.getOwnPropertyNames(window));

test('survives a hostile page with no page errors and no global but MetricaChats', async ({
  page,
  server,
  opened,
  errors,
}) => {
  await page.goto(fixture(server, 'links.html', { lang: 'en', head: HOSTILE }));
  const before = await globalsOf(page);
  const twice = `${scriptTag()}\n${scriptTag()}`;
  await page.goto(fixture(server, 'links.html', { lang: 'en', head: HOSTILE, script: twice }));
  await page.waitForFunction(() => document.getElementById('bot')!.getAttribute('href')!.includes('start='));
  const added = (await globalsOf(page)).filter((g) => !before.includes(g));
  expect(added).toEqual(['MetricaChats']);
  // The page really is hostile: otherwise this test could not tell survival from luck.
  expect(
    await page.evaluate(() =>
      [
        () => document.cookie,
        () => localStorage,
        () => (window as unknown as { ym(): void }).ym(),
        () => navigator.sendBeacon('/x', ''),
      ].map((f) => {
        try {
          f();
          return 'works';
        } catch {
          return 'throws';
        }
      }),
    ),
  ).toEqual(['throws', 'throws', 'throws', 'throws']);

  const id = await page.evaluate(() =>
    (window as unknown as { MetricaChats: { getChatId(): string } }).MetricaChats.getChatId(),
  );
  // Loaded twice, rewritten once.
  expect((await hrefs(page)).bot).toBe(`https://t.me/shop_bot?start=${id}`);
  await page.click('#bot');
  // No sendBeacon: the fetch keepalive fallback carries the pairing.
  const [pairing] = await server.waitForBeacons(1);
  expect(pairing!.body).toMatchObject({ v: 1, chatId: id, platform: 'telegram' });
  expect(pairing!.body.clientId).toBeUndefined();
  await expect.poll(() => opened).toEqual([`https://t.me/shop_bot?start=${id}`]);
  // One copy at work: a second one would send the click's pairing again.
  await page.waitForTimeout(300);
  expect(server.beacons).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('a click event aimed at the document or a text node raises no page error', async ({ page, server, errors }) => {
  await page.goto(fixture(server, 'links.html', { lang: 'en', script: scriptTag() }));
  await page.waitForFunction(() => document.getElementById('bot')!.getAttribute('href')!.includes('start='));
  // Pages and libraries dispatch synthetic clicks on the document (to close menus) or on any node.
  await page.evaluate(() => {
    document.dispatchEvent(new MouseEvent('click'));
    document.getElementById('bot')!.firstChild!.dispatchEvent(new MouseEvent('auxclick', { bubbles: true }));
  });
  await page.waitForTimeout(100);
  expect(errors).toEqual([]);
});

test('frozen prototypes and a missing Navigation API cost only the hooks they block', async ({
  page,
  server,
  opened,
  errors,
}) => {
  // A page (or a security library) that freezes the prototypes the script would wrap, and a
  // browser without the Navigation API: links are still rewritten and clicks still paired.
  const frozen = `<script>
    Object.freeze(Element.prototype);
    Object.freeze(HTMLAnchorElement.prototype);
    Object.defineProperty(window, 'navigation', { value: undefined });
  </script>`;
  await page.goto(fixture(server, 'links.html', { lang: 'en', head: frozen, script: scriptTag() }));
  await page.waitForFunction(() => document.getElementById('bot')!.getAttribute('href')!.includes('start='));
  const id = await page.evaluate(() =>
    (window as unknown as { MetricaChats: { getChatId(): string } }).MetricaChats.getChatId(),
  );
  const popup = page.waitForEvent('popup');
  await page.evaluate(() => window.open('https://wa.me/79161234567?text=Hi', '_blank'));
  await (await popup).waitForLoadState();
  expect(opened).toEqual([`https://wa.me/79161234567?text=Hi%0ARequest%20ID%3A%20${id}`]);
  const [pairing] = await server.waitForBeacons(1);
  expect(pairing!.body).toMatchObject({ chatId: id, platform: 'whatsapp' });
  expect(errors).toEqual([]);
});

test('a page whose MutationObserver throws still gets a working API and no page error', async ({
  page,
  server,
  errors,
}) => {
  const broken = '<script>window.MutationObserver = function () { throw new Error("blocked"); };</script>';
  await page.goto(fixture(server, 'links.html', { lang: 'en', head: broken, script: scriptTag() }));
  // Asked in turn: Playwright's own waiting would use the broken observer.
  await expect
    .poll(() => page.evaluate(() => typeof (window as { MetricaChats?: unknown }).MetricaChats))
    .toBe('object');
  const decorated = await page.evaluate(() =>
    (window as unknown as { MetricaChats: { decorate(u: string): string } }).MetricaChats.decorate(
      'https://wa.me/79161234567',
    ),
  );
  // It cannot watch the page's links, but what does not need the observer still works.
  expect(decorated).toMatch(/^https:\/\/wa\.me\/79161234567\?text=.*CT[0-9A-Z]{8}$/);
  expect(errors).toEqual([]);
});
