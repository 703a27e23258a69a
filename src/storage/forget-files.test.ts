import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import pg from 'pg';
import { freshPostgresDatabase } from '../test-support/postgres.js';
import { chatKey, openStorage, type Storage } from './index.js';

/**
 * `forget` on PostgreSQL as a role without superuser rights: the deletion stands and every
 * clean-up step it may not take is named with the grant that allows it. The byte search of the
 * files themselves is in src/cli/forget-bytes.test.ts.
 */

const T0 = 1_760_000_000;

async function personWithChat(s: Storage, phone: string): Promise<void> {
  const partner = { kind: 'PhoneNumber' as const, value: phone };
  await s.linkPartner('whatsapp', [partner], 'CTAAAAAAAA', 1000);
  await s.upsertChat(chatKey(T0, 'whatsapp', partner), {
    dateTime: T0,
    platform: 'whatsapp',
    phoneNumber: phone,
    attribution: { chatId: 'CTAAAAAAAA', chatIdSource: 'message', reason: 'chat_id_not_paired' },
  });
}

describe('forget on PostgreSQL without superuser rights', () => {
  test('deletes, skips the steps the role may not take, and names the grants', async (t) => {
    const base = await freshPostgresDatabase(t);
    if (!base) return;
    const role = `forgetter_${randomBytes(4).toString('hex')}`;
    const db = new URL(base).pathname.slice(1);
    // Roles belong to the cluster: made and dropped from its maintenance database.
    const cluster = process.env.METRICA_CHATS_TEST_PG_URL as string;
    const asSuperuser = async (sql: string, on = cluster): Promise<void> => {
      const c = new pg.Client(on);
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    await asSuperuser(`CREATE ROLE ${role} LOGIN NOSUPERUSER`);
    // The role owns the database and, by migrating it, the tables: as an installation would.
    await asSuperuser(`ALTER DATABASE ${db} OWNER TO ${role}`);
    await asSuperuser(`ALTER SCHEMA public OWNER TO ${role}`, base);
    const url = new URL(base);
    url.username = role;
    const s = await openStorage(url.toString());
    t.after(async () => {
      await s.close();
      await asSuperuser(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await asSuperuser(`DROP ROLE IF EXISTS ${role}`);
    });

    await personWithChat(s, '+79161234567');
    await asSuperuser('ANALYZE partners', base);
    const first = await s.forget({ partner: { kind: 'PhoneNumber', values: ['+79161234567'] } });
    assert.equal(first.chats, 1);
    assert.equal((await s.snapshot()).chats.length, 0);
    const files = first.files;

    assert.ok(files);
    assert.ok(
      files.done.some((d) => d.startsWith('tables rewritten')),
      JSON.stringify(files.done),
    );
    assert.ok(
      files.done.some((d) => d.startsWith('pg_statistic rewritten')),
      JSON.stringify(files),
    );
    const skipped = files.skipped.join('\n');
    assert.match(skipped, /^CHECKPOINT: .*GRANT pg_checkpoint TO <role>/m);
    assert.equal(files.skipped.length, 3, skipped);
    assert.match(
      skipped,
      /^pg_switch_wal\(\): .*GRANT EXECUTE ON FUNCTION pg_catalog\.pg_switch_wal\(\) TO <role>, run in this database/m,
    );
    assert.match(skipped, /statistics of the now empty partners: .*only a superuser/);
    assert.ok(files.remaining.some((r) => r.startsWith('pg_wal: the segments holding the deleted rows stay')));

    // With the grants the operator is told to give, the log steps run too.
    await asSuperuser(`GRANT pg_checkpoint TO ${role}`);
    // Function privileges live in each database's catalog: granted in the collector's database.
    await asSuperuser(`GRANT EXECUTE ON FUNCTION pg_catalog.pg_switch_wal() TO ${role}`, base);
    await personWithChat(s, '+79031234567');
    const second = await s.forget({ partner: { kind: 'PhoneNumber', values: ['+79031234567'] } });

    assert.ok(second.files?.done.some((d) => d.startsWith('WAL segments holding the deleted rows retired')));
    assert.deepEqual(
      second.files?.skipped.filter((x) => !x.includes('statistics of the now empty')),
      [],
    );
  });
});
