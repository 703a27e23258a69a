import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { freshPostgresDatabase } from '../../test-support/postgres.js';
import { type Collector, type CollectorOptions, createCollector } from '../server.js';

/** Test support: a collector on a loopback port with a fresh database, closed when the test ends. */
export const TEST_ORIGIN = 'https://shop.example.com';
export const API_KEY = 'test-key-0123456789';
export const WEBHOOK_SECRET = 'hook-secret-abc-0123456789';
export const SECOND_API_KEY = 'second-key-0123456789';

export async function freshDatabase(t: TestContext, kind: 'sqlite' | 'postgres'): Promise<string | null> {
  if (kind === 'postgres') return freshPostgresDatabase(t);
  const dir = mkdtempSync(join(tmpdir(), 'mc-collector-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'collector.db');
}

export async function startCollector(
  t: TestContext,
  options: Partial<CollectorOptions> = {},
  kind: 'sqlite' | 'postgres' = 'sqlite',
): Promise<{ url: string; collector: Collector } | null> {
  const db = options.db ?? (await freshDatabase(t, kind));
  if (db === null) return null;
  const collector = await createCollector({
    allowOrigins: ['https://*.example.com', 'https://landing.test'],
    apiKeys: [API_KEY, SECOND_API_KEY],
    webhookSecret: WEBHOOK_SECRET,
    logger: false,
    ...options,
    db,
  });
  t.after(() => collector.close());
  const { url } = await collector.listen(0, '127.0.0.1');
  return { url, collector };
}

/** POSTs a beacon the way sendBeacon does: text/plain JSON with the page's Origin. */
export function beacon(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/v1/pairings`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: TEST_ORIGIN, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function postChat(url: string, body: unknown, key = API_KEY): Promise<Response> {
  return fetch(`${url}/v1/chats`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
