import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cleanChatBody } from './clean-input.js';
import { beacon, postChat, startCollector } from './test-support/server.js';

// Values as phones copy them: Android wraps a copied number in U+2068…U+2069 (first-strong
// isolate … pop directional isolate), iOS puts U+202A…U+202C around it in right-to-left contexts,
// both put U+00A0 between the groups.
const ANDROID_PHONE = '\u2068+7 916 123-45-67\u2069';
const IOS_PHONE = '\u202A+7\u00A0916\u00A0123-45-67\u202C';

describe('cleanChatBody', () => {
  test('cleans one-token values, the text and tags; names lose only bidi controls', () => {
    const family = '👨\u200D👩\u200D👧 Ива\u200Fн';
    assert.deepEqual(
      cleanChatBody({
        platform: 'whatsapp',
        phoneNumber: ANDROID_PHONE,
        chatId: '\u200BCT7KQ2M9XA\u2060',
        price: '1500.00\u200E',
        currency: ' RUB\u2069',
        text: 'Номер:\u00A0\u2066CT7KQ2M9XA\u2069',
        tags: ['\u2068vip\u2069', 'new'],
        chatUsername: `\u2067${family}\u2069`,
        chatUserId: '\u202A42\u202C',
        answered: true,
      }),
      {
        platform: 'whatsapp',
        phoneNumber: '+7 916 123-45-67',
        chatId: 'CT7KQ2M9XA',
        price: '1500.00',
        currency: 'RUB',
        text: 'Номер: CT7KQ2M9XA',
        tags: ['vip', 'new'],
        chatUsername: family,
        chatUserId: '42',
        answered: true,
      },
    );
  });
  test('leaves values of other types for validation to name', () => {
    assert.deepEqual(cleanChatBody({ phoneNumber: 79161234567, tags: 'a\u200B' }), {
      phoneNumber: 79161234567,
      tags: 'a',
    });
  });
});

describe('POST /v1/chats with values copied on a phone', () => {
  test('a phone number in bidi isolates or direction embeddings is taken, and the chat is matched', async (t) => {
    const s = await startCollector(t, { rateLimit: false });
    if (!s) return;
    assert.equal((await beacon(s.url, { v: 1, chatId: 'CT7KQ2M9XA', clientId: '133591247640966458' })).status, 204);
    const dateTime = Math.floor(Date.now() / 1000) - 10;
    for (const [i, phoneNumber] of [ANDROID_PHONE, IOS_PHONE].entries()) {
      const res = await postChat(s.url, {
        platform: i === 0 ? 'whatsapp' : 'viber',
        dateTime,
        phoneNumber,
        text: 'Номер обращения: \u2068CT7KQ2M9XA\u2069',
      });
      assert.equal(res.status, 201, await res.clone().text());
      assert.deepEqual((await res.json()).matched, { clientId: '133591247640966458' });
    }
    const phones = (await s.collector.storage.snapshot()).chats.map((c) => c.phoneNumber?.replace(/^\+/, ''));
    assert.deepEqual(phones, ['79161234567', '79161234567']);
  });
  test('a value still invalid after cleaning is refused, naming the field', async (t) => {
    const s = await startCollector(t, { rateLimit: false });
    if (!s) return;
    const res = await postChat(s.url, { platform: 'whatsapp', phoneNumber: '\u2068call me\u2069', text: 'hi' });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /phoneNumber/);
  });
});
