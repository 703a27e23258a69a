import assert from 'node:assert/strict';
import { randomInt, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, type TestContext, test } from 'node:test';
import pg from 'pg';
import { postgresUnavailableReason, startPostgresCluster } from '../../scripts/postgres-cluster.mjs';
import { beacon, freshDatabase, postChat, startCollector } from '../collector/test-support/server.js';
import { DEFAULT_FORMAT, newChatId } from '../match/format.js';
import { runCli } from '../test-support/cli.js';

/**
 * What `forget` guarantees: nothing of the person is left readable in the database files.
 * SQLite: a byte search of the database, its WAL and shared-memory files, with the collector
 * still running. PostgreSQL: a byte search of every file under the data directory (tables,
 * indexes, catalogs, pg_wal, …) of a cluster of its own, started with wal_recycle = off as the
 * README requires for that guarantee.
 */

const PHONE_DIGITS = '9161234567';
const EMAIL = 'forget-me-person@example.com';

describe('forget leaves no readable copy (sqlite)', () => {
  test('a forgotten phone number and the page URL of its chat ID are gone from the database', async (t) => {
    const db = (await freshDatabase(t, 'sqlite')) as string;
    const s = await startCollector(t, { db, rateLimit: false }, 'sqlite');
    if (!s) return;
    const now = Math.floor(Date.now() / 1000);
    const url = `https://shop.example.com/sofa?email=${EMAIL}`;
    assert.equal((await beacon(s.url, { v: 1, chatId: 'CT7KQ2M9XA', clientId: '17000000001234567', url })).status, 204);
    const chat = await postChat(s.url, {
      platform: 'whatsapp',
      dateTime: now - 30,
      phoneNumber: '+7 916 123-45-67',
      text: 'Номер обращения: CT7KQ2M9XA',
    });
    assert.equal(chat.status, 201);
    // Other people stay.
    await postChat(s.url, { platform: 'whatsapp', dateTime: now - 20, phoneNumber: '+7 903 000-00-00' });

    const out = await runCli(['forget', '--phone', '8 (916) 123-45-67', '--db', db], { cwd: process.cwd() });
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /Deleted 1 chat, 1 pairing and 1 partner link/);
    assert.match(out.stderr, /done: write-ahead log checkpointed and truncated/);
    const left = await s.collector.storage.snapshot();
    assert.deepEqual(
      left.chats.map((c) => c.phoneNumber),
      ['+79030000000'],
    );
    assert.equal(left.pairings.length, 0);

    // The collector keeps running; its files are searched as they are on disk now.
    const files = readdirSync(dirname(db)).filter((f) => f.startsWith('collector.db'));
    assert.ok(files.includes('collector.db'), files.join(', '));
    for (const f of files) {
      const bytes: Buffer = readFileSync(join(dirname(db), f));
      for (const needle of [PHONE_DIGITS, EMAIL, 'CT7KQ2M9XA']) {
        assert.equal(bytes.indexOf(Buffer.from(needle)), -1, `${needle} is still readable in ${f}`);
      }
    }
    // The search can find what is there: the other person's number is.
    const all = Buffer.concat(files.map((f) => readFileSync(join(dirname(db), f))));
    assert.notEqual(all.indexOf(Buffer.from('79030000000')), -1);
  });
});

/** Every regular file under `dir`, read now. */
function filesUnder(dir: string): Array<{ path: string; bytes: Buffer }> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const path = join(e.parentPath ?? (e as unknown as { path: string }).path, e.name);
      return { path: path.slice(dir.length + 1), bytes: readFileSync(path) };
    });
}

/** Where each needle is readable, e.g. `{ '79161234567': ['base/16384/16390', 'pg_wal/0000…'] }`. */
function whereReadable(dir: string, needles: readonly string[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const { path, bytes } of filesUnder(dir)) {
    for (const n of needles) {
      if (bytes.indexOf(Buffer.from(n)) !== -1) found[n] = [...(found[n] ?? []), path];
    }
  }
  return found;
}

const digits = (n: number): string => Array.from({ length: n }, () => randomInt(10)).join('');

/**
 * A cluster of this test's own, with a `collector` database. Stopped by the caller (`stop`) after
 * everything connected to it is closed: `t.after` hooks run in the order they were added.
 */
async function ownCluster(t: TestContext): Promise<{ url: string; dataDir: string; stop: () => void } | null> {
  const reason = postgresUnavailableReason();
  if (reason) {
    if (process.env.CI) throw new Error(`PostgreSQL tests must run on CI, but ${reason}`);
    t.skip(`PostgreSQL unavailable: ${reason}`);
    return null;
  }
  const cluster = await startPostgresCluster({ settings: ['wal_recycle=off'] });
  const admin = new pg.Client(cluster.url);
  await admin.connect();
  try {
    await admin.query('CREATE DATABASE collector');
  } finally {
    await admin.end();
  }
  const url = new URL(cluster.url);
  url.pathname = '/collector';
  return { url: url.toString(), dataDir: cluster.dataDir, stop: () => cluster.stop() };
}

describe('forget leaves no readable copy (postgres)', () => {
  test('nothing of a forgotten person is readable anywhere under the data directory', async (t) => {
    const cluster = await ownCluster(t);
    if (!cluster) return;
    const db = cluster.url;
    const admin = new pg.Client(db);
    const s = await startCollector(t, { db, rateLimit: false }, 'postgres');
    t.after(async () => {
      await admin.end().catch(() => {});
      await s?.collector.close();
      cluster.stop();
    });
    if (!s) return;
    // Values of this run only: the search must not be fooled by data of another test.
    const person = {
      phone: `+7916${digits(7)}`,
      username: `forget_me_${randomUUID().slice(0, 8)}`,
      userId: `5${digits(9)}`,
      email: `p${randomUUID().slice(0, 8)}@example.com`,
      clientId: `17${digits(15)}`,
      chatId: newChatId(DEFAULT_FORMAT),
    };
    const other = { phone: `+7903${digits(7)}`, clientId: `17${digits(15)}`, chatId: newChatId(DEFAULT_FORMAT) };
    const now = Math.floor(Date.now() / 1000);
    const page = (email: string) => `https://shop.example.com/sofa?email=${email}`;
    for (const who of [
      { chatId: person.chatId, clientId: person.clientId, url: page(person.email) },
      { chatId: other.chatId, clientId: other.clientId, url: page('someone-else@example.com') },
    ]) {
      assert.equal((await beacon(s.url, { v: 1, ...who })).status, 204);
    }
    const reports = [
      { platform: 'whatsapp', dateTime: now - 40, phoneNumber: person.phone, text: `Заявка ${person.chatId}` },
      {
        platform: 'telegram',
        dateTime: now - 30,
        chatUsername: person.username,
        chatUserId: person.userId,
        text: `/start ${person.chatId}`,
      },
      // Untagged, so no partner link: the partners table ends empty, and ANALYZE keeps the old
      // statistics of an empty table.
      { platform: 'whatsapp', dateTime: now - 20, phoneNumber: other.phone, text: 'Добрый день' },
    ];
    for (const r of reports) assert.equal((await postChat(s.url, r)).status, 201, JSON.stringify(r));

    // As autovacuum would on a busy table: statistics now sample the person's values.
    await admin.connect();
    await admin.query('ANALYZE');
    const sampled = await admin.query(
      "SELECT tablename, attname FROM pg_stats WHERE concat(most_common_vals, ' ', histogram_bounds) LIKE $1",
      [`%${person.phone}%`],
    );
    assert.ok(sampled.rowCount, 'the scenario must put the phone number into pg_statistic');
    await admin.query('CHECKPOINT');
    const needles = [
      person.phone.slice(1),
      person.username,
      person.userId,
      person.email,
      person.clientId,
      person.chatId,
    ];
    // The search finds each value before forget: it looks where the data is.
    assert.deepEqual(Object.keys(whereReadable(cluster.dataDir, needles)).sort(), [...needles].sort());

    const out = await runCli(['forget', '--phone', `8 (916) ${person.phone.slice(5)}`, '--db', db], {
      cwd: process.cwd(),
    });
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /Deleted 2 chats, 1 pairing and \d+ partner links?/);
    assert.doesNotMatch(out.stderr, /skipped:/);
    assert.match(out.stderr, /WAL segments holding the deleted rows retired/);
    const left = await s.collector.storage.snapshot();
    assert.deepEqual(
      left.chats.map((c) => c.phoneNumber),
      [other.phone],
    );

    assert.deepEqual(whereReadable(cluster.dataDir, needles), {});
    // The other person is still readable, in the table files as well as the log.
    const kept = whereReadable(cluster.dataDir, [other.phone.slice(1), other.clientId]);
    assert.ok(
      kept[other.phone.slice(1)]?.some((p) => p.startsWith('base/')),
      JSON.stringify(kept),
    );
    assert.ok(kept[other.clientId]?.length, JSON.stringify(kept));
  });
});
