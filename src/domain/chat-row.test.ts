import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkChatRecord, dateTimeVerdict, priceVerdict, tagVerdict, urlVerdict, usernameVerdict } from './chat-row.js';
import { currencyVerdict, normalizeCurrency } from './currency.js';
import { clientIdVerdict, siteIdVerdict, yclidVerdict } from './metrica-ids.js';
import { uploadCommentVerdict } from './upload-comment.js';

const NOW = 1_700_000_000;

describe('chat row rules', () => {
  test('ClientID: 17 to 19 digits; a spreadsheet float is named', () => {
    assert.equal(clientIdVerdict('133591247640966458'), null);
    assert.notEqual(clientIdVerdict('1335912476409664'), null);
    assert.notEqual(clientIdVerdict('12345678901234567890'), null);
    assert.match(clientIdVerdict('1.33591E+17')?.hint ?? '', /spreadsheet or a float/);
  });

  test('Yclid: 1 to 24 digits', () => {
    assert.equal(yclidVerdict('5470784542283366399'), null);
    assert.notEqual(yclidVerdict('abc'), null);
    assert.notEqual(yclidVerdict('1'.repeat(25)), null);
  });

  test('UserID and PurchaseID: 1 to 100 characters, no control characters, not only spaces', () => {
    assert.equal(siteIdVerdict('user-42@example'), null);
    assert.equal(siteIdVerdict('я'.repeat(100)), null);
    assert.notEqual(siteIdVerdict('я'.repeat(101)), null);
    assert.notEqual(siteIdVerdict('  '), null);
    assert.notEqual(siteIdVerdict('a\tb'), null);
  });

  test('DateTime: Unix seconds after 2000, in the past, with a hint for milliseconds', () => {
    assert.equal(dateTimeVerdict(String(NOW), NOW), null);
    assert.match(dateTimeVerdict(String(NOW + 1), NOW)?.hint ?? '', /future/);
    assert.match(dateTimeVerdict('1687005600000', NOW)?.hint ?? '', /milliseconds/);
    assert.match(dateTimeVerdict('946684799', NOW)?.expected ?? '', /after 2000/);
    assert.notEqual(dateTimeVerdict('1687005600.5', NOW), null);
  });

  test('Tag at most 100 characters; Price with a full stop; Currency ISO 4217 in capitals', () => {
    assert.equal(tagVerdict('я'.repeat(100)), null);
    assert.notEqual(tagVerdict('я'.repeat(101)), null);
    assert.equal(priceVerdict('1500.50'), null);
    assert.equal(priceVerdict('0'), null);
    assert.match(priceVerdict('1500,50')?.hint ?? '', /full stop, not a comma/);
    assert.notEqual(priceVerdict('-5'), null);
    assert.notEqual(priceVerdict('1e3'), null);
    assert.equal(currencyVerdict('RUB'), null);
    assert.notEqual(currencyVerdict('RUR'), null, 'RUR is no longer an ISO 4217 code');
    assert.match(currencyVerdict('usd')?.hint ?? '', /capitals: USD/);
    assert.equal(normalizeCurrency(' rub '), 'RUB');
    assert.equal(normalizeCurrency('xyz'), null);
  });

  test('URLs: absolute http(s) exactly as written', () => {
    assert.equal(urlVerdict('https://example.com/landing?utm=1'), null);
    for (const bad of [
      'https:example.com',
      'http:/x',
      'https:\\\\x',
      ' https://x.ru',
      'ftp://x.ru',
      '/path',
      'javascript:alert(1)',
    ]) {
      assert.notEqual(urlVerdict(bad), null, bad);
    }
    assert.notEqual(urlVerdict(`https://x.ru/${'a'.repeat(2048)}`), null);
  });

  test('ChatUsername: a name of at most 100 characters without control characters', () => {
    assert.equal(usernameVerdict('Анна 🌸'), null);
    assert.notEqual(usernameVerdict('a'.repeat(101)), null);
    assert.notEqual(usernameVerdict('a\u0000'), null);
  });

  test('checkChatRecord reports every problem of a row with its column', () => {
    const problems = checkChatRecord(
      { DateTime: String(NOW + 5), ChatPlatform: 'vk', ClientID: '12', Currency: 'rub', URL: 'https:x' },
      NOW,
    );
    assert.deepEqual(
      problems.map((p) => p.column),
      ['DateTime', 'ChatPlatform', 'ChatUsername/ChatUserID/PhoneNumber', 'ClientID', 'Currency', 'URL'],
    );
    assert.deepEqual(
      checkChatRecord({ DateTime: String(NOW), ChatPlatform: 'viber', PhoneNumber: '+79161234567' }, NOW),
      [],
    );
  });

  test('the upload comment: digits, Latin and Cyrillic letters and spaces, at most 255', () => {
    assert.equal(uploadCommentVerdict('October batch 2026 Пакет'), null);
    for (const bad of ['batch (part 1 of 2)', 'a-b', '📅', 'x'.repeat(256)])
      assert.notEqual(uploadCommentVerdict(bad), null, bad);
  });
});
