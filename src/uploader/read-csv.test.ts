import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { readCsv, type SourceRow } from './read-csv.js';
import type { ValidationProblem } from './validate.js';

async function read(text: string, chunkSize = 7) {
  const chunks: Buffer[] = [];
  const bytes = Buffer.from(text, 'utf8');
  // Small chunks split multi-byte characters and quoted fields, as a file stream may.
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const problems: ValidationProblem[] = [];
  const rows: SourceRow[] = [];
  let header: string[] = [];
  for await (const row of readCsv(Readable.from(chunks), {
    onProblem: (i) => problems.push(i),
    onHeader: (c) => {
      header = c;
    },
  })) {
    rows.push(row);
  }
  return { rows, problems, header };
}

describe('readCsv', () => {
  test('reads a file made elsewhere: BOM, CRLF, quoted commas, quotes and line breaks, Cyrillic', async () => {
    const text =
      '\ufeffDateTime,ChatPlatform,ChatUsername,Tag\r\n' +
      '1687005600,telegram,"ivan, petrov","тег ""горячий"""\r\n' +
      '1687005601,viber,anna,"two\r\nlines"\r\n' +
      '\r\n' +
      '1687005602,whatsapp,olga,\r\n';
    const { rows, problems, header } = await read(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(header, ['DateTime', 'ChatPlatform', 'ChatUsername', 'Tag']);
    assert.deepEqual(rows, [
      {
        line: 2,
        record: {
          DateTime: '1687005600',
          ChatPlatform: 'telegram',
          ChatUsername: 'ivan, petrov',
          Tag: 'тег "горячий"',
        },
      },
      { line: 3, record: { DateTime: '1687005601', ChatPlatform: 'viber', ChatUsername: 'anna', Tag: 'two\r\nlines' } },
      { line: 6, record: { DateTime: '1687005602', ChatPlatform: 'whatsapp', ChatUsername: 'olga' } },
    ]);
  });

  test('reads LF files and keeps a ClientID as the digits written', async () => {
    const { rows } = await read('ClientID,DateTime,ChatPlatform,PhoneNumber\n1335912476409664581,1,viber,+7999\n');
    assert.equal(rows[0]!.record.ClientID, '1335912476409664581');
    assert.equal(rows[0]!.record.PhoneNumber, '+7999');
  });

  test('reports a row with the wrong number of fields by its line, and goes on', async () => {
    const { rows, problems } = await read('DateTime,ChatPlatform,ChatUserID\n1,viber,a\n2,viber\n3,viber,c\n');
    assert.deepEqual(
      rows.map((r) => r.line),
      [2, 4],
    );
    assert.deepEqual(problems, [{ line: 3, column: '*', value: '', message: 'has 2 fields, but the header has 3' }]);
  });

  test('reports broken quoting as malformed CSV with its line', async () => {
    const { problems } = await read('DateTime,ChatPlatform,ChatUserID\n1,viber,a\n2,viber,"b\n');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /^malformed CSV: /);
    assert.ok(problems[0]!.line >= 3, `line ${problems[0]!.line}`);
  });

  test('reports text that is not UTF-8 (a Windows-1251 export) by line and column instead of passing it on', async () => {
    const head = Buffer.from(
      'DateTime,ChatPlatform,ChatUsername,Tag\n1687005600,telegram,anna,ok\n1687005601,viber,olga,',
      'utf8',
    );
    // "Лид" in Windows-1251.
    const cp1251 = Buffer.from([0xcb, 0xe8, 0xe4]);
    const chunks = [head, cp1251, Buffer.from('\n', 'utf8')];
    const problems: ValidationProblem[] = [];
    const rows: SourceRow[] = [];
    for await (const row of readCsv(Readable.from(chunks), { onProblem: (i) => problems.push(i) })) rows.push(row);
    assert.deepEqual(
      rows.map((r) => r.line),
      [2],
    );
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.line, 3);
    assert.equal(problems[0]!.column, 'Tag');
    assert.match(problems[0]!.message, /not UTF-8/);
  });

  test('reports header problems on line 1 and an empty file', async () => {
    const { problems } = await read('ClientId,DateTime\n');
    assert.deepEqual(
      problems.map((i) => `${i.line}:${i.column}`),
      ['1:ClientId', '1:ChatPlatform', '1:ChatUsername/ChatUserID/PhoneNumber'],
    );
    const empty = await read('');
    assert.deepEqual(
      empty.problems.map((i) => i.message),
      ['the file is empty'],
    );
  });

  test('stops cleanly when the reader stops early', async () => {
    const lines = ['DateTime,ChatPlatform,ChatUserID'];
    for (let i = 0; i < 20_000; i++) lines.push(`${i},viber,u${i}`);
    let n = 0;
    for await (const _ of readCsv(Readable.from([lines.join('\n')]), { onProblem: () => {} })) {
      if (++n === 3) break;
    }
    assert.equal(n, 3);
  });
});
