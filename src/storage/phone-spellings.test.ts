import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { beacon, postChat, startCollector } from '../collector/test-support/server.js';

/**
 * Four spellings of one phone number, each as a CRM or a bot platform sends it, are one partner:
 * the reports of one chat end as one row with one partner link, and the same person's later
 * untagged chat, written yet another way, is credited through that link (README, "Judgement
 * calls": to the latest visit, before that chat, of the browser the partner first came from).
 * Through the real collector, on each database.
 */

const T0 = 1_767_261_600; // seconds
const SPELLINGS = ['79161234567', '+7 916 123-45-67', '8 (916) 123-45-67', '0079161234567'];
const STORED = '+79161234567';
const CHAT_ID = 'CT7KQ2M9XA';

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`four spellings of one phone are one partner (${kind})`, () => {
    test('one chat, one row, one partner link; the later untagged chat keeps the attribution', async (t) => {
      let clock = T0 * 1000;
      const s = await startCollector(t, { rateLimit: false, now: () => clock }, kind);
      if (!s) return;
      const visit = (clientId: string) =>
        beacon(s.url, { v: 1, chatId: CHAT_ID, clientId, url: 'https://shop.example.com/sofa' });

      assert.equal((await visit('17000000000000001')).status, 204);
      clock = (T0 + 60) * 1000;
      // One chat (one DateTime), reported four times: the tagged first message, then updates.
      for (const [i, phoneNumber] of SPELLINGS.entries()) {
        const report = {
          platform: 'whatsapp',
          dateTime: T0 + 60,
          phoneNumber,
          ...(i === 0 ? { text: `Здравствуйте! Номер обращения: ${CHAT_ID}` } : { answered: true }),
        };
        const res = await postChat(s.url, report);
        assert.ok(res.status === 201 || res.status === 200, `${phoneNumber}: ${res.status} ${await res.text()}`);
      }
      let stored = await s.collector.storage.snapshot();
      assert.deepEqual(
        stored.chats.map((c) => [c.phoneNumber, c.chatId, c.clientId, c.answered]),
        [[STORED, CHAT_ID, '17000000000000001', true]],
      );
      assert.deepEqual(
        stored.partners.map((p) => [p.platform, p.kind, p.value, p.chatId]),
        [['whatsapp', 'PhoneNumber', STORED, CHAT_ID]],
      );

      // The same browser comes back with another ClientID; then the person writes again,
      // without the tag and with the number spelled yet another way.
      clock = (T0 + 600) * 1000;
      assert.equal((await visit('17000000000000002')).status, 204);
      clock = (T0 + 1200) * 1000;
      const later = await postChat(s.url, { platform: 'whatsapp', dateTime: T0 + 1200, phoneNumber: '+7(916)1234567' });
      assert.equal(later.status, 201, await later.text());
      stored = await s.collector.storage.snapshot();
      assert.deepEqual(
        stored.chats
          .map((c) => [c.dateTime, c.phoneNumber, c.chatId, c.clientId])
          .sort((a, b) => Number(a[0]) - Number(b[0])),
        [
          [T0 + 60, STORED, CHAT_ID, '17000000000000001'],
          [T0 + 1200, STORED, CHAT_ID, '17000000000000002'],
        ],
      );
      assert.equal(stored.partners.length, 1);
    });
  });
}
