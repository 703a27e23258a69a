import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalizePhone, phoneColumnVerdict } from './phone.js';

describe('normalizePhone', () => {
  test('four spellings of one number are one partner', () => {
    const spellings = ['79161234567', '+7 916 123-45-67', '8 (916) 123-45-67', '00 7 916 1234567'];
    assert.deepEqual(
      spellings.map((s) => normalizePhone(s)),
      Array(4).fill('+79161234567'),
    );
  });

  test('other separators: dots, slashes, non-breaking and thin spaces, Unicode dashes', () => {
    for (const s of [
      '+7.916.123.45.67',
      '+7/916/1234567',
      '+7\u00a0916\u202f123\u201345\u201267',
      '+7 (916) 123 45 67',
    ]) {
      assert.equal(normalizePhone(s), '+79161234567', s);
    }
  });

  test('a domestic 8 is +7 only for 8 9… (mobile) and 8 7… (Kazakhstan); other 8… stay international', () => {
    assert.equal(normalizePhone('87012345678'), '+77012345678');
    assert.equal(normalizePhone('8 495 123-45-67'), '+84951234567', 'cannot be told from a Vietnamese number');
    assert.equal(normalizePhone('+8 916 123 45 67'), '+89161234567', 'with + the digits are international');
    assert.equal(normalizePhone('49 30 1234567'), '+49301234567');
  });

  test('refuses what is not a phone number', () => {
    for (const s of [
      '',
      '12-34',
      '+',
      '+0 123 4567',
      'abc',
      '+7 916 123 45 67 ext 2',
      '1'.repeat(16),
      '++79161234567',
    ]) {
      assert.equal(normalizePhone(s), null, s);
    }
  });

  test('the CSV column takes the stored forms (with or without +) and names the fix for others', () => {
    assert.equal(phoneColumnVerdict('+79161234567'), null);
    assert.equal(phoneColumnVerdict('79161234567'), null, 'rows stored before the one spelling keep their key');
    assert.deepEqual(phoneColumnVerdict('+7 916 123-45-67'), {
      expected: '+ and 7 to 15 digits with the country code, e.g. +79161234567',
      hint: 'write it +79161234567',
    });
  });
});
