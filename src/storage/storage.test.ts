import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { STORAGE_ADAPTERS as ADAPTERS } from '../test-support/storage.js';
import { chatKey, MissingDriverError, openStorage, type Storage } from './index.js';
import type { SqlDriver } from './sql.js';

const T0 = 1_760_000_000; // a DateTime in seconds
const partner = { kind: 'ChatUserID' as const, value: '4242' };

/** A chat that came before its beacon: unattributed, waiting for CTAAAAAAAA's pairing. */
const waitingChat = (s: Storage) =>
  s.upsertChat(chatKey(T0, 'telegram', partner), {
    dateTime: T0,
    platform: 'telegram',
    chatUserId: partner.value,
    attribution: { chatId: 'CTAAAAAAAA', chatIdSource: 'message', reason: 'chat_id_not_paired' },
  });

/** The adapter's SQL driver, to make one of its calls fail the way a database can. */
const driverOf = (s: Storage) => (s as unknown as { db: SqlDriver }).db;

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

for (const [name, open] of Object.entries(ADAPTERS)) {
  describe(`storage (${name})`, () => {
    test('finds the latest pairing at or before a time, else the latest one', async (t) => {
      const s = await open(t);
      if (!s) return;
      await s.insertPairing({ chatId: 'CTAAAAAAAA', clientId: '1', receivedAt: 1000 });
      await s.insertPairing({ chatId: 'CTAAAAAAAA', clientId: '2', receivedAt: 2000 });
      await s.insertPairing({ chatId: 'CTAAAAAAAA', clientId: '3', receivedAt: 3000 });
      await s.insertPairing({ chatId: 'CTBBBBBBBB', clientId: '9', receivedAt: 1500 });
      assert.equal((await s.findPairing('CTAAAAAAAA', 2500))?.clientId, '2');
      assert.equal((await s.findPairing('CTAAAAAAAA', 2000))?.clientId, '2');
      assert.equal((await s.findPairing('CTAAAAAAAA', 500))?.clientId, '3');
      assert.equal((await s.findPairing('CTAAAAAAAA', 9999))?.clientId, '3');
      assert.equal(await s.findPairing('CTCCCCCCCC', 9999), null);
    });

    test('keeps every pairing field, ClientID as the exact digit string', async (t) => {
      const s = await open(t);
      if (!s) return;
      const p = {
        chatId: 'CT7KQ2M9XA',
        clientId: '1760000000123456789',
        yclid: '98765432109876543210',
        userId: 'u-1',
        purchaseId: 'order-7',
        counterId: '12345678',
        url: 'https://example.com/landing?utm=1',
        referrer: 'https://ya.ru/',
        platform: 'telegram' as const,
        ts: 1_760_000_000_123,
        receivedAt: 1_760_000_000_456,
      };
      const { id } = await s.insertPairing(p);
      assert.deepEqual(await s.findPairing('CT7KQ2M9XA', Date.now()), { ...p, id });
    });

    test('a burst of beacons larger than several batches: each stored once, with its own fields and id', async (t) => {
      const s = await open(t);
      if (!s) return;
      // 700 at once: more than two full batches, so batches run side by side where the driver allows.
      const results = await Promise.all(
        Array.from({ length: 700 }, (_, i) =>
          s.insertPairing({
            chatId: 'CTBBBBBBBB',
            clientId: String(1000 + i),
            url: `https://a.example/${i}`,
            receivedAt: i,
          }),
        ),
      );
      assert.equal(new Set(results.map((r) => r.id)).size, 700);
      const stored = (await s.snapshot()).pairings;
      assert.equal(stored.length, 700);
      const byId = new Map(stored.map((p) => [p.id, p]));
      for (const [i, r] of results.entries()) {
        const p = byId.get(r.id);
        assert.equal(p?.clientId, String(1000 + i));
        assert.equal(p?.url, `https://a.example/${i}`);
        assert.equal(p?.receivedAt, i);
      }
    });

    test('links partners to a chat ID, the newest link winning', async (t) => {
      const s = await open(t);
      if (!s) return;
      await s.linkPartner('telegram', [partner, { kind: 'ChatUsername', value: 'ann' }], 'CTAAAAAAAA', 1);
      assert.equal(await s.findLinkedChatId('telegram', [partner]), 'CTAAAAAAAA');
      assert.equal(await s.findLinkedChatId('telegram', [{ kind: 'ChatUsername', value: 'ann' }]), 'CTAAAAAAAA');
      assert.equal(await s.findLinkedChatId('viber', [partner]), null);
      await s.linkPartner('telegram', [partner], 'CTBBBBBBBB', 2);
      assert.equal(await s.findLinkedChatId('telegram', [partner]), 'CTBBBBBBBB');
    });

    test('an older link does not take the partner back from a newer one', async (t) => {
      const s = await open(t);
      if (!s) return;
      await s.linkPartner('telegram', [partner], 'CTBBBBBBBB', 2000);
      await s.linkPartner('telegram', [partner], 'CTAAAAAAAA', 1000);
      assert.equal(await s.findLinkedChatId('telegram', [partner]), 'CTBBBBBBBB');
      await s.linkPartner('telegram', [partner], 'CTCCCCCCCC', 2000);
      assert.equal(await s.findLinkedChatId('telegram', [partner]), 'CTCCCCCCCC');
    });

    test('upserts a chat by key, merging later fields and bumping the revision only on change', async (t) => {
      const s = await open(t);
      if (!s) return;
      const key = chatKey(T0, 'telegram', partner);
      const first = await s.upsertChat(key, {
        dateTime: T0,
        platform: 'telegram',
        chatUserId: '4242',
        attribution: { chatId: 'CTAAAAAAAA', clientId: '1760000000123456789', reason: null },
      });
      assert.equal(first.created, true);
      assert.equal(first.row.revision, 1);
      const same = await s.upsertChat(key, { dateTime: T0, platform: 'telegram', chatUserId: '4242' });
      assert.equal(same.changed, false);
      assert.equal(same.row.revision, 1);
      const later = await s.upsertChat(key, {
        dateTime: T0,
        platform: 'telegram',
        chatUserId: '4242',
        answered: true,
        price: '1500.50',
        currency: 'RUB',
      });
      assert.equal(later.changed, true);
      assert.equal(later.row.revision, 2);
      const stored = await s.getChat(key);
      assert.equal(stored?.clientId, '1760000000123456789', 'attribution kept when the report has none');
      assert.equal(stored?.answered, true);
      assert.equal(stored?.price, '1500.50');
    });

    test('pending conversions: new and changed rows only; a row changed after reading stays pending', async (t) => {
      const s = await open(t);
      if (!s) return;
      const keys: string[] = [];
      for (let i = 0; i < 3; i++) {
        const key = chatKey(T0 + i, 'whatsapp', { kind: 'PhoneNumber', value: `+7900000000${i}` });
        keys.push(key);
        await s.upsertChat(key, { dateTime: T0 + i, platform: 'whatsapp', phoneNumber: `+7900000000${i}` });
      }
      const pending = await collect(s.pendingConversions());
      assert.deepEqual(
        pending.map((p) => p.key),
        keys,
      );
      assert.deepEqual(pending[0]?.record, {
        DateTime: String(T0),
        ChatPlatform: 'whatsapp',
        PhoneNumber: '+79000000000',
      });
      // Row 1 changes between reading and marking: its new revision must still be sent.
      await s.upsertChat(keys[1] as string, { dateTime: T0 + 1, platform: 'whatsapp', answered: false });
      await s.markUploaded(
        { uploadId: 'u1', counterId: '123', status: 'UPLOADED', sentAt: 5, rowCount: 3 },
        pending.map(({ key, revision }) => ({ key, revision })),
      );
      const left = await collect(s.pendingConversions());
      assert.deepEqual(
        left.map((p) => [p.key, p.revision, p.record.ChatAnswered]),
        [[keys[1], 2, '0']],
      );
      assert.deepEqual(
        (await collect(s.pendingConversions({ since: T0 + 2 }))).map((p) => p.key),
        [],
      );
      await s.updateUploadStatus('u1', 'LINKAGE_SUCCESS', { linked: 3 });
      assert.equal((await s.snapshot()).uploads[0]?.status, 'LINKAGE_SUCCESS');
      await assert.rejects(s.updateUploadStatus('nope', 'X'), /unknown upload ID "nope"/);
    });

    test('pages through more pending rows than one page holds, in order', async (t) => {
      const s = await open(t);
      if (!s) return;
      for (let i = 0; i < 1203; i++) {
        const v = String(i);
        await s.upsertChat(chatKey(T0 + (i % 7), 'viber', { kind: 'ChatUserID', value: v }), {
          dateTime: T0 + (i % 7),
          platform: 'viber',
          chatUserId: v,
        });
      }
      const rows = await collect(s.pendingConversions());
      assert.equal(rows.length, 1203);
      assert.equal(new Set(rows.map((r) => r.key)).size, 1203);
      const times = rows.map((r) => Number(r.record.DateTime));
      assert.deepEqual(
        times,
        [...times].sort((a, b) => a - b),
      );
    });

    test('a late pairing completes the chats waiting for it, with a new revision', async (t) => {
      const s = await open(t);
      if (!s) return;
      const key = chatKey(T0, 'telegram', partner);
      await s.upsertChat(key, {
        dateTime: T0,
        platform: 'telegram',
        chatUserId: '4242',
        attribution: { chatId: 'CTAAAAAAAA', reason: 'chat_id_not_paired' },
      });
      await s.markUploaded({ uploadId: 'u', counterId: '1', status: 'UPLOADED', sentAt: 1, rowCount: 1 }, [
        { key, revision: 1 },
      ]);
      const { rematched } = await s.insertPairing({ chatId: 'CTAAAAAAAA', yclid: '555', receivedAt: 10 });
      assert.equal(rematched, 1);
      const row = await s.getChat(key);
      assert.equal(row?.yclid, '555');
      assert.equal(row?.unattributedReason, null);
      assert.equal(row?.revision, 2);
      assert.deepEqual(
        (await collect(s.pendingConversions())).map((p) => p.record.Yclid),
        ['555'],
      );
      // A pairing without IDs changes nothing.
      assert.equal((await s.insertPairing({ chatId: 'CTAAAAAAAA', receivedAt: 11 })).rematched, 0);
    });

    test('a failure after a batch is committed stores no pairing twice', async (t) => {
      const s = await open(t);
      if (!s) return;
      await waitingChat(s);
      // Completing the waiting chat fails once, after the batch's INSERT has committed.
      const db = driverOf(s);
      const transaction = db.transaction.bind(db);
      let failures = 0;
      db.transaction = (...a) => (failures++ === 0 ? Promise.reject(new Error('connection reset')) : transaction(...a));
      // Two beacons in one turn of the event loop: one batch.
      const results = await Promise.all([
        s.insertPairing({ chatId: 'CTAAAAAAAA', clientId: '111', receivedAt: 1 }),
        s.insertPairing({ chatId: 'CTBBBBBBBB', clientId: '222', receivedAt: 2 }),
      ]);
      assert.ok(failures >= 2, 'the completion step failed, then ran again');
      assert.deepEqual(
        results.map((r) => r.rematched),
        [1, 0],
      );
      const after = await s.snapshot();
      assert.deepEqual(after.pairings.map((p) => p.chatId).sort(), ['CTAAAAAAAA', 'CTBBBBBBBB']);
      assert.equal(after.chats[0]?.clientId, '111');
    });

    test('when completing waiting chats keeps failing, only pairings with Metrica IDs report it, as stored', async (t) => {
      const s = await open(t);
      if (!s) return;
      await waitingChat(s);
      const db = driverOf(s);
      db.transaction = () => Promise.reject(new Error('connection reset'));
      const [withIds, without] = await Promise.allSettled([
        s.insertPairing({ chatId: 'CTAAAAAAAA', clientId: '111', receivedAt: 1 }),
        s.insertPairing({ chatId: 'CTBBBBBBBB', receivedAt: 2 }),
      ]);
      assert.equal(withIds.status, 'rejected');
      assert.match(
        String((withIds as PromiseRejectedResult).reason),
        /pairing stored, but completing the chats waiting for it failed: connection reset/,
      );
      assert.equal(without.status, 'fulfilled');
      assert.deepEqual((await s.snapshot()).pairings.map((p) => p.chatId).sort(), ['CTAAAAAAAA', 'CTBBBBBBBB']);
    });

    test('a batch whose INSERT fails is inserted row by row, once each, and still completes waiting chats', async (t) => {
      const s = await open(t);
      if (!s) return;
      await waitingChat(s);
      const db = driverOf(s);
      const insertMany = db.insertMany.bind(db);
      let calls = 0;
      db.insertMany = (...a) => (calls++ === 0 ? Promise.reject(new Error('deadlock detected')) : insertMany(...a));
      const same = { chatId: 'CTAAAAAAAA', clientId: '111', receivedAt: 1 };
      const results = await Promise.all([
        s.insertPairing(same),
        s.insertPairing(same),
        s.insertPairing({ chatId: 'CTBBBBBBBB', receivedAt: 2 }),
      ]);
      // The same beacon twice (a retry): the chat is completed once, by the latest.
      assert.deepEqual(
        results.map((r) => r.rematched),
        [0, 1, 0],
      );
      const after = await s.snapshot();
      assert.equal(after.pairings.length, 3);
      assert.equal(after.chats[0]?.clientId, '111');
    });

    test('remembers a connector message: the first DateTime wins, per connector, for every caller', async (t) => {
      const s = await open(t);
      if (!s) return;
      assert.equal(await s.rememberMessage('whatsapp', 'wamid.A', 1_764_000_000), 1_764_000_000);
      assert.equal(await s.rememberMessage('whatsapp', 'wamid.A', 1_764_000_090), 1_764_000_000);
      assert.equal(await s.rememberMessage('green-api', 'wamid.A', 1_764_000_090), 1_764_000_090);
      const together = await Promise.all(
        [1, 2, 3, 4].map((i) => s.rememberMessage('wazzup', 'same-message', 1_764_000_000 + i)),
      );
      assert.equal(new Set(together).size, 1);
    });

    test('forgets connector messages first seen before a time, and only those', async (t) => {
      const s = await open(t);
      if (!s) return;
      const before = Date.now();
      await s.rememberMessage('whatsapp', 'wamid.OLD', 1_764_000_000);
      await s.rememberMessage('wazzup', 'msg-2', 1_764_000_100);
      await s.insertPairing({ chatId: 'CTAAAAAAAA', receivedAt: before - 2 * 86_400_000 });
      assert.deepEqual(
        await s.purgeOlderThan(before - 86_400_000),
        { pairings: 1, webhookMessages: 0 },
        'both messages were seen after that',
      );
      assert.deepEqual(await s.purgeOlderThan(Date.now() + 1), { pairings: 0, webhookMessages: 2 });
      // Forgotten: the same message is now taken as new, with its own DateTime.
      assert.equal(await s.rememberMessage('whatsapp', 'wamid.OLD', 1_764_000_090), 1_764_000_090);
      assert.deepEqual(await s.purgeOlderThan(before - 86_400_000), { pairings: 0, webhookMessages: 0 });
    });

    test('purges pairings older than a time and reports the count', async (t) => {
      const s = await open(t);
      if (!s) return;
      await s.insertPairing({ chatId: 'CTAAAAAAAA', receivedAt: 100 });
      await s.insertPairing({ chatId: 'CTBBBBBBBB', receivedAt: 200 });
      await s.insertPairing({ chatId: 'CTCCCCCCCC', receivedAt: 300 });
      assert.equal(await s.purgePairings(250), 2);
      assert.deepEqual(
        (await s.snapshot()).pairings.map((p) => p.chatId),
        ['CTCCCCCCCC'],
      );
    });

    test('forgets a person: their chats, partner links and the pairings of their chat IDs, nobody else', async (t) => {
      const s = await open(t);
      if (!s) return;
      const phone = { kind: 'PhoneNumber' as const, value: '+79161234567' };
      // The person: two WhatsApp chats (two browsers, two chat IDs), one uploaded, and a Telegram chat.
      await s.insertPairing({ chatId: 'CTAAAAAAAA', clientId: '111', receivedAt: 1 });
      await s.insertPairing({ chatId: 'CTBBBBBBBB', clientId: '222', receivedAt: 2 });
      await s.linkPartner('whatsapp', [phone], 'CTAAAAAAAA', 1000);
      await s.linkPartner('whatsapp', [phone], 'CTBBBBBBBB', 2000);
      const a = chatKey(T0, 'whatsapp', phone);
      await s.upsertChat(a, {
        dateTime: T0,
        platform: 'whatsapp',
        phoneNumber: phone.value,
        attribution: { chatId: 'CTAAAAAAAA', chatIdSource: 'message', reason: null, clientId: '111' },
      });
      await s.upsertChat(chatKey(T0 + 1, 'whatsapp', phone), {
        dateTime: T0 + 1,
        platform: 'whatsapp',
        phoneNumber: phone.value,
        attribution: { chatId: 'CTBBBBBBBB', chatIdSource: 'message', reason: null, clientId: '222' },
      });
      await s.markUploaded({ uploadId: 'u', counterId: '1', status: 'UPLOADED', sentAt: 1, rowCount: 1 }, [
        { key: a, revision: 1 },
      ]);
      // Somebody else, on the same messenger.
      const other = { kind: 'PhoneNumber' as const, value: '+79990000000' };
      await s.insertPairing({ chatId: 'CTCCCCCCCC', clientId: '333', receivedAt: 3 });
      await s.linkPartner('whatsapp', [other], 'CTCCCCCCCC', 3000);
      await s.upsertChat(chatKey(T0, 'whatsapp', other), {
        dateTime: T0,
        platform: 'whatsapp',
        phoneNumber: other.value,
        attribution: { chatId: 'CTCCCCCCCC', chatIdSource: 'message', reason: null, clientId: '333' },
      });

      const { files, ...forgotten } = await s.forget({
        partner: { kind: 'PhoneNumber', values: ['79161234567', '+79161234567'] },
      });
      assert.deepEqual(forgotten, { chats: 2, pairings: 2, partnerLinks: 1, chatIds: ['CTAAAAAAAA', 'CTBBBBBBBB'] });
      // The test database's role may do every clean-up step.
      assert.deepEqual(files?.skipped, []);
      assert.ok((files?.done.length ?? 0) >= 2, JSON.stringify(files));
      const left = await s.snapshot();
      assert.deepEqual(
        left.chats.map((c) => c.chatId),
        ['CTCCCCCCCC'],
      );
      assert.deepEqual(
        left.pairings.map((p) => p.chatId),
        ['CTCCCCCCCC'],
      );
      assert.deepEqual(
        left.partners.map((p) => p.value),
        [other.value],
      );
      // The upload is still on record, without the deleted chat.
      assert.equal(left.uploads.length, 1);
      assert.deepEqual(
        (await collect(s.pendingConversions())).map((c) => c.record.PhoneNumber),
        [other.value],
      );
      // Forgetting again finds nothing.
      assert.deepEqual(await s.forget({ partner: { kind: 'PhoneNumber', values: ['+79161234567'] } }), {
        chats: 0,
        pairings: 0,
        partnerLinks: 0,
        chatIds: [],
      });
    });

    test('forgets by chat ID; a platform says whose identifier is meant', async (t) => {
      const s = await open(t);
      if (!s) return;
      const user = { kind: 'ChatUserID' as const, value: '4242' };
      await s.insertPairing({ chatId: 'CTAAAAAAAA', clientId: '111', receivedAt: 1 });
      await s.linkPartner('telegram', [user], 'CTAAAAAAAA', 1000);
      await s.upsertChat(chatKey(T0, 'telegram', user), {
        dateTime: T0,
        platform: 'telegram',
        chatUserId: '4242',
        attribution: { chatId: 'CTAAAAAAAA', chatIdSource: 'message', reason: null, clientId: '111' },
      });
      // The same user ID on Viber is another person.
      await s.linkPartner('viber', [user], 'CTBBBBBBBB', 1000);
      const { files: _viberFiles, ...viber } = await s.forget({
        partner: { kind: 'ChatUserID', values: ['4242'] },
        platform: 'viber',
      });
      assert.deepEqual(viber, {
        chats: 0,
        pairings: 0,
        partnerLinks: 1,
        chatIds: ['CTBBBBBBBB'],
      });
      const { files: _chatIdFiles, ...byChatId } = await s.forget({ chatId: 'CTAAAAAAAA' });
      assert.deepEqual(byChatId, {
        chats: 1,
        pairings: 1,
        partnerLinks: 1,
        chatIds: ['CTAAAAAAAA'],
      });
      const left = await s.snapshot();
      assert.deepEqual([left.chats.length, left.pairings.length, left.partners.length], [0, 0, 0]);
    });

    test('forgets a username in any case', async (t) => {
      const s = await open(t);
      if (!s) return;
      const name = { kind: 'ChatUsername' as const, value: 'Jane_Doe' };
      await s.linkPartner('telegram', [name], 'CTAAAAAAAA', 1000);
      await s.upsertChat(chatKey(T0, 'telegram', name), {
        dateTime: T0,
        platform: 'telegram',
        chatUsername: name.value,
        attribution: { chatId: 'CTAAAAAAAA', chatIdSource: 'message', reason: 'chat_id_not_paired' },
      });
      const { files: _nameFiles, ...byName } = await s.forget({
        partner: { kind: 'ChatUsername', values: ['jane_DOE'] },
      });
      assert.deepEqual(byName, {
        chats: 1,
        pairings: 0,
        partnerLinks: 1,
        chatIds: ['CTAAAAAAAA'],
      });
      // A display name in Cyrillic (Viber sends those) is found as written.
      const viber = { kind: 'ChatUsername' as const, value: 'Иван Петров' };
      await s.upsertChat(chatKey(T0, 'viber', viber), {
        dateTime: T0,
        platform: 'viber',
        chatUsername: viber.value,
        attribution: { chatId: null, chatIdSource: null, reason: 'no_chat_id' },
      });
      assert.equal((await s.forget({ partner: { kind: 'ChatUsername', values: ['Иван Петров'] } })).chats, 1);
    });

    test('chat stats count platforms, chat IDs, matches, uploads and reasons', async (t) => {
      const s = await open(t);
      if (!s) return;
      const add = (
        i: number,
        platform: 'telegram' | 'viber',
        attribution: Parameters<Storage['upsertChat']>[1]['attribution'],
      ) =>
        s.upsertChat(chatKey(T0 + i, platform, partner), {
          dateTime: T0 + i,
          platform,
          chatUserId: '4242',
          attribution,
        });
      await add(0, 'telegram', { chatId: 'CTAAAAAAAA', clientId: '1', reason: null, repair: 'split', idCount: 1 });
      await add(1, 'telegram', { chatId: 'CTBBBBBBBB', reason: 'chat_id_not_paired' });
      await add(2, 'viber', { chatId: null, reason: 'no_chat_id' });
      await add(3, 'viber', { chatId: 'CTCCCCCCCC', chatIdSource: 'partner', reason: 'pairing_without_metrica_id' });
      await add(4, 'telegram', { chatId: 'CTDDDDDDDD', yclid: '77', reason: null, idCount: 2 });
      await add(5, 'viber', { chatId: null, reason: 'several_chat_ids', idCount: 2 });
      assert.ok(await s.upgradeChat(chatKey(T0 + 4, 'telegram', partner), { clientId: '5' }));
      await s.markUploaded({ uploadId: 'u', counterId: '1', status: 'UPLOADED', sentAt: 1, rowCount: 1 }, [
        { key: chatKey(T0, 'telegram', partner), revision: 1 },
      ]);
      await s.insertPairing({ chatId: 'CTZZZZZZZZ', receivedAt: 1 });
      assert.deepEqual(await s.chatStats(), {
        chats: 6,
        byPlatform: { telegram: 3, viber: 3 },
        withChatId: 4,
        carriedChatId: 3,
        linkedByPartner: 1,
        matched: 2,
        matchedAfterRepair: 1,
        severalIdsResolved: 1,
        severalIdsAmbiguous: 1,
        upgradedByLaterPairing: 1,
        uploaded: 1,
        pending: 5,
        heldBack: 0,
        skippedByMetrica: { rows: 0, uploads: 0 },
        unattributed: { no_chat_id: 1, chat_id_not_paired: 1, pairing_without_metrica_id: 1, several_chat_ids: 1 },
        pairings: 1,
        byLink: {},
      });
      assert.equal((await s.chatStats({ since: T0 + 2 })).chats, 4);
    });

    test('a later pairing upgrades a matched chat: it adds IDs, never replaces one, and makes it pending again', async (t) => {
      const s = await open(t);
      if (!s) return;
      const key = chatKey(T0, 'telegram', partner);
      await s.upsertChat(key, {
        dateTime: T0,
        platform: 'telegram',
        chatUserId: '4242',
        attribution: { chatId: 'CTAAAAAAAA', yclid: '77', reason: null },
      });
      await s.markUploaded({ uploadId: 'u1', counterId: '1', status: 'UPLOADED', sentAt: 1, rowCount: 1 }, [
        { key, revision: 1 },
      ]);
      assert.deepEqual(
        (await s.upgradableChats('CTAAAAAAAA')).map((r) => r.key),
        [key],
      );
      const upgraded = await s.upgradeChat(key, { clientId: '133591247640966458' });
      assert.deepEqual(
        [upgraded?.clientId, upgraded?.yclid, upgraded?.revision, upgraded?.upgradedAt !== null],
        ['133591247640966458', '77', 2, true],
      );
      const pending = [];
      for await (const p of s.pendingConversions()) pending.push(p);
      assert.deepEqual(
        pending.map((p) => [p.key, p.revision, p.record.ClientID, p.record.Yclid]),
        [[key, 2, '133591247640966458', '77']],
      );
      assert.equal(await s.upgradeChat(key, { clientId: '999999999999999999' }), null, 'a ClientID is never replaced');
      assert.equal((await s.getChat(key))?.clientId, '133591247640966458');
      // A user ID is still missing, so it stays upgradable; an unattributed chat never is.
      assert.equal((await s.upgradableChats('CTAAAAAAAA')).length, 1);
      const other = chatKey(T0 + 1, 'telegram', partner);
      await s.upsertChat(other, {
        dateTime: T0 + 1,
        platform: 'telegram',
        chatUserId: '4242',
        attribution: { chatId: 'CTBBBBBBBB', reason: 'chat_id_not_paired' },
      });
      assert.deepEqual(await s.upgradableChats('CTBBBBBBBB'), []);
      assert.equal(await s.upgradeChat(other, { clientId: '133591247640966458' }), null);
    });

    test('insertPairing says whether matched chats of its chat ID could take its IDs', async (t) => {
      const s = await open(t);
      if (!s) return;
      // No chats at all: nothing to upgrade, for any beacon of a batch.
      const burst = await Promise.all(
        ['CTAAAAAAAA', 'CTBBBBBBBB', 'CTAAAAAAAA'].map((chatId, i) =>
          s.insertPairing({ chatId, clientId: `13359124764096645${i}`, receivedAt: 1000 + i }),
        ),
      );
      assert.deepEqual(
        burst.map((r) => r.upgradable),
        [false, false, false],
      );
      const key = chatKey(T0, 'telegram', partner);
      await s.upsertChat(key, {
        dateTime: T0,
        platform: 'telegram',
        chatUserId: '4242',
        attribution: { chatId: 'CTAAAAAAAA', yclid: '77', reason: null },
      });
      // Matched with a yclid only: a beacon of that chat ID with a ClientID or UserID may fill it;
      // one without either, or of another chat ID, may not.
      const [withClientId, withUserId, yclidOnly, other] = await Promise.all([
        s.insertPairing({ chatId: 'CTAAAAAAAA', clientId: '133591247640966458', receivedAt: 2000 }),
        s.insertPairing({ chatId: 'CTAAAAAAAA', userId: 'u-1', receivedAt: 2001 }),
        s.insertPairing({ chatId: 'CTAAAAAAAA', yclid: '77', receivedAt: 2002 }),
        s.insertPairing({ chatId: 'CTBBBBBBBB', clientId: '133591247640966458', receivedAt: 2003 }),
      ]);
      assert.deepEqual(
        [withClientId.upgradable, withUserId.upgradable, yclidOnly.upgradable, other.upgradable],
        [true, true, false, false],
      );
      // Once it has both, it is not upgradable any more.
      await s.upgradeChat(key, { clientId: '133591247640966458', userId: 'u-1' });
      assert.equal(
        (await s.insertPairing({ chatId: 'CTAAAAAAAA', clientId: '133591247640966458', receivedAt: 3000 })).upgradable,
        false,
      );
    });

    test('pairingsBetween lists one chat ID’s pairings in a time range, oldest first', async (t) => {
      const s = await open(t);
      if (!s) return;
      for (const [chatId, receivedAt] of [
        ['CTAAAAAAAA', 3000],
        ['CTAAAAAAAA', 1000],
        ['CTBBBBBBBB', 2000],
        ['CTAAAAAAAA', 9000],
      ] as const) {
        await s.insertPairing({ chatId, receivedAt });
      }
      assert.deepEqual(
        (await s.pairingsBetween('CTAAAAAAAA', 1000, 3000)).map((p) => p.receivedAt),
        [1000, 3000],
      );
    });

    test('a waiting chat whose visit paired without IDs is completed by that visit only, not a later one', async (t) => {
      const s = await open(t);
      if (!s) return;
      const at = T0 * 1000;
      await s.insertPairing({ chatId: 'CTAAAAAAAA', receivedAt: at - 60_000 });
      await s.insertPairing({ chatId: 'CTBBBBBBBB', receivedAt: at - 60_000 });
      for (const [i, chatId] of ['CTAAAAAAAA', 'CTBBBBBBBB'].entries()) {
        await s.upsertChat(chatKey(T0 + i, 'telegram', partner), {
          dateTime: T0 + i,
          platform: 'telegram',
          chatUserId: '4242',
          attribution: { chatId, reason: 'pairing_without_metrica_id' },
        });
      }
      // The same page view's Metrica tag loads a minute later; the other browser comes back a week later.
      assert.equal(
        (await s.insertPairing({ chatId: 'CTAAAAAAAA', clientId: '1', receivedAt: at + 60_000 })).rematched,
        1,
      );
      const week = 7 * 86_400_000;
      assert.equal(
        (await s.insertPairing({ chatId: 'CTBBBBBBBB', clientId: '2', receivedAt: at + week })).rematched,
        0,
      );
      const chats = (await s.snapshot()).chats;
      assert.deepEqual(chats.map((c) => [c.chatId, c.clientId, c.unattributedReason]).sort(), [
        ['CTAAAAAAAA', '1', null],
        ['CTBBBBBBBB', null, 'pairing_without_metrica_id'],
      ]);
    });

    test('concurrent upserts of one chat leave one row and no lost field', async (t) => {
      const s = await open(t);
      if (!s) return;
      const key = chatKey(T0, 'telegram', partner);
      await Promise.all([
        s.upsertChat(key, { dateTime: T0, platform: 'telegram', chatUserId: '4242', answered: true }),
        s.upsertChat(key, { dateTime: T0, platform: 'telegram', chatUserId: '4242', price: '10' }),
        s.upsertChat(key, { dateTime: T0, platform: 'telegram', chatUserId: '4242', tags: 'a,b' }),
      ]);
      const snap = await s.snapshot();
      assert.equal(snap.chats.length, 1);
      assert.deepEqual([snap.chats[0]?.answered, snap.chats[0]?.price, snap.chats[0]?.tags], [true, '10', 'a,b']);
    });
  });
}

describe('opening storage', () => {
  test('creates the SQLite file and its folder on first start, and reopens it with the data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-open-'));
    try {
      const path = join(dir, 'a', 'b', 'c.db');
      const s1 = await openStorage(path);
      assert.ok(existsSync(path));
      await s1.insertPairing({ chatId: 'CTAAAAAAAA', receivedAt: 1 });
      await s1.close();
      const s2 = await openStorage(path);
      assert.equal((await s2.snapshot()).pairings.length, 1);
      await s2.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('SQLite: a start while another process holds the write lock waits for it instead of failing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-busy-'));
    try {
      const path = join(dir, 'busy.db');
      // Another process (a second collector starting, a purge) holds the write lock for a moment.
      const holder = spawn(
        process.execPath,
        [
          '-e',
          `const D = require('better-sqlite3'); const db = new D(process.argv[1]);
           db.exec('CREATE TABLE IF NOT EXISTS other (a)'); db.exec('BEGIN IMMEDIATE'); db.exec('INSERT INTO other VALUES (1)');
           process.stdout.write('locked\\n');
           setTimeout(() => { db.exec('COMMIT'); db.close(); }, 400);`,
          path,
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const exited = new Promise((r) => holder.once('exit', r));
      await new Promise<void>((resolve, reject) => {
        holder.stdout?.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
        holder.once('exit', () => reject(new Error('the lock holder exited early')));
      });
      const s = await openStorage(path);
      try {
        await s.insertPairing({ chatId: 'CTAAAAAAAA', receivedAt: 1 });
        assert.equal((await s.snapshot()).pairings.length, 1);
      } finally {
        await s.close();
        await exited;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('names the missing driver and the install command', async () => {
    const missing = async (name: string) => {
      const e = new Error(`Cannot find package '${name}'`) as Error & { code: string };
      e.code = 'ERR_MODULE_NOT_FOUND';
      throw e;
    };
    await assert.rejects(openStorage('./x.db', { loader: missing }), (e: Error) => {
      assert.ok(e instanceof MissingDriverError);
      assert.match(e.message, /better-sqlite3/);
      assert.match(e.message, /npm install better-sqlite3@12/);
      return true;
    });
    await assert.rejects(openStorage('postgres://127.0.0.1:1/x', { loader: missing }), /`pg`.*npm install pg/s);
  });

  test('refuses an empty database target', async () => {
    await assert.rejects(openStorage(''), /database must be a file path or a postgres:\/\/ URL, got ""/);
  });
});
