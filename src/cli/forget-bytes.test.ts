import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { beacon, freshDatabase, postChat, startCollector } from '../collector/test-support/server.js';
import { runCli } from '../test-support/cli.js';

/**
 * What `forget` guarantees: nothing of the person is left readable in the database files. SQLite:
 * a byte search of the database, its WAL and shared-memory files, with the collector still running.
 * PostgreSQL: the rows are gone and the tables are rewritten (VACUUM FULL) without an error.
 */

const PHONE_DIGITS = '9161234567';
const EMAIL = 'forget-me-person@example.com';

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`forget leaves no readable copy (${kind})`, () => {
    test('a forgotten phone number and the page URL of its chat ID are gone from the database', async (t) => {
      const db = await freshDatabase(t, kind);
      if (db === null) return;
      const s = await startCollector(t, { db, rateLimit: false }, kind);
      if (!s) return;
      const now = Math.floor(Date.now() / 1000);
      const url = `https://shop.example.com/sofa?email=${EMAIL}`;
      assert.equal(
        (await beacon(s.url, { v: 1, chatId: 'CT7KQ2M9XA', clientId: '17000000001234567', url })).status,
        204,
      );
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
      const left = await s.collector.storage.snapshot();
      assert.deepEqual(
        left.chats.map((c) => c.phoneNumber),
        ['+79030000000'],
      );
      assert.equal(left.pairings.length, 0);

      if (kind === 'sqlite') {
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
      }
    });
  });
}
