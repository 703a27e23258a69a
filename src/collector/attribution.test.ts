import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ChatRow, Pairing } from '../storage/types.js';
import {
  attributionOf,
  awaitsPairing,
  chatInputOf,
  chooseAmongCandidates,
  chooseChatId,
  findChatId,
  findChatIdCandidates,
  keepsStoredAttribution,
  linkablePartners,
  pairingCutoff,
  SAME_VISIT_MS,
  upgradeOf,
} from './attribution.js';

// The decision alone, without a database: each rule of recordChat as a plain input → output.

const pairing = (ids: Partial<Pairing>): Pairing => ({ id: 1, chatId: 'CTAAAAAAAA', receivedAt: 0, ...ids });

describe('chooseChatId', () => {
  test('a chat ID found in the chat wins, and comes from the message', () => {
    assert.deepEqual(chooseChatId('CTAAAAAAAA', { chatId: 'CTBBBBBBBB', chatIdSource: 'partner' }, 'CTCCCCCCCC'), {
      chatId: 'CTAAAAAAAA',
      chatIdSource: 'message',
    });
  });
  test('a stored chat keeps its own chat ID and source over the partner link', () => {
    assert.deepEqual(chooseChatId(null, { chatId: 'CTBBBBBBBB', chatIdSource: 'partner' }, 'CTCCCCCCCC'), {
      chatId: 'CTBBBBBBBB',
      chatIdSource: 'partner',
    });
    assert.deepEqual(chooseChatId(null, { chatId: 'CTBBBBBBBB', chatIdSource: null }, null), {
      chatId: 'CTBBBBBBBB',
      chatIdSource: 'message',
    });
  });
  test('else the partner link, else nothing', () => {
    assert.deepEqual(chooseChatId(null, { chatId: null, chatIdSource: null }, 'CTCCCCCCCC'), {
      chatId: 'CTCCCCCCCC',
      chatIdSource: 'partner',
    });
    assert.deepEqual(chooseChatId(null, null, null), { chatId: null, chatIdSource: null });
  });
});

describe('attributionOf', () => {
  test('names why a chat is unattributed', () => {
    assert.equal(attributionOf(null, null, null).reason, 'no_chat_id');
    assert.equal(attributionOf('CTAAAAAAAA', 'message', null).reason, 'chat_id_not_paired');
    assert.equal(
      attributionOf('CTAAAAAAAA', 'message', pairing({ url: 'https://a.example/' })).reason,
      'pairing_without_metrica_id',
    );
  });
  test('copies only the Metrica IDs and the URL the pairing has', () => {
    assert.deepEqual(attributionOf('CTAAAAAAAA', 'partner', pairing({ clientId: '17', url: 'https://a.example/' })), {
      chatId: 'CTAAAAAAAA',
      chatIdSource: 'partner',
      reason: null,
      clientId: '17',
      url: 'https://a.example/',
    });
  });
});

describe('keepsStoredAttribution', () => {
  const unpaired = { chatId: 'CTAAAAAAAA', unattributedReason: 'chat_id_not_paired' } as const;
  test('a new chat has nothing to keep', () => {
    assert.equal(keepsStoredAttribution(null, { reason: null }), false);
  });
  test('a matched chat is never changed by a later report', () => {
    assert.equal(
      keepsStoredAttribution({ chatId: 'CTAAAAAAAA', unattributedReason: null }, { reason: 'no_chat_id' }),
      true,
    );
  });
  test('a chat with a chat ID is not downgraded, but is upgraded', () => {
    assert.equal(keepsStoredAttribution(unpaired, { reason: 'no_chat_id' }), true);
    assert.equal(keepsStoredAttribution(unpaired, { reason: null }), false);
  });
  test('a chat without a chat ID takes any new attribution', () => {
    assert.equal(
      keepsStoredAttribution({ chatId: null, unattributedReason: 'no_chat_id' }, { reason: 'no_chat_id' }),
      false,
    );
  });
});

describe('the rest of the decision', () => {
  test('a Viber display name never links a partner', () => {
    const partners = [
      { kind: 'ChatUsername', value: 'Ivan' },
      { kind: 'ChatUserID', value: 'abc==' },
    ] as const;
    assert.deepEqual(linkablePartners('viber', [...partners]), [partners[1]]);
    assert.deepEqual(linkablePartners('telegram', [...partners]), [...partners]);
  });
  test('a beacon within the chat second counts as before the chat', () => {
    assert.equal(pairingCutoff(1_760_000_000), 1_760_000_000_999);
  });
  test('only a chat with a chat ID waiting for a pairing gets another look', () => {
    const row = (chatId: string | null, unattributedReason: ChatRow['unattributedReason']) => ({
      chatId,
      unattributedReason,
    });
    assert.equal(awaitsPairing(row('CTAAAAAAAA', 'chat_id_not_paired')), true);
    assert.equal(awaitsPairing(row('CTAAAAAAAA', 'pairing_without_metrica_id')), true);
    assert.equal(awaitsPairing(row('CTAAAAAAAA', null)), false);
    assert.equal(awaitsPairing(row(null, 'no_chat_id')), false);
  });
  test('a kept attribution is left out of what is written', () => {
    const report = { platform: 'telegram', dateTime: 1, chatUserId: '4242', answered: false } as const;
    assert.deepEqual(chatInputOf(report, null), {
      dateTime: 1,
      platform: 'telegram',
      chatUserId: '4242',
      answered: false,
    });
    assert.equal(chatInputOf(report, attributionOf(null, null, null)).attribution?.reason, 'no_chat_id');
  });
});

describe('finding the chat ID', () => {
  test('explicit, then the start payload, then Viber context, then the text', () => {
    assert.equal(findChatId({ chatId: 'CTAAAAAAAA', text: 'CTBBBBBBBB' }), 'CTAAAAAAAA');
    assert.equal(findChatId({ text: '/start promo-ct7kq2m9xa' }), 'CT7KQ2M9XA');
    assert.equal(findChatId({ text: '/start' }), null);
    assert.equal(findChatId({ context: 'CT7KQ2M9XA' }), 'CT7KQ2M9XA');
    assert.equal(findChatId({ text: 'Номер обращения: СТ7KQ2M9XA' }), 'CT7KQ2M9XA');
    assert.equal(findChatId({ text: 'hello' }), null);
  });
});

describe('findChatIdCandidates', () => {
  test('lists every chat ID of the first place that has any, with the repair each needed', () => {
    assert.deepEqual(findChatIdCandidates({ chatId: 'CT7KQ2M9XA', text: 'CT4HW8N3RB' }), [
      { id: 'CT7KQ2M9XA', repair: null },
    ]);
    assert.deepEqual(findChatIdCandidates({ text: '/start CT7KQ2M9XA', context: 'CT4HW8N3RB' }), [
      { id: 'CT7KQ2M9XA', repair: null },
    ]);
    assert.deepEqual(findChatIdCandidates({ text: 'мой CT 7KQ2M9XA, друга CT4HW8N3RB' }), [
      { id: 'CT7KQ2M9XA', repair: 'split' },
      { id: 'CT4HW8N3RB', repair: null },
    ]);
    assert.deepEqual(findChatIdCandidates({ text: 'Здравствуйте' }), []);
  });
});

describe('chooseAmongCandidates', () => {
  const CUTOFF = 10_000;
  const c = (id: string, receivedAt: number | null) => ({
    id,
    repair: null,
    pairing: receivedAt === null ? null : pairing({ chatId: id, receivedAt }),
  });
  test('the only chat ID that has a pairing', () => {
    assert.equal(chooseAmongCandidates([c('CTAAAAAAAA', null), c('CTBBBBBBBB', 5000)], CUTOFF)?.id, 'CTBBBBBBBB');
    assert.equal(chooseAmongCandidates([c('CTAAAAAAAA', null), c('CTBBBBBBBB', 20_000)], CUTOFF)?.id, 'CTBBBBBBBB');
  });
  test('of several with pairings, the one whose page view is latest before the chat', () => {
    const chosen = chooseAmongCandidates(
      [c('CTAAAAAAAA', 9000), c('CTBBBBBBBB', 4000), c('CTCCCCCCCC', 20_000)],
      CUTOFF,
    );
    assert.equal(chosen?.id, 'CTAAAAAAAA');
  });
  test('never a guess: no pairing, only page views after the chat, or two at the same moment', () => {
    assert.equal(chooseAmongCandidates([c('CTAAAAAAAA', null), c('CTBBBBBBBB', null)], CUTOFF), null);
    assert.equal(chooseAmongCandidates([c('CTAAAAAAAA', 11_000), c('CTBBBBBBBB', 12_000)], CUTOFF), null);
    assert.equal(chooseAmongCandidates([c('CTAAAAAAAA', 9000), c('CTBBBBBBBB', 9000)], CUTOFF), null);
  });
});

describe('upgradeOf', () => {
  const matchedWith = { receivedAt: 1_000_000 };
  const later = (ids: Partial<Pairing>, after = 60_000) => ({ receivedAt: matchedWith.receivedAt + after, ...ids });
  test('adds the ClientID of the same page view’s later pairing', () => {
    assert.deepEqual(
      upgradeOf({ yclid: '77' }, matchedWith, [later({ yclid: '77', clientId: '133591247640966458' })]),
      {
        clientId: '133591247640966458',
      },
    );
    assert.deepEqual(
      upgradeOf({ clientId: '1', userId: null }, matchedWith, [later({ clientId: '1', userId: 'u-9' })]),
      {
        userId: 'u-9',
      },
    );
  });
  test('never from another visit, another visitor, or a new ad click', () => {
    const clientId = '133591247640966458';
    assert.equal(upgradeOf({ yclid: '77' }, matchedWith, [later({ yclid: '77', clientId }, SAME_VISIT_MS + 1)]), null);
    assert.equal(upgradeOf({ yclid: '77' }, matchedWith, [later({ yclid: '78', clientId })]), null);
    assert.equal(upgradeOf({ yclid: '77' }, matchedWith, [later({ clientId })]), null, 'the yclid must be kept');
    assert.equal(upgradeOf({ clientId: '5' }, matchedWith, [later({ clientId: '6' })]), null, 'never replaces');
    assert.equal(upgradeOf({ userId: 'u' }, matchedWith, [later({ userId: 'u', yclid: '9', clientId })]), null);
    assert.equal(upgradeOf({ yclid: '77' }, null, [later({ yclid: '77', clientId })]), null);
    assert.equal(upgradeOf({ yclid: '77' }, matchedWith, [later({ yclid: '77' })]), null, 'nothing to add');
  });
});
