import { readFileSync } from 'node:fs';
import { expect, test } from './support/page.js';
import { ROOT } from './support/server.js';

// The README's page-script snippets, run as written in Chromium: only the example hosts are
// pointed at the loopback server.

const readme = readFileSync(`${ROOT}README.md`, 'utf8');
const blocks = (lang: string): string[] =>
  [...readme.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1] as string);
const html = blocks('html');
const js = blocks('js');

/** The README's example URLs, served locally. */
const local = (snippet: string, origin: string): string =>
  snippet
    .replaceAll('https://www.example.com/js/metrica-chats.min.js', `${origin}/dist/metrica-chats.min.js`)
    .replaceAll('https://www.example.com/v1/pairings', `${origin}/v1/pairings`);

const find = (list: string[], what: string, pred: (b: string) => boolean): string => {
  const block = list.find(pred);
  if (!block) throw new Error(`the README has no ${what}`);
  return block;
};

const page = (lang: string, head: string, body: string): string =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

const LINKS = '<a id="bot" href="https://t.me/support_team">bot</a><a id="wa" href="https://wa.me/79161234567">wa</a>';

test('the script tag and MetricaChatsConfig from the README work as written', async ({
  page: tab,
  server,
  errors,
  opened,
}) => {
  const tag = find(html, 'script tag', (b) => b.includes('data-endpoint') && !b.includes('data-consent'));
  const config = find(html, 'MetricaChatsConfig block', (b) => b.includes('window.MetricaChatsConfig'));
  await tab.goto(server.page('/readme-tag.html', page('ru', config + local(tag, server.origin), LINKS)));
  // `bots: ['support_team']` makes that username a bot; the template is the README's.
  await tab.waitForFunction(() => document.getElementById('bot')!.getAttribute('href')!.includes('start='));
  const id = await tab.evaluate(() =>
    (window as unknown as { MetricaChats: { getChatId(): string } }).MetricaChats.getChatId(),
  );
  expect(await tab.getAttribute('#bot', 'href')).toBe(`https://t.me/support_team?start=${id}`);
  const text = new URL((await tab.getAttribute('#wa', 'href')) ?? '').searchParams.get('text');
  expect(text).toBe(`Заявка ${id}`); // a custom template adds no greeting of its own
  await tab.click('#wa');
  const beacons = await server.waitForBeacons(1);
  expect(beacons.at(-1)!.body).toMatchObject({ v: 1, chatId: id, counterId: '12345678', platform: 'whatsapp' });
  expect(opened).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('the README’s consent snippet: nothing happens before grantConsent()', async ({
  page: tab,
  context,
  server,
  errors,
}) => {
  const tag = find(html, 'consent script tag', (b) => b.includes('data-consent="required"'));
  const grant = find(js, 'grantConsent call', (b) => b.includes('grantConsent()'));
  await tab.goto(server.page('/readme-consent.html', page('en', local(tag, server.origin), LINKS)));
  await tab.waitForFunction(() => 'MetricaChats' in window);
  await tab.waitForTimeout(300);
  expect(await tab.getAttribute('#wa', 'href')).toBe('https://wa.me/79161234567');
  expect(await context.cookies()).toEqual([]);
  expect(server.beacons).toEqual([]);
  await tab.evaluate(grant);
  await tab.waitForFunction(() => document.getElementById('wa')!.getAttribute('href')!.includes('text='));
  expect((await context.cookies()).map((c) => c.name)).toContain('_mc_chat');
  expect(errors).toEqual([]);
});

test('the README’s decorate() snippet for location.href works as written', async ({
  page: tab,
  server,
  errors,
  opened,
}) => {
  const tag = find(html, 'script tag', (b) => b.includes('data-endpoint') && !b.includes('data-consent'));
  const snippet = find(js, 'decorate snippet', (b) => b.includes('MetricaChats.decorate('));
  const body = `<button type="button">Chat</button><script>
    window.addEventListener('load', function () { var button = document.querySelector('button'); ${snippet} });
  </script>`;
  await tab.goto(server.page('/readme-decorate.html', page('en', local(tag, server.origin), body)));
  await tab.waitForFunction(() => 'MetricaChats' in window && document.readyState === 'complete');
  const id = await tab.evaluate(() =>
    (window as unknown as { MetricaChats: { getChatId(): string } }).MetricaChats.getChatId(),
  );
  await tab.click('button');
  await expect.poll(() => opened.length).toBe(1);
  expect(new URL(opened[0]!).searchParams.get('text')).toBe(`Hello!\nRequest ID: ${id}`);
  const beacons = await server.waitForBeacons(1);
  expect(beacons.at(-1)!.body).toMatchObject({ chatId: id, platform: 'whatsapp' });
  expect(errors).toEqual([]);
});

test('the README’s keepParams snippet sends only the chosen query parameters', async ({
  page: tab,
  server,
  errors,
}) => {
  const tag = find(html, 'script tag', (b) => b.includes('data-endpoint') && !b.includes('data-consent'));
  const config = find(html, 'keepParams block', (b) => b.includes('keepParams'));
  const url = server.page('/readme-keep.html', page('en', config + local(tag, server.origin), LINKS));
  await tab.goto(`${url}?utm_source=direct&email=jane%40mail.example&utm_campaign=sofa&phone=79161234567`);
  await tab.click('#wa');
  const [pairing] = await server.waitForBeacons(1);
  expect(pairing!.body.url).toBe(`${url}?utm_source=direct&utm_campaign=sofa`);
  expect(errors).toEqual([]);
});
