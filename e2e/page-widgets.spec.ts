/**
 * How chat buttons, WordPress chat plugins and web components really open a chat, beyond a plain
 * `<a href>`: GET forms, links inside shadow roots, `.click()` on a link that is in no document,
 * a message with a raw `%`, and a `href="#"` link pointed at the messenger during the click.
 * Each test follows the chat ID to the messenger URL the browser requested (messenger hosts are
 * answered locally) and to the pairing the collector received.
 */
import { chatIdOf, expect, paramOf, scriptTag, test } from './support/page.js';
import type { TestServer } from './support/server.js';

const TAG = '%0ARequest%20ID%3A%20';

/** A page with the script in `<head>` and `body` after it. */
const widgetPage = (server: TestServer, body: string, head = ''): string =>
  server.page(
    '/widget.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}${scriptTag()}</head><body>${body}</body></html>`,
  );

const leftFor = async (server: TestServer, chatId: string, platform: string): Promise<void> => {
  await expect
    .poll(() => server.beacons.filter((b) => b.body.platform).map((b) => b.body))
    .toEqual([expect.objectContaining({ chatId, platform })]);
};

test('a GET form whose action is a messenger link submits the chat ID; the input keeps its text', async ({
  page,
  server,
  opened,
  errors,
}) => {
  // As WordPress chat popups do: the visitor types the message, the form opens WhatsApp.
  await page.goto(
    widgetPage(
      server,
      `<form id="f" action="https://wa.me/79161234567" target="_blank">
  <input id="msg" name="text" value=""><input type="hidden" name="app_absent" value="0">
  <input type="checkbox" name="topic" value="sofa" checked><input type="checkbox" name="topic" value="chair" checked>
  <button id="send">Send</button></form>`,
    ),
  );
  const id = await chatIdOf(page);
  await page.fill('#msg', 'Is the 20% discount on?');
  const popup = page.waitForEvent('popup');
  await page.click('#send');
  await (await popup).waitForLoadState();
  expect(opened).toHaveLength(1);
  const url = opened[0]!;
  expect(url.startsWith('https://wa.me/79161234567?')).toBe(true);
  // A form sends a line break as CRLF (HTML normalises the entry list on submission).
  expect(paramOf(url, 'text')).toBe(`Is the 20% discount on?\r\nRequest ID: ${id}`);
  expect(paramOf(url, 'app_absent')).toBe('0');
  // A field sent several times keeps every value.
  expect(new URL(url).searchParams.getAll('topic')).toEqual(['sofa', 'chair']);
  expect(await page.inputValue('#msg')).toBe('Is the 20% discount on?');
  await leftFor(server, id, 'whatsapp');
  expect(errors).toEqual([]);
});

test('a GET form without a text field gets one; a form elsewhere is submitted as it was', async ({
  page,
  server,
  opened,
}) => {
  await page.goto(
    widgetPage(
      server,
      `<form id="bot" action="https://t.me/shop_bot" target="_blank"><button id="go">Open the bot</button></form>
<form id="search" action="/search" target="_blank"><input name="q" value="sofa"><button id="find">Find</button></form>`,
    ),
  );
  const id = await chatIdOf(page);
  const popup = page.waitForEvent('popup');
  await page.click('#go');
  await (await popup).waitForLoadState();
  expect(opened).toEqual([`https://t.me/shop_bot?start=${id}`]);
  const other = page.waitForEvent('popup');
  await page.click('#find');
  const search = await other;
  await search.waitForLoadState();
  expect(search.url()).toBe(`${server.origin}/search?q=sofa`);
});

/** A chat-button web component: its link lives in an open shadow root. */
const COMPONENT = `<script>
customElements.define('chat-button', class extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: 'open' }).innerHTML =
      '<a part="link" target="_blank" href="' + this.getAttribute('href') + '">' + this.textContent + '</a>';
  }
});
</script>`;

test('links inside open shadow roots, present at start or added later, are rewritten and clicked with the ID', async ({
  page,
  server,
  opened,
  errors,
}) => {
  // The component is on the page before the script starts (the script loads async, after it).
  await page.goto(
    widgetPage(
      server,
      `<chat-button id="early" href="https://wa.me/79161234567?text=Hi%20there">WhatsApp</chat-button>`,
      COMPONENT,
    ),
  );
  const id = await chatIdOf(page);
  const shadowHref = (host: string) =>
    page.evaluate((h) => document.getElementById(h)!.shadowRoot!.querySelector('a')!.getAttribute('href'), host);
  await expect.poll(() => shadowHref('early')).toBe(`https://wa.me/79161234567?text=Hi%20there${TAG}${id}`);
  await page.evaluate(() => {
    const late = document.createElement('chat-button');
    late.id = 'late';
    late.setAttribute('href', 'https://t.me/jane_doe?text=About%20my%20order');
    late.textContent = 'Telegram';
    document.body.append(late);
  });
  await expect.poll(() => shadowHref('late')).toBe(`https://t.me/jane_doe?text=About%20my%20order${TAG}${id}`);
  const popup = page.waitForEvent('popup');
  await page.locator('#late').getByRole('link').click();
  await (await popup).waitForLoadState();
  expect(opened).toEqual([`https://t.me/jane_doe?text=About%20my%20order${TAG}${id}`]);
  expect(paramOf(opened[0]!, 'text')).toBe(`About my order\nRequest ID: ${id}`);
  await leftFor(server, id, 'telegram');
  expect(errors).toEqual([]);
});

test('a link in a shadow root the script could not find beforehand gets the ID at the click', async ({
  page,
  server,
  opened,
  errors,
}) => {
  // A declarative shadow root parsed after the script started (the script is sync in <head>):
  // no attachShadow() call announces it, so the click, seen through composedPath(), is what finds it.
  const sync = '<script src="/dist/metrica-chats.min.js" data-endpoint="/v1/pairings"></script>';
  await page.goto(
    server.page(
      '/declarative.html',
      `<!doctype html><html lang="en"><head>${sync}</head><body>
<div id="host"><template shadowrootmode="open"><a target="_blank" href="https://wa.me/79161234567?text=Hello%20shop">Chat</a></template></div>
</body></html>`,
    ),
  );
  const id = await chatIdOf(page);
  expect(
    await page.evaluate(() => document.getElementById('host')!.shadowRoot!.querySelector('a')!.getAttribute('href')),
  ).toBe('https://wa.me/79161234567?text=Hello%20shop');
  const popup = page.waitForEvent('popup');
  await page.locator('#host').getByRole('link').click();
  await (await popup).waitForLoadState();
  expect(opened).toEqual([`https://wa.me/79161234567?text=Hello%20shop${TAG}${id}`]);
  await leftFor(server, id, 'whatsapp');
  expect(errors).toEqual([]);
});

test('.click() on a link that is in no document opens the messenger with the ID', async ({
  page,
  server,
  opened,
  errors,
}) => {
  // The helper some widgets use: make a link, set href and target, click it, never insert it.
  await page.goto(
    widgetPage(
      server,
      `<button id="chat">Chat</button><script>
document.getElementById('chat').addEventListener('click', function () {
  var a = document.createElement('a');
  a.href = 'https://wa.me/79161234567?text=' + encodeURIComponent('Need help with order 123');
  a.target = '_blank';
  a.rel = 'noopener';
  a.click();
});
</script>`,
    ),
  );
  const id = await chatIdOf(page);
  await page.click('#chat');
  await expect
    .poll(() => opened)
    .toEqual([`https://wa.me/79161234567?text=Need%20help%20with%20order%20123${TAG}${id}`]);
  expect(paramOf(opened[0]!, 'text')).toBe(`Need help with order 123\nRequest ID: ${id}`);
  await leftFor(server, id, 'whatsapp');
  expect(errors).toEqual([]);
});

test('.click() on a detached link that navigates this tab carries the ID too', async ({ page, server, opened }) => {
  await page.goto(
    widgetPage(
      server,
      '<button id="chat" onclick="var a=document.createElement(\'a\');a.href=\'https://t.me/shop_bot\';a.click()">Bot</button>',
    ),
  );
  const id = await chatIdOf(page);
  await page.click('#chat');
  await page.waitForURL(/t\.me/);
  expect(opened).toEqual([`https://t.me/shop_bot?start=${id}`]);
  await leftFor(server, id, 'telegram');
});

test('a raw % in a widget-built message is read as a literal %, and the link gets the ID', async ({
  page,
  server,
  opened,
  errors,
}) => {
  await page.goto(
    widgetPage(
      server,
      `<a id="promo" target="_blank" href="https://wa.me/79161234567?text=Is the 20% discount on?&amp;utm=a%2Fb">Ask</a>`,
    ),
  );
  const id = await chatIdOf(page);
  const expected = `https://wa.me/79161234567?text=Is%20the%2020%25%20discount%20on%3F${TAG}${id}&utm=a%2Fb`;
  await expect.poll(() => page.getAttribute('#promo', 'href')).toBe(expected);
  const popup = page.waitForEvent('popup');
  await page.click('#promo');
  await (await popup).waitForLoadState();
  expect(opened).toEqual([expected]);
  expect(paramOf(opened[0]!, 'text')).toBe(`Is the 20% discount on?\nRequest ID: ${id}`);
  await leftFor(server, id, 'whatsapp');
  expect(errors).toEqual([]);
});

// The widget points a placeholder link at the messenger in its own click handler, after the
// script's capture-phase check: the link must still get the ID, and the pairing must go out.
for (const how of ['a visitor click', 'a scripted .click()'] as const) {
  test(`a href="#" link re-pointed during ${how} opens the messenger with the ID and sends the pairing`, async ({
    page,
    server,
    opened,
    errors,
  }) => {
    await page.goto(
      widgetPage(
        server,
        `<a id="w" href="#" target="_blank">Write to us</a><button id="b">Open</button><script>
document.getElementById('w').addEventListener('click', function () {
  this.href = 'https://t.me/jane_doe?text=' + encodeURIComponent('Question about delivery');
});
document.getElementById('b').addEventListener('click', function () { document.getElementById('w').click(); });
</script>`,
      ),
    );
    const id = await chatIdOf(page);
    const popup = page.waitForEvent('popup');
    await page.click(how === 'a visitor click' ? '#w' : '#b');
    await (await popup).waitForLoadState();
    expect(opened).toEqual([`https://t.me/jane_doe?text=Question%20about%20delivery${TAG}${id}`]);
    expect(paramOf(opened[0]!, 'text')).toBe(`Question about delivery\nRequest ID: ${id}`);
    await leftFor(server, id, 'telegram');
    expect(errors).toEqual([]);
  });
}
