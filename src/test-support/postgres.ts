import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import pg from 'pg';

/**
 * A fresh, empty PostgreSQL database for one test, in the cluster the test runner started
 * (`METRICA_CHATS_TEST_PG_URL`). Without a cluster the test is skipped with the reason, and
 * on CI (`CI` set) that is an error instead: CI always runs the PostgreSQL tests.
 * Returns null when skipped; the database is dropped when the test ends.
 */
export async function freshPostgresDatabase(t: TestContext): Promise<string | null> {
  const base = process.env.METRICA_CHATS_TEST_PG_URL;
  if (!base) {
    const reason = process.env.METRICA_CHATS_TEST_PG_SKIP ?? 'METRICA_CHATS_TEST_PG_URL is not set';
    if (process.env.CI) throw new Error(`PostgreSQL tests must run on CI, but ${reason}`);
    t.skip(`PostgreSQL unavailable: ${reason}`);
    return null;
  }
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(base);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  t.after(async () => {
    const c = new pg.Client(base);
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await c.end();
    }
  });
  return url.toString();
}
