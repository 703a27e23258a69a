import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, type TestContext, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadFilterLists } from './filters.js';
import { formatCheck } from './report-text.js';
import { type CheckReport, checkInstallation } from './run.js';
import {
  closedPort,
  filters,
  installedSite,
  js,
  needsLists,
  page,
  type Route,
  SCRIPT,
  startSite,
  tag,
} from './test-support/site.js';

// The check against real pages on loopback: a site server (pages, redirects, the built script),
// a real collector, and the real filter lists. Each case asserts the line that must fail and
// the words that tell the user what to do.

/** Runs the check on a site set up by `installedSite`. */
async function run(t: TestContext, routes: Record<string, Route>, o: Parameters<typeof installedSite>[2] = {}) {
  return checkInstallation(await installedSite(t, routes, o), { filters, timeoutMs: 5000 });
}

const line = (report: CheckReport, id: string) => {
  const found = report.lines.find((l) => l.id === id);
  assert.ok(found, `a line for ${id}`);
  return found;
};
const statuses = (report: CheckReport) => Object.fromEntries(report.lines.map((l) => [l.id, l.status]));

describe('check <page-url>', needsLists, () => {
  test('a correct installation passes every line', async (t) => {
    const report = await run(t, { '/landing': tag(), '/js/metrica-chats.min.js': js(SCRIPT) });
    assert.deepEqual(statuses(report), {
      page: 'pass',
      script: 'pass',
      config: 'pass',
      endpoint: 'pass',
      cors: 'pass',
      filters: 'pass',
    });
    assert.equal(report.ok, true);
    assert.match(line(report, 'config').detail, /counter 12345678/);
    assert.match(formatCheck(report), /All checks passed\./);
  });

  test('follows redirects and judges the origin the page ends on', async (t) => {
    const routes: Record<string, Route> = {
      '/old': { status: 301, location: '/landing' },
      '/landing': tag(),
      '/js/metrica-chats.min.js': js(SCRIPT),
    };
    const report = await run(t, routes, { path: '/old' });
    assert.equal(report.ok, true, formatCheck(report));
    assert.match(String(report.finalUrl), /\/landing$/);
  });

  test('a collector that does not allow the page’s origin: says which --allow-origin to add', async (t) => {
    const report = await run(t, { '/landing': tag(), '/js/metrica-chats.min.js': js(SCRIPT) }, { allow: 'other' });
    const cors = line(report, 'cors');
    assert.equal(cors.status, 'fail');
    assert.match(cors.detail, /refuses beacons from http:\/\/127\.0\.0\.1:\d+ \(HTTP 403: origin not allowed\)/);
    assert.match(String(cors.fix), /--allow-origin http:\/\/127\.0\.0\.1:\d+/);
    assert.equal(line(report, 'endpoint').status, 'pass');
    assert.equal(report.ok, false);
    assert.match(formatCheck(report), /1 check failed\./);
  });

  test('a page without the script: says how to add it, the rest is skipped', async (t) => {
    const report = await run(t, { '/landing': page('<script src="/js/app.js"></script>'), '/js/app.js': js('1') });
    const p = line(report, 'page');
    assert.equal(p.status, 'fail');
    assert.match(p.detail, /no metrica-chats script or tag manager loader found/);
    assert.match(String(p.fix), /data-endpoint=/);
    assert.deepEqual(
      report.lines.filter((l) => l.id !== 'page').map((l) => l.status),
      ['skip', 'skip', 'skip', 'skip', 'skip'],
    );
  });

  test('a script tag whose file is missing: says where to publish it', async (t) => {
    const report = await run(t, { '/landing': tag() });
    const s = line(report, 'script');
    assert.equal(s.status, 'fail');
    assert.match(s.detail, /\/js\/metrica-chats\.min\.js answered HTTP 404/);
    assert.match(String(s.fix), /dist\/metrica-chats\.min\.js/);
  });

  test('a collector that is down: says to start it', async (t) => {
    const report = await run(t, { '/landing': tag(), '/js/metrica-chats.min.js': js(SCRIPT) }, { collectorDown: true });
    const e = line(report, 'endpoint');
    assert.equal(e.status, 'fail');
    assert.match(e.detail, /127\.0\.0\.1:\d+\/v1\/pairings is unreachable: ECONNREFUSED/);
    assert.match(String(e.fix), /metrica-chats serve/);
    assert.equal(line(report, 'cors').status, 'skip');
  });

  test('an invalid configuration: names the key, the rule and the value, as the page script would', async (t) => {
    const report = await run(t, {
      '/landing': tag('data-endpoint="{{collector}}/v1/pairings" data-counter-id="12-34"'),
      '/js/metrica-chats.min.js': js(SCRIPT),
    });
    const c = line(report, 'config');
    assert.equal(c.status, 'fail');
    assert.equal(c.detail, 'counterId: expected /^[1-9]\\d{0,11}$/, got "12-34"');
    assert.match(String(c.fix), /Fix counterId in the script tag/);
    assert.equal(line(report, 'endpoint').status, 'skip');
  });

  test('the Google Tag Manager loader is found, with its configuration', async (t) => {
    const gtm = readFileSync(fileURLToPath(new URL('../../dist/gtm.html', import.meta.url)), 'utf8')
      .replace('https://collect.example.com/v1/pairings', '{{collector}}/v1/pairings')
      .replace('https://cdn.example.com/metrica-chats.min.js', '/static/chat.js');
    const report = await run(t, { '/landing': page(gtm), '/static/chat.js': js(SCRIPT) });
    assert.equal(report.ok, true, formatCheck(report));
    assert.equal(report.installation?.via, 'tag manager loader');
    assert.match(line(report, 'script').detail, /\/static\/chat\.js/);
  });

  test('a loader inside a Google Tag Manager container is found too', async (t) => {
    const loader = `<script>(function(w,d){w.MetricaChatsConfig={endpoint:'{{collector}}/v1/pairings',counterId:'12345678'};var s=d.createElement('script');s.src='/static/chat.js';d.head.appendChild(s)})(window,document)</script>`;
    const container = `var data={"resource":{"tags":[{"function":"__html","vtp_html":${JSON.stringify(loader).replaceAll('<', '\\u003c')}}]}};`;
    const routes: Record<string, Route> = {
      '/landing': page('<script async src="/gtm/googletagmanager.com/gtm.js?id=GTM-TEST"></script>'),
      '/gtm/googletagmanager.com/gtm.js': js(container),
      '/static/chat.js': js(SCRIPT),
    };
    const report = await run(t, routes);
    assert.equal(report.ok, true, formatCheck(report));
    assert.equal(report.installation?.via, 'tag manager loader');
  });

  test('a renamed file configured through MetricaChatsConfig is recognised by its content', async (t) => {
    const head = `<script>window.MetricaChatsConfig = { endpoint: "{{collector}}/v1/pairings", counterId: 12345678 };</script><script src="/js/vendor.js"></script><script async src="/js/c.js"></script>`;
    const report = await run(t, { '/landing': page(head), '/js/vendor.js': js('var x=1'), '/js/c.js': js(SCRIPT) });
    assert.equal(report.ok, true, formatCheck(report));
    assert.match(String(report.installation?.scriptUrl), /\/js\/c\.js$/);
  });

  test('a script served under a path the blockers block: names the rule and says to rename it', async (t) => {
    const report = await run(t, {
      '/landing': page(
        '<script async src="/metrika/tag.js" data-endpoint="{{collector}}/v1/pairings" data-counter-id="12345678"></script>',
      ),
      '/metrika/tag.js': js(SCRIPT),
    });
    const f = line(report, 'filters');
    assert.equal(f.status, 'fail');
    assert.match(f.detail, /the script http:\/\/127\.0\.0\.1:\d+\/metrika\/tag\.js \(rule .*metrika/);
    assert.match(String(f.fix), /neutral names/);
  });

  test('a page that does not load, and a URL that is not one', async (t) => {
    const report = await run(t, {}, { path: '/missing' });
    assert.equal(line(report, 'page').status, 'fail');
    assert.match(line(report, 'page').detail, /answered HTTP 404/);
    await assert.rejects(checkInstallation('example.com/landing', { filters }), /must be absolute/);
    await assert.rejects(checkInstallation('ftp://example.com/', { filters }), /http:\/\/ or https:\/\//);
  });

  test('lists that cannot be loaded fail the filter line with what to do', async (t) => {
    const collector = await closedPort();
    const site = await startSite(t, { '/landing': tag(), '/js/metrica-chats.min.js': js(SCRIPT) }, () => collector);
    const report = await checkInstallation(`${site}/landing`, {
      filters: () => loadFilterLists({ dir: join(tmpdir(), 'no-such-filter-lists') }),
    });
    const f = line(report, 'filters');
    assert.equal(f.status, 'fail');
    assert.match(f.detail, /cannot read the filter-list folder/);
    assert.match(String(f.fix), /--filter-lists/);
  });
});
