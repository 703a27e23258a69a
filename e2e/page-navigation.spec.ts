/**
 * Code that navigates by itself (`location.href = url`, `location.assign`, `location.replace`:
 * Next.js and Nuxt external redirects, hand-written buttons) without calling decorate(). The
 * script re-targets such navigations through the Navigation API's `navigate` event.
 * Chromium facts these tests rest on (checked in Chromium 156): the event fires, cancelable,
 * for a cross-origin `https:` destination (also WPT navigate-event/intercept-cross-origin.html)
 * and for `tg:`, `whatsapp:`, `viber:`; a custom-scheme navigation leaves the page where it is
 * and is handed to the operating system, so it is observed over CDP, not as a request.
 */
import { chatIdOf, expect, paramOf, requestedNavigations, scriptTag, test } from './support/page.js';
import type { TestServer } from './support/server.js';

/** A page whose button runs `code` on click, as a widget's button does. */
const buttonPage = (server: TestServer, code: string): string =>
  server.page(
    '/nav.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8">${scriptTag()}</head>
<body><button id="chat" onclick="${code}">Chat with us</button></body></html>`,
  );

const platformBeacon = async (server: TestServer, chatId: string) => {
  await expect.poll(() => server.beacons.filter((b) => b.body.platform).length).toBeGreaterThan(0);
  const beacon = server.beacons.find((b) => b.body.platform)!;
  expect(beacon.body.chatId).toBe(chatId);
  return beacon.body;
};

for (const how of ['href', 'assign'] as const) {
  test(`location.${how} to a messenger link is re-targeted with the chat ID and pushes history as before`, async ({
    page,
    server,
    opened,
    errors,
  }) => {
    const code =
      how === 'href'
        ? "location.href = 'https://wa.me/79161234567?text=Is%20delivery%20free%3F'"
        : "location.assign('https://wa.me/79161234567?text=Is%20delivery%20free%3F')";
    await page.goto(buttonPage(server, code));
    const id = await chatIdOf(page);
    const before = await page.evaluate(() => history.length);
    await page.click('#chat');
    await page.waitForURL(/wa\.me/);
    expect(opened).toEqual([`https://wa.me/79161234567?text=Is%20delivery%20free%3F%0ARequest%20ID%3A%20${id}`]);
    expect(paramOf(opened[0]!, 'text')).toBe(`Is delivery free?\nRequest ID: ${id}`);
    expect(await page.evaluate(() => history.length)).toBe(before + 1);
    expect(await platformBeacon(server, id)).toMatchObject({ platform: 'whatsapp' });
    expect(errors).toEqual([]);
  });
}

test('location.replace stays a replace: the chat ID is written in and no history entry is pushed', async ({
  page,
  server,
  opened,
  errors,
}) => {
  await page.goto(buttonPage(server, "location.replace('https://t.me/jane_doe?text=I%20want%20a%20sofa')"));
  const id = await chatIdOf(page);
  const before = await page.evaluate(() => history.length);
  await page.click('#chat');
  await page.waitForURL(/t\.me/);
  expect(opened).toEqual([`https://t.me/jane_doe?text=I%20want%20a%20sofa%0ARequest%20ID%3A%20${id}`]);
  // The landing page was replaced, not kept behind the messenger.
  expect(await page.evaluate(() => history.length)).toBe(before);
  expect(await platformBeacon(server, id)).toMatchObject({ platform: 'telegram' });
  expect(errors).toEqual([]);
});

test('a bot link set through location.href keeps its own start value and gets the chat ID', async ({
  page,
  server,
  opened,
}) => {
  await page.goto(buttonPage(server, "location.href = 'https://t.me/shop_bot?start=promo'"));
  const id = await chatIdOf(page);
  await page.click('#chat');
  await page.waitForURL(/t\.me/);
  expect(opened).toEqual([`https://t.me/shop_bot?start=promo-${id}`]);
  expect(await platformBeacon(server, id)).toMatchObject({ platform: 'telegram' });
});

// Custom schemes: the navigation is re-targeted the same way; the page stays, so the test can
// also check that no undecorated navigation was requested before or after.
const CUSTOM = [
  {
    code: "location.href = 'tg://resolve?domain=jane_doe&text=Hello%20from%20the%20site'",
    expected: (id: string) => `tg://resolve?domain=jane_doe&text=Hello%20from%20the%20site%0ARequest%20ID%3A%20${id}`,
    carrier: 'text',
    kept: 'Hello from the site',
    platform: 'telegram',
  },
  {
    code: "location.replace('whatsapp://send?phone=79161234567&text=Is%20it%20in%20stock%3F')",
    expected: (id: string) =>
      `whatsapp://send?phone=79161234567&text=Is%20it%20in%20stock%3F%0ARequest%20ID%3A%20${id}`,
    carrier: 'text',
    kept: 'Is it in stock?',
    platform: 'whatsapp',
  },
  {
    code: "location.assign('viber://chat?number=%2B79161234567&draft=Hi')",
    expected: (id: string) => `viber://chat?number=%2B79161234567&draft=Hi%0ARequest%20ID%3A%20${id}`,
    carrier: 'draft',
    kept: 'Hi',
    platform: 'viber',
  },
];
for (const c of CUSTOM) {
  test(`${c.code.split(/[(=]/)[0]!.trim()} to a ${c.platform} app link is re-targeted with the chat ID`, async ({
    page,
    server,
    errors,
  }) => {
    const url = buttonPage(server, c.code);
    const requested = await requestedNavigations(page);
    await page.goto(url);
    const id = await chatIdOf(page);
    requested.length = 0;
    await page.click('#chat');
    await expect.poll(() => requested).toEqual([c.expected(id)]);
    expect(paramOf(requested[0]!, c.carrier)).toBe(`${c.kept}\nRequest ID: ${id}`);
    expect(await platformBeacon(server, id)).toMatchObject({ platform: c.platform });
    // The page is still there (the app link went to the operating system), and nothing else was asked for.
    await page.waitForTimeout(300);
    expect(page.url()).toBe(url);
    expect(requested).toHaveLength(1);
    expect(errors).toEqual([]);
  });
}

test('a navigation that already carries the chat ID, or goes elsewhere, is left alone', async ({
  page,
  server,
  opened,
  errors,
}) => {
  await page.goto(buttonPage(server, "location.href = MetricaChats.decorate('https://wa.me/79161234567')"));
  const id = await chatIdOf(page);
  const requested = await requestedNavigations(page);
  await page.click('#chat');
  await page.waitForURL(/wa\.me/);
  expect(opened).toEqual([`https://wa.me/79161234567?text=Hello!%0ARequest%20ID%3A%20${id}`]);
  // Requested once: the decorated navigation was not cancelled and started again.
  expect(requested.filter((u) => u.includes('wa.me'))).toEqual([opened[0]]);
  expect(errors).toEqual([]);
});

test('a page that cancels the navigation itself keeps it cancelled, with no error', async ({
  page,
  server,
  opened,
  errors,
}) => {
  await page.goto(buttonPage(server, "location.href = 'https://wa.me/79161234567'"));
  const id = await chatIdOf(page);
  // A router that refuses to leave, registered after the script. It sees the decorated
  // navigation first (started inside the script's listener), then the original one.
  await page.evaluate(() => {
    const nav = (window as unknown as { navigation: EventTarget }).navigation;
    (window as unknown as { seen: string[] }).seen = [];
    nav.addEventListener('navigate', (e) => {
      (window as unknown as { seen: string[] }).seen.push(
        (e as unknown as { destination: { url: string } }).destination.url,
      );
      e.preventDefault();
    });
  });
  await page.click('#chat');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { seen: string[] }).seen))
    .toEqual([`https://wa.me/79161234567?text=Hello!%0ARequest%20ID%3A%20${id}`, 'https://wa.me/79161234567']);
  await page.waitForTimeout(300);
  expect(opened).toEqual([]);
  expect(page.url()).toContain('/nav.html');
  // The pairing still went out: the visitor was about to leave.
  await platformBeacon(server, id);
  expect(errors).toEqual([]);
});
