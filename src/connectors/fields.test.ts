import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { label, phone } from './fields.js';

describe('connector fields copied on a phone', () => {
  test('a phone number keeps its one spelling through bidi isolates, marks and odd spaces', () => {
    for (const raw of [
      '\u2068+7 916 123-45-67\u2069',
      '\u202A+7\u00A0916\u00A0123\u201145\u201167\u202C',
      '\u200E8 (916) 123-45-67\u200E',
      '\uFEFF79161234567',
    ]) {
      assert.equal(phone(raw), '+79161234567', JSON.stringify(raw));
    }
    assert.equal(phone('\u2068call me\u2069'), undefined);
  });
  test('a display name loses the bidi isolates and keeps its emoji whole', () => {
    assert.equal(label('\u2068Анна 👨\u200D👩\u200D👧\u2069', 100), 'Анна 👨\u200D👩\u200D👧');
  });
});
