/**
 * Chat widgets inside frames. The script runs in the top document and covers same-origin frames
 * (their links, clicks, window.open and navigations) once, also when the frame loads its own
 * copy of the script; it stays out of cross-origin frames, which it cannot and must not read.
 */
import { chatIdOf, expect, paramOf, scriptTag, test } from './support/page.js';
import type { TestServer } from './support/server.js';

const TAG = '%0ARequest%20ID%3A%20';

/** The widget served inside the frame: a link, a window.open button and a self-navigating button. */
const WIDGET = `<!doctype html><html lang="en"><head><meta charset="utf-8">{{own}}</head><body>
<a id="link" target="_blank" href="https://wa.me/79161234567?text=Hello%20from%20the%20widget">WhatsApp</a>
<button id="open" onclick="window.open('https://t.me/jane_doe?text=' + encodeURIComponent('Widget question'), '_blank')">Telegram</button>
<button id="top" onclick="top.location.href = 'https://wa.me/79161234567?text=Top%20level'">Go</button>
<button id="self" onclick="location.href = 'https://t.me/shop_bot?start=widget'">Bot here</button>
</body></html>`;

const framed = (server: TestServer, own = ''): string => {
  server.page('/widget-frame.html', WIDGET.replace('{{own}}', own));
  return server.page(
    '/framed.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8">${scriptTag()}</head>
<body><h1>Shop</h1><iframe id="chat" src="/widget-frame.html"></iframe></body></html>`,
  );
};

const platformBeacons = (server: TestServer) => server.beacons.filter((b) => b.body.platform).map((b) => b.body);

test('a same-origin frame: its links, clicks and window.open carry the chat ID and send the pairing', async ({
  page,
  server,
  opened,
  errors,
}) => {
  await page.goto(framed(server));
  const id = await chatIdOf(page);
  const frame = page.frameLocator('#chat');
  await expect
    .poll(() => frame.locator('#link').getAttribute('href'))
    .toBe(`https://wa.me/79161234567?text=Hello%20from%20the%20widget${TAG}${id}`);

  let popup = page.waitForEvent('popup');
  await frame.locator('#link').click();
  await (await popup).waitForLoadState();
  expect(opened).toEqual([`https://wa.me/79161234567?text=Hello%20from%20the%20widget${TAG}${id}`]);
  await expect
    .poll(() => platformBeacons(server))
    .toEqual([expect.objectContaining({ chatId: id, platform: 'whatsapp' })]);

  popup = page.waitForEvent('popup');
  await frame.locator('#open').click();
  await (await popup).waitForLoadState();
  expect(opened[1]).toBe(`https://t.me/jane_doe?text=Widget%20question${TAG}${id}`);
  expect(paramOf(opened[1]!, 'text')).toBe(`Widget question\nRequest ID: ${id}`);
  await expect
    .poll(() => platformBeacons(server).map((b) => [b.chatId, b.platform]))
    .toEqual([
      [id, 'whatsapp'],
      [id, 'telegram'],
    ]);
  expect(errors).toEqual([]);
});

test('a navigation of the frame itself, and of the top page from the frame, is re-targeted', async ({
  page,
  server,
  opened,
  errors,
}) => {
  await page.goto(framed(server));
  const id = await chatIdOf(page);
  const frame = page.frameLocator('#chat');
  await expect.poll(() => frame.locator('#link').getAttribute('href')).toContain(id);
  await frame.locator('#self').click();
  await expect.poll(() => opened).toEqual([`https://t.me/shop_bot?start=widget-${id}`]);
  await expect
    .poll(() => platformBeacons(server))
    .toEqual([expect.objectContaining({ chatId: id, platform: 'telegram' })]);

  await page.goto(framed(server));
  await expect.poll(() => frame.locator('#link').getAttribute('href')).toContain(id);
  await frame.locator('#top').click();
  await page.waitForURL(/wa\.me/);
  expect(opened[1]).toBe(`https://wa.me/79161234567?text=Top%20level${TAG}${id}`);
  await expect.poll(() => platformBeacons(server).map((b) => b.platform)).toEqual(['telegram', 'whatsapp']);
  expect(errors).toEqual([]);
});

test('a frame added later, built by script, is covered; a frame with its own copy is covered once', async ({
  page,
  server,
  opened,
  warnings,
  errors,
}) => {
  // The widget frame loads the script too: one instance must handle it, or each click would
  // send its pairing twice.
  await page.goto(framed(server, scriptTag()));
  const id = await chatIdOf(page);
  const frame = page.frameLocator('#chat');
  await expect
    .poll(() => frame.locator('#link').getAttribute('href'))
    .toBe(`https://wa.me/79161234567?text=Hello%20from%20the%20widget${TAG}${id}`);
  const popup = page.waitForEvent('popup');
  await frame.locator('#link').click();
  await (await popup).waitForLoadState();
  expect(opened).toEqual([`https://wa.me/79161234567?text=Hello%20from%20the%20widget${TAG}${id}`]);
  await expect.poll(() => platformBeacons(server)).toHaveLength(1);
  await page.waitForTimeout(300);
  expect(platformBeacons(server)).toHaveLength(1);
  // Whichever started first covers the frame: the top page's instance (the frame's copy then
  // warns that its config is ignored) or the frame's own copy (the top page leaves the frame alone).
  expect(warnings.filter((w) => !w.includes('another copy is running'))).toEqual([]);

  // An empty frame a widget fills by script (no src, so no load of its own to wait for).
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.id = 'built';
    document.body.append(f);
    f.contentDocument!.body.innerHTML = '<a id="late" href="https://t.me/jane_doe?text=Built%20by%20script">Chat</a>';
  });
  await expect
    .poll(() => page.frameLocator('#built').locator('#late').getAttribute('href'))
    .toBe(`https://t.me/jane_doe?text=Built%20by%20script${TAG}${id}`);
  expect(errors).toEqual([]);
});

test('a cross-origin frame is left alone', async ({ page, server, context, opened, errors }) => {
  // Another origin on loopback (localhost, not 127.0.0.1), answered by the test.
  const other = server.origin.replace('127.0.0.1', 'localhost');
  await context.route(`${other}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<a id="link" target="_blank" href="https://wa.me/79161234567?text=Other%20site">Chat</a>',
    }),
  );
  await page.goto(
    server.page(
      '/cross.html',
      `<!doctype html><html lang="en"><head>${scriptTag()}</head><body>
<a id="own" href="https://wa.me/79161234567">Ours</a><iframe id="x" src="${other}/frame.html"></iframe></body></html>`,
    ),
  );
  const id = await chatIdOf(page);
  await expect.poll(() => page.getAttribute('#own', 'href')).toContain(id);
  const frame = page.frameLocator('#x');
  await expect(frame.locator('#link')).toHaveCount(1);
  await page.waitForTimeout(300);
  expect(await frame.locator('#link').getAttribute('href')).toBe('https://wa.me/79161234567?text=Other%20site');
  const popup = page.waitForEvent('popup');
  await frame.locator('#link').click();
  await (await popup).waitForLoadState();
  expect(opened).toEqual(['https://wa.me/79161234567?text=Other%20site']);
  expect(platformBeacons(server)).toEqual([]);
  expect(errors).toEqual([]);
});
