import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chatKey, looseUpdateKeys, partnersOf, sharesPartner, strictUpdateKey } from './identity.js';

describe('chat identity', () => {
  test('partners in key order: user ID, username, phone', () => {
    assert.deepEqual(partnersOf({ phoneNumber: '+79161234567', chatUsername: 'ann', chatUserId: '42' }), [
      { kind: 'ChatUserID', value: '42' },
      { kind: 'ChatUsername', value: 'ann' },
      { kind: 'PhoneNumber', value: '+79161234567' },
    ]);
  });

  test('the local key is stable, differs per partner, and never shows the phone number', () => {
    const phone = { kind: 'PhoneNumber' as const, value: '+79161234567' };
    const key = chatKey(1_687_005_600, 'whatsapp', phone);
    assert.equal(key, chatKey(1_687_005_600, 'whatsapp', phone));
    assert.notEqual(key, chatKey(1_687_005_601, 'whatsapp', phone));
    assert.notEqual(key, chatKey(1_687_005_600, 'telegram', phone));
    assert.ok(!key.includes('9161234567'));
  });

  test('strict key: one more partner column is another chat; loose keys: any shared partner is the same', () => {
    const first = { DateTime: '1687005600', ChatPlatform: 'telegram', ChatUserID: '42' };
    const later = { ...first, PhoneNumber: '+79161234567' };
    assert.notEqual(strictUpdateKey(first), strictUpdateKey(later));
    assert.equal(strictUpdateKey(first), strictUpdateKey({ ...first, Tag: 'hot' }));
    assert.ok(looseUpdateKeys(later).includes(looseUpdateKeys(first)[0]!));
  });

  test('sharesPartner compares column for column', () => {
    assert.ok(sharesPartner({ chatUsername: 'ann' }, { chatUsername: 'ann', chatUserId: '42' }));
    assert.ok(!sharesPartner({ chatUsername: '42' }, { chatUserId: '42' }));
    assert.ok(!sharesPartner({}, {}));
  });
});
