import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, type TestContext, test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { freshPostgresDatabase } from '../test-support/postgres.js';
import { openStorage, type Storage } from './index.js';
import { type Migration, POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from './migrations.js';

// A database from before one chat kept one row: a chat first reported with a username and later
// with a user ID was stored twice. Opening it merges such rows and leaves other chats alone.

const T = 1_760_000_000;
const COLUMNS = [
  'key',
  'revision',
  'uploaded_revision',
  'date_time',
  'platform',
  'chat_username',
  'chat_user_id',
  'phone_number',
  'answered',
  'chat_id',
  'client_id',
  'unattributed_reason',
  'created_at',
  'updated_at',
] as const;
type Row = Record<(typeof COLUMNS)[number], string | number | null>;
const row = (r: Partial<Row> & Pick<Row, 'key' | 'date_time' | 'created_at'>): Row => ({
  revision: 1,
  uploaded_revision: null,
  platform: 'telegram',
  chat_username: null,
  chat_user_id: null,
  phone_number: null,
  answered: null,
  chat_id: null,
  client_id: null,
  unattributed_reason: 'no_chat_id',
  updated_at: r.created_at,
  ...r,
});
const SPLIT: Row[] = [
  // Uploaded under its username; the later report with the user ID got a row of its own.
  row({ key: 'first', date_time: T, chat_username: 'Ivan_P', uploaded_revision: 1, created_at: 1 }),
  row({
    key: 'second',
    date_time: T,
    chat_username: 'ivan_p',
    chat_user_id: '4242',
    answered: 1,
    chat_id: 'CT7KQ2M9XA',
    client_id: '1760000000123456789',
    unattributed_reason: null,
    created_at: 2,
  }),
  // Another person's chat at the same second: not merged.
  row({ key: 'other', date_time: T, chat_username: 'someone_else', created_at: 3 }),
  // Neither uploaded: the older row is kept and takes the phone number.
  row({ key: 'older', date_time: T + 60, platform: 'whatsapp', chat_user_id: '7', created_at: 4 }),
  row({
    key: 'newer',
    date_time: T + 60,
    platform: 'whatsapp',
    chat_user_id: '7',
    phone_number: '+79161234567',
    created_at: 5,
  }),
];

/** Every migration before the one that merges split chats. */
const before = (list: Migration[]) => list.filter((m) => !m.name.startsWith('one row per chat'));
const insert = `INSERT INTO chats (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`;

async function assertMerged(s: Storage): Promise<void> {
  const kept = await s.getChat('first');
  assert.ok(kept);
  assert.equal(kept.chatUsername, 'Ivan_P');
  assert.equal(kept.chatUserId, null, 'an uploaded row keeps its partner columns: they are its Metrica key');
  assert.equal(kept.answered, true);
  assert.equal(kept.chatId, 'CT7KQ2M9XA');
  assert.equal(kept.clientId, '1760000000123456789');
  assert.equal(kept.unattributedReason, null);
  assert.equal(kept.uploadedRevision, 1);
  assert.equal(kept.revision, 2, 'a new revision, so the merged row is uploaded as an update');
  assert.equal(await s.getChat('second'), null);
  assert.equal((await s.getChat('other'))?.chatUsername, 'someone_else');
  const older = await s.getChat('older');
  assert.equal(older?.phoneNumber, '+79161234567');
  assert.equal(older?.chatUserId, '7');
  assert.equal(await s.getChat('newer'), null);
  const pending: string[] = [];
  for await (const p of s.pendingConversions()) pending.push(p.key);
  assert.deepEqual(pending.sort(), ['first', 'older', 'other']);
}

describe('merging chats stored twice', () => {
  test('sqlite: merged on open', async (t: TestContext) => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-merge-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'old.db');
    const db = new Database(file);
    db.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
    );
    for (const m of before(SQLITE_MIGRATIONS)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, 0)').run(m.version, m.name);
    }
    for (const r of SPLIT) db.prepare(insert).run(...COLUMNS.map((c) => r[c]));
    db.close();
    const s = await openStorage(file);
    t.after(() => s.close());
    await assertMerged(s);
  });

  test('postgres: merged on open', async (t: TestContext) => {
    const url = await freshPostgresDatabase(t);
    if (!url) return;
    const client = new pg.Client(url);
    await client.connect();
    try {
      await client.query(
        'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
      );
      for (const m of before(POSTGRES_MIGRATIONS)) {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations VALUES ($1, $2, 0)', [m.version, m.name]);
      }
      let n = 0;
      const pgInsert = insert.replace(/\?/g, () => `$${++n}`);
      for (const r of SPLIT)
        await client.query(
          pgInsert,
          COLUMNS.map((c) => r[c]),
        );
    } finally {
      await client.end();
    }
    const s = await openStorage(url);
    t.after(() => s.close());
    await assertMerged(s);
  });
});
