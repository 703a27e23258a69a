/**
 * The page script in Chromium, against baselines in the same run:
 * 1. rewriting a page of 10,000 messenger links (`MetricaChats.scan()`, including the
 *    MutationObserver's reaction to its own writes) against a bare loop that sets the same final
 *    hrefs with no logic at all. Target: ratio ≤ 1.5. The one-off start-up (cookie, storage,
 *    chat ID) is timed apart, on a page without links.
 *    Beside them, the least any rewriter must do (read, one pattern, write), as a floor.
 * 2. the time a click on a messenger link spends in click handlers before the browser may start
 *    the navigation, with the script and without it.
 * Usage: npm run bench -- page-rewrite
 */
import { chromium, type Page } from '@playwright/test';
import { startServer } from '../e2e/support/server.js';

const LINKS = 10_000;
const RUNS = 7;
const CLICKS = 20;
const TARGET_RATIO = 1.5;

const FORMS = [
  'https://t.me/shop_bot',
  'https://t.me/jane_doe?text=I%20want%20a%20sofa',
  'https://wa.me/79161234567',
  'https://api.whatsapp.com/send?phone=79161234567&text=Hi&app_absent=0',
  'viber://chat?number=%2B79161234567',
  'https://t.me/shop_bot?start=promo&utm_source=direct#top',
];
/** 10,000 links over `distinct` different hrefs (the phone numbers vary). */
const linksHtml = (distinct: number): string =>
  Array.from(
    { length: LINKS },
    (_, i) =>
      `<a href="${FORMS[i % FORMS.length]!.replace('79161234567', String(79160000000 + (i % distinct)))}">link ${i}</a>`,
  ).join('\n');
// The worst case, every link different; and a catalog-like page where the same chat buttons repeat.
const CASES = [
  { name: 'all distinct', html: linksHtml(LINKS), gated: true },
  { name: '60 distinct hrefs', html: linksHtml(60), gated: false },
];
const SCRIPT =
  '<script src="/dist/metrica-chats.min.js" data-endpoint="/v1/pairings" data-consent="required"></script>';
const page = (script: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">${script}</head><body></body></html>`;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function subjectRun(
  p: Page,
  url: string,
  links: string,
): Promise<{ startup: number; ms: number; finals: string[] }> {
  await p.goto(url);
  return p.evaluate(async (html) => {
    const api = (window as unknown as { MetricaChats: { grantConsent(): void; scan(): void } }).MetricaChats;
    let t0 = performance.now();
    api.grantConsent(); // consent was required: storage, chat ID and listeners start here
    const startup = performance.now() - t0;
    document.body.innerHTML = html;
    t0 = performance.now();
    api.scan();
    await Promise.resolve(); // lets the MutationObserver react to the writes, inside the timing
    const ms = performance.now() - t0;
    return { startup, ms, finals: Array.from(document.querySelectorAll('a[href]'), (a) => a.getAttribute('href')!) };
  }, links);
}

async function baselineRun(p: Page, url: string, links: string, finals: string[]): Promise<number> {
  await p.goto(url);
  return p.evaluate(
    async ([html, hrefs]) => {
      document.body.innerHTML = html;
      const t0 = performance.now();
      document.querySelectorAll('a[href]').forEach((a, i) => {
        a.setAttribute('href', hrefs[i]!);
      });
      await Promise.resolve();
      return performance.now() - t0;
    },
    [links, finals] as const,
  );
}

/**
 * The least any rewriter can do: read each href, run one pattern that tells a messenger link
 * from any other (the script's own first test), and write the final href. It shows how much of
 * the ratio is logic and how much is the reading and testing every rewriter must do.
 */
async function floorRun(p: Page, url: string, links: string, finals: string[]): Promise<number> {
  await p.goto(url);
  return p.evaluate(
    async ([html, hrefs]) => {
      document.body.innerHTML = html;
      const messenger =
        /^(?:(?:https?:)?\/\/(?:www\.)?(?:t\.me|telegram\.(?:me|dog)|wa\.me|(?:api|web)\.whatsapp\.com)|(?:tg|whatsapp|viber):)/i;
      const t0 = performance.now();
      document.querySelectorAll('a[href]').forEach((a, i) => {
        if (messenger.test(a.getAttribute('href')!)) a.setAttribute('href', hrefs[i]!);
      });
      await Promise.resolve();
      return performance.now() - t0;
    },
    [links, finals] as const,
  );
}

/** Time from the first click listener (window, capture) to the last (window, bubble). */
async function clickRun(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(() => document.readyState === 'complete');
  return page.evaluate(() => {
    const a = document.getElementById('go')!;
    let t0 = 0;
    let spent = 0;
    window.addEventListener('click', () => (t0 = performance.now()), true);
    window.addEventListener('click', (e) => {
      spent = performance.now() - t0;
      e.preventDefault(); // keep the page, so the figure is only the handlers' time
    });
    a.click();
    return spent;
  });
}

const server = await startServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const context = await browser.newContext();
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (r) => r.abort());
  const tab = await context.newPage();
  const subjectUrl = server.page('/subject.html', page(SCRIPT));
  const bareUrl = server.page('/bare.html', page(''));
  const f = (n: number): string => n.toFixed(2);
  let met = true;
  for (const c of CASES) {
    const startup: number[] = [];
    const subject: number[] = [];
    const bare: number[] = [];
    const floor: number[] = [];
    let finals: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = await subjectRun(tab, subjectUrl, c.html);
      finals = s.finals;
      subject.push(s.ms);
      startup.push(s.startup);
      bare.push(await baselineRun(tab, bareUrl, c.html, finals));
      floor.push(await floorRun(tab, bareUrl, c.html, finals));
    }
    if (!finals[0]!.includes('start=CT')) throw new Error(`the script did not rewrite: ${finals[0]}`);
    const ratio = median(subject) / median(bare);
    if (c.gated && ratio > TARGET_RATIO) met = false;
    console.log(
      `rewrite ${LINKS} links (${c.name}), median of ${RUNS}: script ${f(median(subject))} ms, bare loop ${f(median(bare))} ms, ` +
        `ratio ${ratio.toFixed(2)}${c.gated ? ` (target ≤ ${TARGET_RATIO})` : ''}; start-up before the pass ${f(median(startup))} ms; ` +
        `read + one pattern + write ${f(median(floor))} ms, ratio ${(median(floor) / median(bare)).toFixed(2)}`,
    );
  }

  const clickPage = (script: string): string =>
    `<!doctype html><html><head>${script}</head><body><a id="go" href="https://t.me/shop_bot">bot</a></body></html>`;
  const withUrl = server.page(
    '/click-with.html',
    clickPage(
      '<script src="/dist/metrica-chats.min.js" data-endpoint="/v1/pairings" data-counter-id="12345678"></script>',
    ),
  );
  const withoutUrl = server.page('/click-without.html', clickPage(''));
  const withScript: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < CLICKS; i++) {
    withScript.push(await clickRun(tab, withUrl));
    without.push(await clickRun(tab, withoutUrl));
  }
  if (server.beacons.length < CLICKS) throw new Error(`expected a beacon per click, got ${server.beacons.length}`);

  console.log(
    `click → navigation may start, median of ${CLICKS}: with script ${f(median(withScript))} ms, without ${f(median(without))} ms, added ${f(median(withScript) - median(without))} ms`,
  );
  process.exitCode = met ? 0 : 1;
} finally {
  await browser.close();
  await server.close();
}
