import assert from 'node:assert/strict';
import { describe, type TestContext, test } from 'node:test';
import { API_KEY, beacon, freshDatabase, postChat, startCollector } from '../collector/test-support/server.js';
import { chatKey } from '../domain/index.js';
import { type FakeMetrica, startFakeMetrica } from '../fake-metrica/server.js';
import type { CliIO } from './io.js';
import { report } from './report.js';
import { createUploadCommand } from './upload.js';

/**
 * The contract end to end, on both databases: a poison beacon is refused at the door; a bad row
 * already stored (from before the rules were one) never blocks the valid ones and does not fail
 * every later run; a shortfall in what Metrica accepted is reported and kept.
 */

const TOKEN = 'y0_contract-test-token-0123456789';
const upload = createUploadCommand({ client: { retry: { minTimeout: 1, maxTimeout: 5, sleep: async () => {} } } });

async function run(fake: FakeMetrica, command: typeof upload, args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    argv: ['node', 'metrica-chats', ...args],
    env: { YANDEX_METRICA_TOKEN: TOKEN, METRICA_API_URL: fake.url },
    cwd: process.cwd(),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  };
  const code = await command(args, io);
  return { code, stdout, stderr };
}

async function fakeMetrica(t: TestContext, nowSeconds?: () => number): Promise<FakeMetrica> {
  const fake = await startFakeMetrica({ token: TOKEN, ...(nowSeconds ? { nowSeconds } : {}) });
  t.after(() => fake.close());
  return fake;
}

const seconds = () => Math.floor(Date.now() / 1000);

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`the contract from beacon to Metrica (${kind})`, () => {
    test('a poison beacon is refused; a bad stored row is held back once, and the valid chats reach Metrica', async (t) => {
      const db = await freshDatabase(t, kind);
      if (db === null) return;
      const s = await startCollector(t, { db, rateLimit: false }, kind);
      if (!s) return;
      const fake = await fakeMetrica(t);
      // At the door: a ClientID of 5 digits and a non-absolute URL are refused, naming the field.
      const poison = await beacon(s.url, { v: 1, chatId: 'CT7KQ2M9XA', clientId: '12345', url: 'https:x.ru' });
      assert.equal(poison.status, 400);
      assert.equal((await poison.json()).field, 'clientId');
      // A database from before: a stored row with values Metrica refuses.
      const t0 = seconds() - 3600;
      await s.collector.storage.upsertChat(chatKey(t0, 'telegram', { kind: 'ChatUserID', value: '1' }), {
        dateTime: t0,
        platform: 'telegram',
        chatUserId: '1',
        currency: 'RUR',
        attribution: { chatId: 'CTAAAAAAAA', reason: null, clientId: '12345', url: 'https:x.ru' },
      });
      for (const [i, partner] of ['2', '3'].entries()) {
        const res = await postChat(s.url, { platform: 'telegram', dateTime: t0 + 1 + i, chatUserId: partner });
        assert.equal(res.status, 201, await res.text());
      }

      const first = await run(fake, upload, ['--counter', '4001', '--from', db]);
      assert.equal(first.code, 6, first.stderr);
      assert.match(first.stderr, /held back: line \d, ClientID: "12345" expected 17 to 19 digits/);
      assert.match(first.stderr, /held back: line \d, Currency: "RUR"/);
      assert.match(first.stderr, /1 row held back: not sent/);
      assert.deepEqual(
        fake
          .conversions('4001')
          .map((c) => c.record.ChatUserID)
          .sort(),
        ['2', '3'],
        'every valid chat reached Metrica',
      );

      // The next run does not fail the same way: the held row is skipped until it changes.
      const second = await run(fake, upload, ['--counter', '4001', '--from', db]);
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stdout, /Nothing to upload/);
      const stats = await (
        await fetch(`${s.url}/v1/stats`, { headers: { Authorization: `Bearer ${API_KEY}` } })
      ).json();
      assert.equal(stats.heldBack, 1);
      const shown = await run(fake, report, ['--from', db]);
      assert.match(shown.stdout, /held back: breaks a CHATS rule \(upload says why\)\s+1/);

      // Reported again with a good value, the chat is checked again; the ClientID stays what was
      // stored, so it is held back again, now in its new revision.
      await postChat(s.url, { platform: 'telegram', dateTime: t0, chatUserId: '1', currency: 'rub' });
      const third = await run(fake, upload, ['--counter', '4001', '--from', db]);
      assert.equal(third.code, 6, third.stderr);
      assert.doesNotMatch(third.stderr, /Currency/);
      assert.match(third.stderr, /ClientID: "12345"/);
      assert.equal(fake.conversions('4001').length, 2);
    });

    test('user ID then phone: an uploaded chat keeps its partner columns, so the update is one conversion under the strict key', async (t) => {
      const db = await freshDatabase(t, kind);
      if (db === null) return;
      const s = await startCollector(t, { db, rateLimit: false }, kind);
      if (!s) return;
      const fake = await fakeMetrica(t);
      const dateTime = seconds() - 600;
      assert.equal((await postChat(s.url, { platform: 'telegram', dateTime, chatUserId: '42' })).status, 201);
      assert.equal((await run(fake, upload, ['--counter', '4003', '--from', db])).code, 0);
      const later = await postChat(s.url, {
        platform: 'telegram',
        dateTime,
        chatUserId: '42',
        phoneNumber: '8 916 123-45-67',
        answered: true,
      });
      assert.equal(later.status, 200);
      assert.equal((await run(fake, upload, ['--counter', '4003', '--from', db])).code, 0);
      const chats = fake.conversions('4003');
      assert.equal(chats.length, 1, 'one conversion: fake Metrica counts an update only on an exact key match');
      assert.equal(chats[0]!.updates, 1);
      assert.equal(chats[0]!.record.ChatAnswered, '1');
      assert.equal(chats[0]!.record.PhoneNumber, undefined);
    });

    test('username then user ID: one local row and one conversion under the strict key', async (t) => {
      const db = await freshDatabase(t, kind);
      if (db === null) return;
      const s = await startCollector(t, { db, rateLimit: false }, kind);
      if (!s) return;
      const fake = await fakeMetrica(t);
      const dateTime = seconds() - 600;
      assert.equal((await postChat(s.url, { platform: 'telegram', dateTime, chatUsername: 'Ivan_P' })).status, 201);
      const later = await postChat(s.url, {
        platform: 'telegram',
        dateTime,
        chatUsername: 'ivan_p',
        chatUserId: '4242',
        answered: true,
      });
      assert.equal(later.status, 200, 'the later report updates the chat instead of creating a second one');
      assert.equal((await run(fake, upload, ['--counter', '4004', '--from', db])).code, 0);
      const chats = fake.conversions('4004');
      assert.equal(chats.length, 1, 'one local row, so one conversion');
      assert.equal(chats[0]!.record.ChatAnswered, '1');
      assert.equal(chats[0]!.record.ChatUserID, '4242', 'not uploaded yet, so the user ID joins the row');
    });

    test('a shortfall in what Metrica accepted is reported, exits 7 and stays in the report and /v1/stats', async (t) => {
      const db = await freshDatabase(t, kind);
      if (db === null) return;
      const s = await startCollector(t, { db, rateLimit: false }, kind);
      if (!s) return;
      // Metrica's clock runs 10 minutes behind: the newest chat is "in the future" there and skipped.
      const fake = await fakeMetrica(t, () => seconds() - 600);
      const now = seconds();
      for (const [i, dateTime] of [now - 3600, now - 1800, now - 60].entries()) {
        await postChat(s.url, { platform: 'whatsapp', dateTime, phoneNumber: `+7916000000${i}` });
      }
      const r = await run(fake, upload, ['--counter', '4002', '--from', db]);
      assert.equal(r.code, 7, r.stderr);
      assert.match(r.stderr, /Metrica accepted 2 of 3 rows sent: 1 did not pass its checks \(line_quantity\)/);
      assert.equal(fake.conversions('4002').length, 2);
      const stats = await (
        await fetch(`${s.url}/v1/stats`, { headers: { Authorization: `Bearer ${API_KEY}` } })
      ).json();
      assert.deepEqual(stats.skippedByMetrica, { rows: 1, uploads: 1 });
      const shown = await run(fake, report, ['--from', db]);
      assert.match(shown.stdout, /Rows Metrica skipped \(sent, not accepted\)\s+1\n\s+in 1 upload/);
    });
  });
}
