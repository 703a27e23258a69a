import { build } from 'esbuild';
import { CHAT_ID, expect, hrefs, test } from './support/page.js';
import { ROOT } from './support/server.js';

/** Bundles a fixture the way an app's build would, with `metrica-chats` resolved to the built package. */
async function bundle(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [`${ROOT}e2e/fixtures/${entry}`],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2020',
    alias: { 'metrica-chats': `${ROOT}dist/index.js` },
    logLevel: 'error',
  });
  return out.outputFiles[0]!.text;
}

const shell = (src: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SPA</title></head>
<body><div id="app"></div><script type="module" src="${src}"></script></body></html>`;

test('an SPA bundled with the npm package: routes, late links and decorate() for location.href', async ({
  page,
  server,
  opened,
  errors,
}) => {
  server.page('/spa.js', await bundle('spa.js'), {}, 'text/javascript');
  const url = server.page('/spa/', shell('/spa.js'));
  await page.goto(url);
  await page.click('#contacts');
  await page.waitForFunction(() => document.getElementById('tg')?.getAttribute('href')?.includes('start='));
  const id = (await hrefs(page)).tg!.split('start=')[1]!;
  expect(id).toMatch(CHAT_ID);
  // No global from the npm build.
  expect(await page.evaluate(() => 'MetricaChats' in window)).toBe(false);
  await page.goto(url);
  await page.click('#wa');
  await expect.poll(() => opened).toEqual([`https://wa.me/79161234567?text=Hello!%0ARequest%20ID%3A%20${id}`]);
  const beacons = await server.waitForBeacons(1);
  expect(beacons.at(-1)!.body).toMatchObject({ chatId: id, platform: 'whatsapp', counterId: '12345678' });
  expect(errors).toEqual([]);
});

test('importing the package has no side effects', async ({ page, server, errors }) => {
  server.page('/import.js', await bundle('esm-import-only.js'), {}, 'text/javascript');
  await page.goto(
    server.page(
      '/import.html',
      '<!doctype html><html><body><a id="tg" href="https://t.me/shop_bot">bot</a><script type="module" src="/import.js"></script></body></html>',
    ),
  );
  await page.waitForFunction(() => document.body.dataset.exports);
  expect(await page.evaluate(() => document.body.dataset.exports)).toContain('init');
  expect((await hrefs(page)).tg).toBe('https://t.me/shop_bot');
  expect(await page.context().cookies()).toEqual([]);
  expect(errors).toEqual([]);
});

test('a bundle and a script tag on one page run one instance, even with storage blocked', async ({
  page,
  server,
  warnings,
  errors,
}) => {
  server.page('/both.js', await bundle('esm-and-tag.js'), {}, 'text/javascript');
  // With no storage, two instances would each mint a chat ID and keep writing it over the other's.
  const blockStorage = `<script>
    Object.defineProperty(Document.prototype, 'cookie', { get() { throw new Error('off'); }, set() { throw new Error('off'); } });
    Object.defineProperty(window, 'localStorage', { get() { throw new Error('off'); } });
  </script>`;
  await page.goto(
    server.page(
      '/both.html',
      `<!doctype html><html lang="en"><head>${blockStorage}</head><body><a id="tg" href="https://t.me/shop_bot">bot</a><script type="module" src="/both.js"></script></body></html>`,
    ),
  );
  await page.waitForFunction(() => document.body.dataset.loaded);
  const ids = await page.evaluate(() => {
    type Api = { getChatId(): string };
    const w = window as unknown as { fromBundle: Api; MetricaChats: Api };
    return [w.fromBundle.getChatId(), w.MetricaChats.getChatId()];
  });
  expect(ids[0]).toMatch(CHAT_ID);
  expect(ids[1]).toBe(ids[0]);
  // The link settles on that one ID: no more writes to it.
  const writes = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let n = 0;
        new MutationObserver((records) => {
          n += records.length;
        }).observe(document.getElementById('tg')!, { attributes: true });
        setTimeout(() => resolve(n), 500);
      }),
  );
  expect(writes).toBe(0);
  expect((await hrefs(page)).tg).toBe(`https://t.me/shop_bot?start=${ids[0]}`);
  // The second copy's config cannot apply to the running instance: it says so.
  expect(warnings).toEqual(['[metrica-chats] another copy is running: this config is ignored']);
  expect(errors).toEqual([]);
});
