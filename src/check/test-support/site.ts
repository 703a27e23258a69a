import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createCollector } from '../../collector/index.js';
import { loadFilterLists } from '../filters.js';

/**
 * Test support for the installation check: a site on loopback (pages, redirects, the built
 * script), a real collector that allows the site's origin (or another one), the real filter lists.
 */

export const LISTS = fileURLToPath(new URL('../../../../shared/data/filter-lists/', import.meta.url));
export const SCRIPT = readFileSync(
  fileURLToPath(new URL('../../../dist/metrica-chats.min.js', import.meta.url)),
  'utf8',
);
export const filters = () => loadFilterLists({ dir: LISTS });
/** Skips a suite where the filter lists are not beside the repository. */
export const needsLists = { skip: existsSync(LISTS) ? false : `no filter lists at ${LISTS}` };

export interface Route {
  status?: number;
  type?: string;
  body?: string;
  location?: string;
}

/** A site on loopback: `routes` by path; `{{collector}}` in a body becomes the collector's URL. */
export async function startSite(t: TestContext, routes: Record<string, Route>, collector: () => string) {
  const server = createServer((req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (!route) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    const headers: Record<string, string> = { 'Content-Type': route.type ?? 'text/html; charset=utf-8' };
    if (route.location) headers.Location = route.location;
    res.writeHead(route.status ?? 200, headers).end((route.body ?? '').replaceAll('{{collector}}', collector()));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => new Promise<void>((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function startCollector(t: TestContext, allowOrigins: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mc-check-'));
  const collector = await createCollector({ db: join(dir, 'c.db'), allowOrigins, logger: false });
  t.after(async () => {
    await collector.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return (await collector.listen(0, '127.0.0.1')).url;
}

/** The address of a collector that has stopped: a loopback port nothing listens on any more. */
export async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

export const js = (body: string): Route => ({ type: 'text/javascript; charset=utf-8', body });
export const page = (head: string): Route => ({
  body: `<!doctype html><html><head>${head}</head><body>Hi</body></html>`,
});
export const tag = (attrs = 'data-endpoint="{{collector}}/v1/pairings" data-counter-id="12345678"') =>
  page(`<script async src="/js/metrica-chats.min.js" ${attrs}></script>`);

/** Starts a site whose origin the collector allows (or not, or with the collector down); returns the page's URL. */
export async function installedSite(
  t: TestContext,
  routes: Record<string, Route>,
  o: { allow?: 'site' | 'other'; collectorDown?: boolean; path?: string } = {},
): Promise<string> {
  // The collector learns the site's origin once the site listens; the pages learn the collector's URL.
  let collector = '';
  const site = await startSite(t, routes, () => collector);
  collector = o.collectorDown
    ? await closedPort()
    : await startCollector(t, [o.allow === 'other' ? 'https://shop.example.com' : site]);
  return `${site}${o.path ?? '/landing'}`;
}
