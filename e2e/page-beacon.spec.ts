import { CHAT_ID, expect, fixture, scriptTag, test } from './support/page.js';
import { COLLECTOR_PATH } from './support/server.js';

const CLIENT_ID = '1700000000123456789';
const loadYmNow = '<script src="/e2e/fixtures/ym-stub.js"></script>';
// The test loads the Metrica tag when it is ready for it, not a timer: on a loaded machine a timer
// can fire before the test has looked at the state without it.
const loadYmLate = `<script>window.loadYm = function () {
  var s = document.createElement('script'); s.src = '/e2e/fixtures/ym-stub.js'; document.head.appendChild(s);
};</script>`;

test('a click sends the pairing to the collector before the messenger opens', async ({
  page,
  server,
  opened,
  errors,
}) => {
  const url = fixture(server, 'links.html', { lang: 'en', head: loadYmNow, script: scriptTag() });
  await page.goto(url);
  // Links on the page and the ClientID known: the pairing goes out without waiting for a click.
  const [first] = await server.waitForBeacons(1);
  expect(first!.body).toMatchObject({ v: 1, clientId: CLIENT_ID, counterId: '12345678', url });
  expect(first!.body.platform).toBeUndefined();
  const id = first!.body.chatId as string;
  expect(id).toMatch(CHAT_ID);

  await page.click('#bot');
  await expect.poll(() => opened).toEqual([`https://t.me/shop_bot?start=${id}`]);
  const beacons = await server.waitForBeacons(2);
  const click = beacons[1]!;
  expect(click.contentType).toMatch(/^text\/plain/);
  // Field order and content exactly as the v1 contract says; absent fields are left out.
  expect(Object.keys(click.body)).toEqual(['v', 'chatId', 'clientId', 'counterId', 'url', 'platform', 'ts']);
  expect(click.raw.startsWith(`{"v":1,"chatId":"${id}","clientId":"${CLIENT_ID}","counterId":"12345678","url":`)).toBe(
    true,
  );
  expect(click.body.platform).toBe('telegram');
  expect(Math.abs((click.body.ts as number) - Date.now())).toBeLessThan(60_000);
  expect(errors).toEqual([]);
});

test('never sends an unchanged pairing twice in a page view', async ({ page, server, errors }) => {
  await page.goto(fixture(server, 'links.html', { lang: 'en', head: loadYmNow, script: scriptTag() }));
  await server.waitForBeacons(1);
  // Middle-button clicks (auxclick) open new tabs; the page stays, so repeated clicks can be counted.
  await page.click('#wa', { button: 'middle' });
  await page.click('#api', { button: 'middle' });
  await page.click('#wa', { button: 'middle' });
  await server.waitForBeacons(2);
  await page.waitForTimeout(500);
  expect(server.beacons.map((b) => b.body.platform)).toEqual([undefined, 'whatsapp']);
  // An in-page anchor is the same page view: the fragment is not part of the pairing.
  await page.evaluate(() => {
    location.hash = 'reviews';
  });
  await page.click('#wa', { button: 'middle' });
  await page.waitForTimeout(300);
  expect(server.beacons).toHaveLength(2);
  // A new Metrica ID is a new pairing.
  await page.evaluate(() =>
    (window as unknown as { MetricaChats: { setUserId(v: string): void } }).MetricaChats.setUserId('u-42'),
  );
  const beacons = await server.waitForBeacons(3);
  expect(beacons[2]!.body).toMatchObject({ userId: 'u-42', clientId: CLIENT_ID, platform: 'whatsapp' });
  expect(beacons[2]!.body.url).toBe(beacons[0]!.body.url);
  expect(beacons[2]!.body.url).not.toContain('#');
  await page.waitForTimeout(300);
  expect(server.beacons).toHaveLength(3);
  expect(errors).toEqual([]);
});

test('setUserId and setPurchaseId refuse what the collector would refuse, with a warning', async ({
  page,
  server,
  warnings,
  errors,
}) => {
  await page.goto(fixture(server, 'links.html', { lang: 'en', head: loadYmNow, script: scriptTag() }));
  await server.waitForBeacons(1);
  await page.evaluate(() => {
    const api = (window as unknown as { MetricaChats: Record<string, (v: unknown) => void> }).MetricaChats;
    api.setUserId!(false); // `user && user.id` with no user
    api.setUserId!('x'.repeat(101));
    api.setPurchaseId!('order\t42');
    api.setUserId!(['u-42']); // a tag manager variable that holds a list
  });
  await page.waitForTimeout(300);
  expect(server.beacons).toHaveLength(1);
  expect(warnings).toEqual([
    expect.stringMatching(/^\[metrica-chats\] userId: expected .*got false$/),
    expect.stringMatching(/^\[metrica-chats\] userId: expected .*got "x{101}"$/),
    expect.stringMatching(/^\[metrica-chats\] purchaseId: expected .*got "order\\t42"$/),
    expect.stringMatching(/^\[metrica-chats\] userId: expected .*got \["u-42"\]$/),
  ]);
  await page.evaluate(() =>
    (window as unknown as { MetricaChats: { setPurchaseId(v: number): void } }).MetricaChats.setPurchaseId(42),
  );
  const beacons = await server.waitForBeacons(2);
  expect(beacons[1]!.body).toMatchObject({ purchaseId: '42', clientId: CLIENT_ID });
  expect(errors).toEqual([]);
});

test('the yclid of the landing page reaches the pairing sent from the next page', async ({ page, server, opened }) => {
  // No Metrica tag at all (as with a content blocker): the yclid is the only Metrica ID.
  fixture(server, 'links.html', { lang: 'en', script: scriptTag() });
  await page.goto(
    `${fixture(server, 'plain.html', { script: scriptTag() })}?yclid=7071234567890123455&utm_source=yandex`,
  );
  await page.waitForFunction(() => (window as { MetricaChats?: unknown }).MetricaChats);
  expect(server.beacons).toEqual([]); // no messenger links here
  await page.click('#next'); // plain.html links to /links.html
  const [pairing] = await server.waitForBeacons(1);
  expect(pairing!.body).toMatchObject({ yclid: '7071234567890123455', referrer: expect.stringContaining('yclid=') });
  expect(pairing!.body.clientId).toBeUndefined();
  await page.click('#person');
  const beacons = await server.waitForBeacons(2);
  expect(beacons[1]!.body).toMatchObject({ yclid: '7071234567890123455', platform: 'telegram' });
  expect(opened[0]).toContain(`text=I%20want%20a%20sofa%0ARequest%20ID%3A%20${pairing!.body.chatId}`);
});

test('picks up the ClientID when the Metrica tag loads after the script', async ({ page, server }) => {
  await page.goto(fixture(server, 'links.html', { lang: 'en', head: loadYmLate, script: scriptTag() }));
  await page.waitForFunction(() => (window as { MetricaChats?: unknown }).MetricaChats);
  await page.waitForTimeout(200);
  expect(server.beacons).toEqual([]); // links, but no Metrica ID yet
  await page.evaluate(() => (window as unknown as { loadYm(): void }).loadYm());
  const [pairing] = await server.waitForBeacons(1, 5000);
  expect(pairing!.body).toMatchObject({ clientId: CLIENT_ID, counterId: '12345678' });
});

test('falls back to the _ym_uid cookie when the tag is blocked', async ({ page, server, context }) => {
  const { hostname } = new URL(server.origin);
  await context.addCookies([{ name: '_ym_uid', value: '1690000000987654321', domain: hostname, path: '/' }]);
  await page.goto(fixture(server, 'links.html', { lang: 'en', script: scriptTag() }));
  const [pairing] = await server.waitForBeacons(1);
  expect(pairing!.body.clientId).toBe('1690000000987654321');
  expect(COLLECTOR_PATH).toBe('/v1/pairings');
});

test('a page address longer than the collector takes is cut, not the reason the pairing is lost', async ({
  page,
  server,
}) => {
  const url = `${fixture(server, 'links.html', { lang: 'en', head: loadYmNow, script: scriptTag() })}?q=${'x'.repeat(3000)}`;
  await page.goto(url);
  const [pairing] = await server.waitForBeacons(1);
  expect(pairing!.body.url).toBe(url.slice(0, 2048));
});

test('keepParams: the pairing carries only the chosen query parameters of the page and the referrer', async ({
  page,
  server,
  errors,
}) => {
  const config = `<script>window.MetricaChatsConfig = { keepParams: ['utm_source', 'utm_campaign'] };</script>`;
  fixture(server, 'links.html', { lang: 'en', head: config + loadYmNow, script: scriptTag() });
  const landing = fixture(server, 'plain.html', { head: config, script: scriptTag() });
  await page.goto(`${landing}?email=jane%40mail.example&utm_source=direct&phone=79161234567&utm_campaign=sofa#top`);
  await page.waitForFunction(() => (window as { MetricaChats?: unknown }).MetricaChats);
  const links = `${new URL('/links.html', server.origin).href}`;
  await page.evaluate((to) => location.assign(to), `${links}?utm_campaign=sofa&email=jane%40mail.example&gclid=1`);
  const [pairing] = await server.waitForBeacons(1);
  expect(pairing!.body.url).toBe(`${links}?utm_campaign=sofa`);
  expect(pairing!.body.referrer).toBe(`${landing}?utm_source=direct&utm_campaign=sofa`);
  expect(pairing!.raw).not.toMatch(/jane|79161234567|email|phone|gclid/);
  expect(errors).toEqual([]);
});
