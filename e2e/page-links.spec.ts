import { CHAT_ID, expect, fixture, hrefs, scriptTag, test } from './support/page.js';

const TAG_EN = '%0ARequest%20ID%3A%20';

test('rewrites the static messenger links and leaves the rest byte for byte', async ({ page, server, errors }) => {
  await page.goto(fixture(server, 'links.html', { lang: 'en', script: scriptTag() }));
  await page.waitForFunction(() => (window as { MetricaChats?: unknown }).MetricaChats);
  const id = await page.evaluate(() =>
    (window as unknown as { MetricaChats: { getChatId(): string } }).MetricaChats.getChatId(),
  );
  expect(id).toMatch(CHAT_ID);
  await expect
    .poll(() => hrefs(page))
    .toEqual({
      bot: `https://t.me/shop_bot?start=${id}`,
      person: `https://t.me/jane_doe?text=I%20want%20a%20sofa${TAG_EN}${id}`,
      wa: `https://wa.me/79161234567?text=Hello!${TAG_EN}${id}`,
      api: `https://api.whatsapp.com/send?phone=79161234567&text=Hi${TAG_EN}${id}&app_absent=0`,
      viber: `viber://chat?number=%2B79161234567&draft=Hello!${TAG_EN}${id}`,
      vpa: `viber://pa?chatURI=shop&context=${id}`,
      invite: 'https://t.me/+AbCdEf123',
      post: 'https://t.me/durov/123',
      other: 'https://example.com/?q=a+b#top',
    });
  // One chat ID per browser: cookie and localStorage copy, the same on the next page.
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === '_mc_chat')?.value).toBe(id);
  expect(await page.evaluate(() => localStorage.getItem('_mc_chat'))).toBe(id);
  await page.reload();
  await expect.poll(() => hrefs(page).then((h) => h.bot)).toBe(`https://t.me/shop_bot?start=${id}`);
  expect(errors).toEqual([]);
});

test('writes the default message in Russian on a Russian page', async ({ page, server }) => {
  await page.goto(fixture(server, 'links.html', { lang: 'ru', script: scriptTag() }));
  const wa = await page.waitForFunction(() => {
    const h = document.getElementById('wa')!.getAttribute('href')!;
    return h.includes('text=') && h;
  });
  const text = decodeURIComponent(String(await wa.jsonValue()).split('text=')[1]!);
  expect(text).toMatch(/^Здравствуйте!\nНомер обращения: CT[2-9A-Z]{8}$/);
});

test('rewrites links added or re-pointed later', async ({ page, server, errors }) => {
  await page.goto(fixture(server, 'links.html', { lang: 'en', script: scriptTag() }));
  await page.waitForFunction(() => document.getElementById('bot')!.getAttribute('href')!.includes('start='));
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.id = 'late';
    a.href = 'https://wa.me/79990001122';
    const box = document.createElement('div');
    box.append(a);
    setTimeout(() => document.body.append(box), 50);
    // A link added on its own, not inside a new container.
    const bare = document.createElement('a');
    bare.id = 'bare';
    bare.href = 'viber://pa?chatURI=shopbot';
    setTimeout(() => document.body.append(bare), 80);
    document.getElementById('other')!.setAttribute('href', 'https://t.me/support_bot#x');
  });
  await expect
    .poll(() => hrefs(page))
    .toMatchObject({
      late: expect.stringMatching(/^https:\/\/wa\.me\/79990001122\?text=Hello!%0ARequest%20ID%3A%20CT\w{8}$/),
      other: expect.stringMatching(/^https:\/\/t\.me\/support_bot\?start=CT\w{8}#x$/),
      bare: expect.stringMatching(/^viber:\/\/pa\?chatURI=shopbot&context=CT\w{8}$/),
    });
  expect(errors).toEqual([]);
});

test('decorates window.open, the chat-widget way, and decorate() for location.href', async ({
  page,
  server,
  opened,
  errors,
}) => {
  await page.goto(fixture(server, 'plain.html', { script: scriptTag() }));
  await page.waitForFunction(() => (window as { MetricaChats?: unknown }).MetricaChats);
  const id = await page.evaluate(() =>
    (window as unknown as { MetricaChats: { getChatId(): string } }).MetricaChats.getChatId(),
  );
  const popup = page.waitForEvent('popup');
  await page.evaluate(() => window.open('https://wa.me/79161234567?text=Hi', '_blank'));
  await (await popup).waitForLoadState();
  expect(opened).toContain(`https://wa.me/79161234567?text=Hi%0ARequest%20ID%3A%20${id}`);
  // A widget that passes a URL object, and one that opens a non-messenger page: both as before.
  expect(
    await page.evaluate(() => {
      const api = (window as unknown as { MetricaChats: { decorate(u: string): string } }).MetricaChats;
      return [api.decorate('https://t.me/shop_bot'), api.decorate('https://example.com/a?b=c')];
    }),
  ).toEqual([`https://t.me/shop_bot?start=${id}`, 'https://example.com/a?b=c']);
  expect(errors).toEqual([]);
});

test('an invalid config warns once, names the key, and leaves the page alone', async ({ page, server, warnings }) => {
  await page.goto(
    fixture(server, 'links.html', {
      script: '<script src="/dist/metrica-chats.min.js" data-endpoint="/v1/pairings" data-counter-id="12x"></script>',
    }),
  );
  await page.waitForTimeout(300);
  expect(warnings).toEqual([expect.stringMatching(/^\[metrica-chats\] counterId: expected .*got "12x"/)]);
  expect((await hrefs(page)).bot).toBe('https://t.me/shop_bot');
  expect(await page.context().cookies()).toEqual([]);
});

test('a page with thousands of links is rewritten in slices, to the last link', async ({ page, server, errors }) => {
  // More links than one slice of the first pass (1,000): the rest follow in later tasks.
  const links = Array.from(
    { length: 2500 },
    (_, i) => `<a id="l${i}" href="https://wa.me/7916${1000000 + i}">${i}</a>`,
  );
  await page.goto(
    server.page(
      '/many.html',
      `<!doctype html><html lang="en"><head>${scriptTag()}</head><body>${links.join('\n')}</body></html>`,
    ),
  );
  const id = await page.waitForFunction(() =>
    (window as unknown as { MetricaChats?: { getChatId(): string } }).MetricaChats?.getChatId(),
  );
  await expect
    .poll(() => page.getAttribute('#l2499', 'href'))
    .toBe(`https://wa.me/79161002499?text=Hello!${TAG_EN}${await id.jsonValue()}`);
  expect(await page.$$eval('a', (as) => as.filter((a) => !a.getAttribute('href')!.includes('text=')).length)).toBe(0);
  expect(errors).toEqual([]);
});
