import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parsePairing } from '../collector/validate.js';
import { CHAT_ID_PATTERN, DEFAULT_FORMAT, isChatId, newChatId } from '../match/format.js';
import { chatIdRegExp } from './chat-id.js';
import { cleanClientId } from './metrica.js';

describe('newChatId', () => {
  it('makes IDs of the format, never starting with _tgr_, all different', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const id = newChatId(DEFAULT_FORMAT);
      assert.ok(isChatId(id), id);
      assert.match(id, CHAT_ID_PATTERN);
      seen.add(id);
    }
    assert.equal(seen.size, 2000);
  });
  it('follows a configured prefix and length, including an empty prefix', () => {
    assert.match(newChatId({ prefix: 'SHOP_', length: 12 }), /^SHOP_[2-9A-HJ-NP-Z]{12}$/);
    assert.match(newChatId({ prefix: '', length: 6 }), /^[2-9A-HJ-NP-Z]{6}$/);
  });
});

describe('chatIdRegExp', () => {
  it('agrees with isChatId from match/format.ts', () => {
    const format = { prefix: 'CT', length: 8 };
    const re = chatIdRegExp(format);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 12 }),
          fc.constant(newChatId(format)),
          fc.stringMatching(/^CT[0-9A-Z]{7,9}$/),
          fc.constantFrom('ct7kq2m9xa', 'CT7KQ2M9X0', 'CT7KQ2M9XA\n', 'xCT7KQ2M9XA'),
        ),
        (s) => assert.equal(re.test(s), isChatId(s, format), JSON.stringify(s)),
      ),
      { numRuns: 2000 },
    );
  });
});

describe('cleanClientId', () => {
  it('reads the cookie form and the quoted localStorage form', () => {
    assert.equal(cleanClientId('1700000000123456789'), '1700000000123456789');
    assert.equal(cleanClientId('"1700000000123456789"'), '1700000000123456789');
    assert.equal(cleanClientId('"17000000001234567"'), '17000000001234567');
  });
  it('refuses anything else', () => {
    for (const bad of [undefined, null, '', 'abc', '12', '1700000000123456789x', '{"a":1}', '1.7e18']) {
      assert.equal(cleanClientId(bad), undefined, String(bad));
    }
  });
  it('passes only ClientIDs the collector accepts (17-19 digits there), else every beacon is refused', () => {
    assert.equal(cleanClientId('1'.repeat(19)), '1'.repeat(19));
    assert.equal(cleanClientId('1'.repeat(16)), undefined);
    assert.equal(cleanClientId('1'.repeat(20)), undefined);
    assert.equal(cleanClientId(`"${'1'.repeat(25)}"`), undefined);
    const chatId = newChatId(DEFAULT_FORMAT);
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^"?\d{1,30}"?$/), fc.string()), (s) => {
        const id = cleanClientId(s);
        if (id !== undefined) assert.doesNotThrow(() => parsePairing({ v: 1, chatId, clientId: id }, Date.now()), s);
      }),
      { numRuns: 2000 },
    );
  });
});
