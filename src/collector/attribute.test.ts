import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Storage } from '../storage/index.js';
import { STORAGE_ADAPTERS as ADAPTERS } from '../test-support/storage.js';
import { recordChat } from './attribute.js';

const T0 = Math.floor(Date.now() / 1000);
const report = { platform: 'telegram', dateTime: T0, chatUserId: '4242', text: '/start CTAAAAAAAA' } as const;

for (const [name, open] of Object.entries(ADAPTERS)) {
  describe(`recordChat (${name})`, () => {
    test('a beacon stored while its chat is being stored still attributes the chat', async (t) => {
      const s = await open(t);
      if (!s) return;
      // The worst interleaving: the chat looks for its pairing and finds none; the beacon is then
      // stored and looks for waiting chats before the chat is written, so it finds none either.
      let interleaved = false;
      const racing: Storage = Object.create(s, {
        upsertChat: {
          value: async (...args: Parameters<Storage['upsertChat']>) => {
            if (!interleaved) {
              interleaved = true;
              const { rematched } = await s.insertPairing({
                chatId: 'CTAAAAAAAA',
                clientId: '1760000000123456789',
                receivedAt: T0 * 1000,
              });
              assert.equal(rematched, 0, 'the chat is not stored yet');
            }
            return s.upsertChat(...args);
          },
        },
      });
      const result = await recordChat(racing, report);
      assert.ok(interleaved);
      assert.equal(result.unattributedReason, null);
      assert.equal(result.created, true, 'the chat is new to the caller');
      assert.deepEqual(result.matched, { clientId: '1760000000123456789' });
      const [chat] = (await s.snapshot()).chats;
      assert.deepEqual(
        [chat?.chatId, chat?.clientId, chat?.unattributedReason],
        ['CTAAAAAAAA', '1760000000123456789', null],
      );
    });

    test('a chat with no pairing at all stays unattributed, once', async (t) => {
      const s = await open(t);
      if (!s) return;
      const result = await recordChat(s, report);
      assert.equal(result.unattributedReason, 'chat_id_not_paired');
      assert.equal((await s.snapshot()).chats.length, 1);
    });
  });
}
