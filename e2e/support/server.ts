/**
 * A real HTTP server on loopback for the browser tests: serves the built page script, the
 * fixture pages and pages a test adds, and records every request to the collector path, so
 * tests assert on what actually arrived (Playwright cannot read sendBeacon bodies in Chromium).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const COLLECTOR_PATH = '/v1/pairings';

export interface Beacon {
  /** The Content-Type the browser sent. */
  contentType: string;
  body: Record<string, unknown>;
  raw: string;
}

interface Page {
  body: string;
  type?: string;
  headers?: Record<string, string>;
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  beacons: Beacon[];
  /** Serves `body` at `path` (with `{{origin}}` replaced), until the server closes. */
  page(path: string, body: string, headers?: Record<string, string>, type?: string): string;
  /** Resolves once at least `n` beacons arrived; rejects after `ms`. */
  waitForBeacons(n: number, ms?: number): Promise<Beacon[]>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/** Fills the fixture placeholders: `{{origin}}` and `{{script}}` (a script tag for the built file). */
export function fill(html: string, origin: string, vars: Record<string, string> = {}): string {
  return html.replace(/\{\{(\w+)\}\}/g, (_, k: string) => (k === 'origin' ? origin : (vars[k] ?? '')));
}

export async function startServer(): Promise<TestServer> {
  const beacons: Beacon[] = [];
  const pages = new Map<string, Page>();
  let origin = '';
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === COLLECTOR_PATH) {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      if (req.method === 'POST') {
        beacons.push({ contentType: String(req.headers['content-type']), body: JSON.parse(raw), raw });
      }
      res.writeHead(204, { 'access-control-allow-origin': '*' }).end();
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const page = pages.get(url.pathname);
    if (page) {
      res.writeHead(200, { 'content-type': page.type ?? TYPES['.html']!, ...page.headers }).end(page.body);
      return;
    }
    // Only the built files and the fixtures, nothing else from the repository.
    const file = normalize(url.pathname).replace(/^\/+/, '');
    if (/^(dist|e2e\/fixtures)\/[\w./-]+$/.test(file) && !file.includes('..')) {
      try {
        const body = await readFile(join(ROOT, file));
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
        return;
      } catch {}
    }
    res.writeHead(404).end('not found');
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((e) => res.writeHead(500).end(String(e)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    beacons,
    page(path, body, headers, type) {
      pages.set(path, { body: fill(body, origin), headers, type });
      return origin + path;
    },
    async waitForBeacons(n, ms = 5000) {
      const until = Date.now() + ms;
      while (beacons.length < n) {
        if (Date.now() > until)
          throw new Error(`expected ${n} beacons, got ${beacons.length}: ${JSON.stringify(beacons)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return beacons;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
