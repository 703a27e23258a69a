import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import pg from 'pg';
import { API_KEY, beacon, freshDatabase, postChat, startCollector } from './test-support/server.js';

/**
 * Honest health: with the database gone, the collector says so (503 with a JSON error) on every
 * route that needs it, instead of a 200 with an empty CSV or a 500. SQLite: the storage is closed
 * under the running collector. PostgreSQL: the database is dropped under it, its connections cut.
 */

const auth = { headers: { Authorization: `Bearer ${API_KEY}` } };

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`with the database down (${kind})`, () => {
    test('healthz, conversions.csv, stats, beacons and chats answer 503 with a JSON error', async (t) => {
      const db = await freshDatabase(t, kind);
      if (db === null) return;
      const s = await startCollector(t, { db, rateLimit: false }, kind);
      if (!s) return;
      const now = Math.floor(Date.now() / 1000);
      assert.equal((await postChat(s.url, { platform: 'telegram', dateTime: now - 60, chatUserId: '7' })).status, 201);
      assert.equal((await fetch(`${s.url}/healthz`)).status, 200);
      const up = await fetch(`${s.url}/v1/conversions.csv`, auth);
      assert.equal(up.status, 200);
      assert.match(await up.text(), /\n.*telegram/);

      if (kind === 'sqlite') {
        await s.collector.storage.close();
      } else {
        const admin = new pg.Client(process.env.METRICA_CHATS_TEST_PG_URL);
        await admin.connect();
        await admin.query(`DROP DATABASE ${new URL(db).pathname.slice(1)} WITH (FORCE)`);
        await admin.end();
      }

      const answers = {
        healthz: await fetch(`${s.url}/healthz`),
        csv: await fetch(`${s.url}/v1/conversions.csv`, auth),
        stats: await fetch(`${s.url}/v1/stats`, auth),
        beacon: await beacon(s.url, { v: 1, chatId: 'CT7KQ2M9XA', clientId: '17000000001234567' }),
        chat: await postChat(s.url, { platform: 'telegram', dateTime: now - 30, chatUserId: '8' }),
      };
      for (const [name, res] of Object.entries(answers)) {
        assert.equal(res.status, 503, name);
        assert.match(res.headers.get('content-type') ?? '', /application\/json/, name);
        const body = await res.json();
        assert.match(JSON.stringify(body), /database is unavailable/, name);
      }
    });
  });
}
