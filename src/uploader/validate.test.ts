import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ConversionRecord, CsvColumn } from '../shared/conversion.js';
import { countRow, emptySummary, formatProblem, validateHeader, validateRecord } from './validate.js';

const NOW = 1_700_000_000;
const BASE: ConversionRecord = { DateTime: '1687005600', ChatPlatform: 'telegram', ChatUserID: '42' };

/** Every rule with a value that breaks it and one that passes; the failure must name the column. */
const TABLE: Array<{ rule: string; column: CsvColumn; bad: string; good: string; message: RegExp }> = [
  {
    rule: 'DateTime is an integer',
    column: 'DateTime',
    bad: '1687005600.5',
    good: '1687005600',
    message: /integer of Unix seconds/,
  },
  { rule: 'DateTime is required', column: 'DateTime', bad: '', good: '946684800', message: /required/ },
  { rule: 'DateTime is after 2000', column: 'DateTime', bad: '946684799', good: '946684800', message: /after 2000/ },
  { rule: 'DateTime is in the past', column: 'DateTime', bad: String(NOW + 60), good: String(NOW), message: /future/ },
  {
    rule: 'DateTime is seconds, not ms',
    column: 'DateTime',
    bad: '1687005600000',
    good: '1687005600',
    message: /milliseconds/,
  },
  {
    rule: 'ChatPlatform is known',
    column: 'ChatPlatform',
    bad: 'vk',
    good: 'viber',
    message: /telegram, whatsapp, viber/,
  },
  {
    rule: 'ChatPlatform is lower case',
    column: 'ChatPlatform',
    bad: 'WhatsApp',
    good: 'whatsapp',
    message: /lower case/,
  },
  {
    rule: 'ClientID is 17-19 digits',
    column: 'ClientID',
    bad: '1335912476409664',
    good: '133591247640966458',
    message: /17 to 19 digits/,
  },
  {
    rule: 'ClientID never a float',
    column: 'ClientID',
    bad: '1.33591E+17',
    good: '1335912476409664581',
    message: /float/,
  },
  { rule: 'Yclid is digits', column: 'Yclid', bad: 'abc123', good: '5470784542283366399', message: /digits/ },
  { rule: 'ChatAnswered is 0 or 1', column: 'ChatAnswered', bad: 'yes', good: '0', message: /1 \(answered\) or 0/ },
  {
    rule: 'Tag is at most 100 characters',
    column: 'Tag',
    bad: 'й'.repeat(101),
    good: 'й'.repeat(100),
    message: /101 characters/,
  },
  {
    rule: 'Price uses a full stop',
    column: 'Price',
    bad: '1500,00',
    good: '1500.00',
    message: /full stop, not a comma/,
  },
  { rule: 'Price is not negative', column: 'Price', bad: '-5', good: '0', message: /non-negative/ },
  { rule: 'Currency is ISO 4217', column: 'Currency', bad: 'RUR', good: 'RUB', message: /ISO 4217/ },
  { rule: 'Currency in capitals', column: 'Currency', bad: 'usd', good: 'USD', message: /capitals: USD/ },
  {
    rule: 'URL is absolute',
    column: 'URL',
    bad: '/product/1',
    good: 'https://example.com/product/1',
    message: /absolute http/,
  },
  {
    rule: 'URL is http(s)',
    column: 'URL',
    bad: 'javascript:alert(1)',
    good: 'http://example.com/',
    message: /absolute http/,
  },
  {
    rule: 'URL is absolute as written, not repaired by the URL parser',
    column: 'URL',
    bad: 'https:example.com/product/1',
    good: 'https://example.com/product/1',
    message: /absolute http/,
  },
  {
    rule: 'URL has no surrounding spaces',
    column: 'URL',
    bad: ' https://example.com/product/1',
    good: 'https://example.com/product/1',
    message: /absolute http/,
  },
  {
    rule: 'MessengerTrackerURL is absolute as written',
    column: 'MessengerTrackerURL',
    bad: 'http:/crm.example/chats/1',
    good: 'http://crm.example/chats/1',
    message: /absolute http/,
  },
  {
    rule: 'MessengerTrackerURL is absolute http(s)',
    column: 'MessengerTrackerURL',
    bad: 'ftp://crm.example/1',
    good: 'https://crm.example/chats/1',
    message: /absolute http/,
  },
];

describe('validateRecord', () => {
  for (const row of TABLE) {
    test(`${row.rule}: ${JSON.stringify(row.bad.slice(0, 20))} fails, ${JSON.stringify(row.good.slice(0, 20))} passes`, () => {
      const bad = validateRecord({ ...BASE, [row.column]: row.bad }, 7, NOW);
      assert.equal(bad.length, 1, JSON.stringify(bad));
      assert.equal(bad[0]!.line, 7);
      assert.equal(bad[0]!.column, row.column);
      assert.equal(bad[0]!.value, row.bad);
      assert.match(bad[0]!.message, row.message);
      assert.deepEqual(validateRecord({ ...BASE, [row.column]: row.good }, 7, NOW), []);
    });
  }

  test('at least one chat partner ID: none fails, any one of the three passes', () => {
    const none = validateRecord({ DateTime: '1687005600', ChatPlatform: 'viber' }, 3, NOW);
    assert.equal(none.length, 1);
    assert.equal(none[0]!.column, 'ChatUsername/ChatUserID/PhoneNumber');
    const values = { ChatUsername: 'x', ChatUserID: 'x', PhoneNumber: '+79161234567' };
    for (const c of ['ChatUsername', 'ChatUserID', 'PhoneNumber'] as const) {
      assert.deepEqual(validateRecord({ DateTime: '1687005600', ChatPlatform: 'viber', [c]: values[c] }, 3, NOW), []);
    }
  });

  test('a row with no Metrica ID is valid and counted as unattributed', () => {
    assert.deepEqual(validateRecord(BASE, 2, NOW), []);
    const summary = emptySummary();
    countRow(summary, BASE);
    countRow(summary, { ...BASE, ChatPlatform: 'whatsapp', Yclid: '123' });
    assert.deepEqual(summary, {
      rows: 2,
      attributed: 1,
      unattributed: 1,
      platforms: { telegram: 1, whatsapp: 1, viber: 0 },
    });
  });

  test('reports every bad value of a row, not only the first', () => {
    const problems = validateRecord({ DateTime: 'x', ChatPlatform: 'icq', Price: '1,5' }, 9, NOW);
    assert.deepEqual(
      problems.map((i) => i.column),
      ['DateTime', 'ChatPlatform', 'ChatUsername/ChatUserID/PhoneNumber', 'Price'],
    );
  });

  test('formatProblem names the file, line, column and value', () => {
    const [i] = validateRecord({ ...BASE, Price: '12,50' }, 5, NOW);
    assert.equal(
      formatProblem(i!, 'chats.csv'),
      'chats.csv:5, Price: "12,50" expected a non-negative amount with a full stop, e.g. 1500.00 (use a full stop, not a comma)',
    );
  });
});

describe('validateHeader', () => {
  test('accepts the CHATS columns in any order', () => {
    const { columns, problems } = validateHeader(['ChatPlatform', 'DateTime', 'PhoneNumber', 'ClientID']);
    assert.deepEqual(problems, []);
    assert.deepEqual(columns, ['ChatPlatform', 'DateTime', 'PhoneNumber', 'ClientID']);
  });

  test('names a misspelt, unknown or repeated column and the missing mandatory ones', () => {
    const { problems } = validateHeader(['ClientId', 'Goal', 'Tag', 'Tag']);
    const text = problems.map((i) => `${i.line}:${i.column}:${i.message}`);
    assert.deepEqual(text, [
      '1:ClientId:Metrica spells this column `ClientID`',
      `1:Goal:unknown column; expected one of ClientID, UserID, Yclid, PurchaseID, DateTime, ChatPlatform, ChatUsername, ChatUserID, PhoneNumber, ChatAnswered, Tag, Price, Currency, URL, MessengerTrackerURL`,
      '1:Tag:the column appears twice',
      '1:DateTime:mandatory column is missing',
      '1:ChatPlatform:mandatory column is missing',
      '1:ChatUsername/ChatUserID/PhoneNumber:at least one chat partner column is required',
    ]);
  });
});
