import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { freshPostgresDatabase } from '../test-support/postgres.js';
import { STORAGE_ADAPTERS } from '../test-support/storage.js';
import { chatKey, openStorage, type Storage } from './index.js';
import { type Migration, POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from './migrations.js';

// Pairings made by bridge links (`/go/NAME`): the link name and UTM parameters are stored, read
// back, and counted per link; and a database from before them is migrated without losing a row.

const T0 = 1_760_000_000;

/** A chat of the chat ID, matched or not, at T0 + i. */
const chat = (s: Storage, i: number, chatId: string, matched: boolean) =>
  s.upsertChat(chatKey(T0 + i, 'telegram', { kind: 'ChatUserID', value: String(i) }), {
    dateTime: T0 + i,
    platform: 'telegram',
    chatUserId: String(i),
    attribution: matched ? { chatId, yclid: '1', reason: null } : { chatId, reason: 'pairing_without_metrica_id' },
  });

describe('migrations', () => {
  for (const [dialect, list] of [
    ['sqlite', SQLITE_MIGRATIONS],
    ['postgres', POSTGRES_MIGRATIONS],
  ] as const) {
    test(`${dialect}: versions run 1, 2, 3… without a gap or a repeat`, () => {
      assert.deepEqual(
        list.map((m) => m.version),
        list.map((_, i) => i + 1),
      );
    });
  }
  test('both dialects have the same migrations, by version and name', () => {
    const names = (list: Migration[]) => list.map((m) => `${m.version} ${m.name}`);
    assert.deepEqual(names(SQLITE_MIGRATIONS), names(POSTGRES_MIGRATIONS));
  });
});

for (const [kind, open] of Object.entries(STORAGE_ADAPTERS)) {
  describe(`bridge pairings (${kind})`, () => {
    test('keep the link name and the UTM parameters', async (t) => {
      const s = await open(t);
      if (!s) return;
      const p = {
        chatId: 'CT7KQ2M9XA',
        yclid: '5882301234567890123',
        platform: 'telegram' as const,
        link: 'promo',
        utm: { utm_source: 'yandex', utm_medium: 'cpc', utm_campaign: 'autumn', utm_content: 'ad7', utm_term: 'диван' },
        receivedAt: 1_760_000_000_456,
      };
      const { id } = await s.insertPairing(p);
      assert.deepEqual(await s.findPairing(p.chatId, Date.now()), { ...p, id });
      // A beacon has neither.
      await s.insertPairing({ chatId: 'CTBBBBBBBB', clientId: '1', receivedAt: 1 });
      const beacon = await s.findPairing('CTBBBBBBBB', Date.now());
      assert.equal(beacon?.link, undefined);
      assert.equal(beacon?.utm, undefined);
    });

    test('stats count visits, chats and matches per link; since limits both', async (t) => {
      const s = await open(t);
      if (!s) return;
      // promo: three visits (one chat ID visited twice), two chats, one matched.
      await s.insertPairing({ chatId: 'CTAAAAAAAA', link: 'promo', yclid: '1', receivedAt: (T0 - 100) * 1000 });
      await s.insertPairing({ chatId: 'CTAAAAAAAA', link: 'promo', yclid: '2', receivedAt: (T0 + 5) * 1000 });
      await s.insertPairing({ chatId: 'CTBBBBBBBB', link: 'promo', receivedAt: (T0 + 6) * 1000 });
      // wa: a visit and no chat yet.
      await s.insertPairing({ chatId: 'CTCCCCCCCC', link: 'wa', receivedAt: (T0 + 7) * 1000 });
      // The page script's chat ID: counts for no link.
      await s.insertPairing({ chatId: 'CTDDDDDDDD', clientId: '1', receivedAt: (T0 + 8) * 1000 });
      await chat(s, 0, 'CTAAAAAAAA', true);
      await chat(s, 10, 'CTBBBBBBBB', false);
      await chat(s, 11, 'CTDDDDDDDD', true);
      assert.deepEqual((await s.chatStats()).byLink, {
        promo: { visits: 3, chats: 2, matched: 1 },
        wa: { visits: 1, chats: 0, matched: 0 },
      });
      assert.deepEqual((await s.chatStats({ since: T0 + 1 })).byLink, {
        promo: { visits: 2, chats: 1, matched: 0 },
        wa: { visits: 1, chats: 0, matched: 0 },
      });
      assert.deepEqual((await s.chatStats({ since: T0 + 100 })).byLink, {});
    });
  });
}

describe('a database from before bridge links', () => {
  // Every migration before the one that added the bridge columns, whatever its number.
  const before = (list: Migration[]) =>
    list.slice(
      0,
      list.findIndex((m) => m.sql.includes('ADD COLUMN link')),
    );
  const old = { chatId: 'CT7KQ2M9XA', clientId: '1760000000123456789', receivedAt: 1_760_000_000_000 };

  test('sqlite: is migrated on open, its pairings kept', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-migrate-'));
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
    db.prepare('INSERT INTO pairings (chat_id, client_id, received_at) VALUES (?, ?, ?)').run(
      old.chatId,
      old.clientId,
      old.receivedAt,
    );
    db.close();
    const s = await openStorage(file);
    t.after(() => s.close());
    assert.deepEqual(await s.findPairing(old.chatId, Date.now()), { ...old, id: 1 });
    await s.insertPairing({ chatId: 'CTAAAAAAAA', link: 'promo', receivedAt: 2 });
    assert.deepEqual((await s.chatStats()).byLink, { promo: { visits: 1, chats: 0, matched: 0 } });
  });

  test('postgres: is migrated on open, its pairings kept', async (t) => {
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
      await client.query('INSERT INTO pairings (chat_id, client_id, received_at) VALUES ($1, $2, $3)', [
        old.chatId,
        old.clientId,
        old.receivedAt,
      ]);
    } finally {
      await client.end();
    }
    const s = await openStorage(url);
    t.after(() => s.close());
    assert.deepEqual(await s.findPairing(old.chatId, Date.now()), { ...old, id: 1 });
    await s.insertPairing({ chatId: 'CTAAAAAAAA', link: 'promo', receivedAt: 2 });
    assert.deepEqual((await s.chatStats()).byLink, { promo: { visits: 1, chats: 0, matched: 0 } });
  });
});
