import { readFileSync } from 'node:fs';
import { expect, fixture, hrefs, test } from './support/page.js';
import { ROOT } from './support/server.js';

test('the GTM Custom HTML tag loads the script and configures it', async ({ page, server, errors }) => {
  // The tag as a user pastes it, with the two URLs and the counter filled in.
  const tag = readFileSync(`${ROOT}dist/gtm.html`, 'utf8')
    .replace('https://collect.example.com/v1/pairings', `${server.origin}/v1/pairings`)
    .replace('https://cdn.example.com/metrica-chats.min.js', `${server.origin}/dist/metrica-chats.min.js`)
    .replace("'12345678'", "'87654321'");
  // GTM injects Custom HTML tags after the page has loaded.
  const inject = `<script>window.addEventListener('load', function () {
    var box = document.createElement('div'); box.innerHTML = ${JSON.stringify(tag).replace(/<\//g, '<\\/')};
    var s = box.querySelector('script'), run = document.createElement('script');
    run.text = s.text; document.body.appendChild(run);
  });</script>`;
  await page.goto(fixture(server, 'links.html', { lang: 'en', body: inject }));
  await page.waitForFunction(() => document.getElementById('bot')!.getAttribute('href')!.includes('start='));
  const id = await page.evaluate(() =>
    (window as unknown as { MetricaChats: { getChatId(): string } }).MetricaChats.getChatId(),
  );
  expect((await hrefs(page)).bot).toBe(`https://t.me/shop_bot?start=${id}`);
  await page.click('#vpa', { button: 'middle' }); // viber:// is not followed in a test browser
  await page.click('#bot', { button: 'middle' });
  const beacons = await server.waitForBeacons(1);
  expect(beacons.at(-1)!.body).toMatchObject({ chatId: id, counterId: '87654321' });
  expect(errors).toEqual([]);
});
