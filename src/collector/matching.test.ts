import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { API_KEY, beacon, postChat, startCollector } from './test-support/server.js';

/**
 * Matching through the HTTP API with the collector's clock in the test's hands: several chat IDs
 * in one message, a late ClientID, and the counts that name each outcome.
 */

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = (Math.floor(Date.now() / 1000) - 86_400) * 1000;
const FRIEND = 'CT4HW8N3RB';
const OWN = 'CT7KQ2M9XA';
const CLIENT = '133591247640966458';

async function collectorAt(t: Parameters<typeof startCollector>[0]) {
  let now = T0;
  const s = await startCollector(t, { rateLimit: false, now: () => now });
  if (!s) return null;
  return {
    ...s,
    at(ms: number) {
      now = T0 + ms;
    },
    async stats() {
      const res = await fetch(`${s.url}/v1/stats`, { headers: { Authorization: `Bearer ${API_KEY}` } });
      return res.json();
    },
  };
}

describe('several chat IDs in one message', () => {
  test('the chat goes to the one whose page view is latest before it', async (t) => {
    const s = await collectorAt(t);
    if (!s) return;
    await beacon(s.url, { v: 1, chatId: FRIEND, clientId: '111111111111111111' });
    s.at(10 * MIN);
    await beacon(s.url, { v: 1, chatId: OWN, clientId: CLIENT });
    s.at(15 * MIN);
    const text = `Переслано: Номер обращения: ${FRIEND}\nМой: CT 7KQ2M9XA`;
    const res = await postChat(s.url, {
      platform: 'whatsapp',
      phoneNumber: '+79161234567',
      dateTime: T0 / 1000 + 720,
      text,
    });
    const body = await res.json();
    assert.deepEqual([body.chatId, body.matched, body.unattributedReason], [OWN, { clientId: CLIENT }, null]);
    const stats = await s.stats();
    assert.deepEqual([stats.severalIdsResolved, stats.matchedAfterRepair, stats.severalIdsAmbiguous], [1, 1, 0]);
  });

  test('when no page view tells them apart the chat stays unattributed, and links no partner', async (t) => {
    const s = await collectorAt(t);
    if (!s) return;
    await beacon(s.url, { v: 1, chatId: FRIEND, clientId: '111111111111111111' });
    await beacon(s.url, { v: 1, chatId: OWN, clientId: CLIENT });
    s.at(5 * MIN);
    const partner = { platform: 'telegram', chatUserId: '4242' };
    const first = await postChat(s.url, { ...partner, dateTime: T0 / 1000 + 60, text: `${FRIEND} ${OWN}` });
    const body = await first.json();
    assert.deepEqual([body.chatId, body.matched, body.unattributedReason], [null, null, 'several_chat_ids']);
    // The partner's next, untagged chat is not credited to either visitor through this one.
    const next = await (await postChat(s.url, { ...partner, dateTime: T0 / 1000 + 120, text: 'ещё вопрос' })).json();
    assert.deepEqual([next.chatId, next.unattributedReason], [null, 'no_chat_id']);
    const stats = await s.stats();
    assert.deepEqual([stats.severalIdsAmbiguous, stats.unattributed.several_chat_ids], [1, 1]);
  });
});

describe('a ClientID that arrives after the chat', () => {
  test('upgrades the matched chat, uploaded or not, under the same key and counts it', async (t) => {
    const s = await collectorAt(t);
    if (!s) return;
    await beacon(s.url, { v: 1, chatId: OWN, yclid: '6289473625182731001' });
    s.at(2 * MIN);
    const res = await postChat(s.url, {
      platform: 'whatsapp',
      phoneNumber: '+79161234567',
      dateTime: T0 / 1000 + 60,
      text: OWN,
    });
    const chat = await res.json();
    assert.deepEqual(chat.matched, { yclid: '6289473625182731001' });
    const storage = s.collector.storage;
    await storage.markUploaded({ uploadId: 'u1', counterId: '1', status: 'UPLOADED', sentAt: 1, rowCount: 1 }, [
      { key: chat.key, revision: chat.revision },
    ]);
    s.at(3 * MIN);
    await beacon(s.url, { v: 1, chatId: OWN, yclid: '6289473625182731001', clientId: CLIENT });
    const row = await storage.getChat(chat.key);
    assert.deepEqual([row?.clientId, row?.yclid, row?.revision], [CLIENT, '6289473625182731001', chat.revision + 1]);
    const pending = [];
    for await (const p of storage.pendingConversions()) pending.push(p.key);
    assert.deepEqual(pending, [chat.key], 'uploaded again, under the same key');
    assert.equal((await s.stats()).upgradedByLaterPairing, 1);
  });

  test('never from a later visit, nor with a new ad click', async (t) => {
    const s = await collectorAt(t);
    if (!s) return;
    await beacon(s.url, { v: 1, chatId: OWN, yclid: '6289473625182731001' });
    s.at(MIN);
    const res = await postChat(s.url, {
      platform: 'telegram',
      chatUserId: '77',
      dateTime: T0 / 1000 + 30,
      text: `/start ${OWN}`,
    });
    const chat = await res.json();
    s.at(2 * MIN);
    await beacon(s.url, { v: 1, chatId: OWN, yclid: '6289473625182739999', clientId: CLIENT });
    s.at(45 * MIN);
    await beacon(s.url, { v: 1, chatId: OWN, yclid: '6289473625182731001', clientId: CLIENT });
    const row = await s.collector.storage.getChat(chat.key);
    assert.deepEqual([row?.clientId, row?.yclid, row?.upgradedAt], [null, '6289473625182731001', null]);
  });
});

describe('one person, two spellings of a phone number', () => {
  test('the partner link holds: the untagged chat is credited through the tagged one', async (t) => {
    const s = await collectorAt(t);
    if (!s) return;
    await beacon(s.url, { v: 1, chatId: OWN, clientId: CLIENT });
    s.at(2 * MIN);
    const tagged = await postChat(s.url, {
      platform: 'whatsapp',
      phoneNumber: '+7 (916) 123-45-67',
      dateTime: T0 / 1000 + 60,
      text: `Номер обращения: ${OWN}`,
    });
    assert.deepEqual((await tagged.json()).matched, { clientId: CLIENT });
    s.at(DAY);
    for (const [i, phoneNumber] of ['8 916 123 45 67', '\u2068+7\u00A0916\u00A0123\u201145\u201167\u2069'].entries()) {
      const later = await postChat(s.url, {
        platform: 'whatsapp',
        phoneNumber,
        dateTime: T0 / 1000 + 3600 * (i + 1),
        text: 'Это снова я',
      });
      const body = await later.json();
      assert.deepEqual([body.chatId, body.matched], [OWN, { clientId: CLIENT }], phoneNumber);
    }
    const stats = await s.stats();
    assert.equal(stats.linkedByPartner, 2);
  });
});
