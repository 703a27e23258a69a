import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { type ConversionRecord, CSV_COLUMNS, type CsvColumn } from '../shared/conversion.js';
import { csvField, csvLines, escapeFormula } from './csv.js';

async function collect(gen: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const s of gen) out += s;
  return out;
}

const SEED_ROWS: ConversionRecord[] = [
  {
    ClientID: '133591247640966458',
    DateTime: '1687005600',
    ChatPlatform: 'whatsapp',
    PhoneNumber: '+71234567890',
    ChatAnswered: '1',
    Tag: 'WhatsApp Lead',
    Price: '1500.00',
    Currency: 'RUB',
    URL: 'https://example.com/product/123',
  },
  {
    ClientID: '133591247640966458',
    DateTime: '1687092000',
    ChatPlatform: 'telegram',
    ChatUsername: 'john_doe',
    ChatUserID: '123456789',
    ChatAnswered: '0',
    Tag: 'TG Chat',
  },
];

describe('csvLines', () => {
  test("reproduces Metrica's example file from its two example rows", async () => {
    const golden = readFileSync(new URL('./testdata/seed-example.csv', import.meta.url), 'utf8');
    const columns = golden.split('\n')[0]!.split(',') as CsvColumn[];
    assert.equal(await collect(csvLines(SEED_ROWS, { columns })), golden);
  });

  test('writes every column in the contract order by default, with no BOM', async () => {
    const out = await collect(csvLines([]));
    assert.equal(out, `${CSV_COLUMNS.join(',')}\n`);
    assert.notEqual(out.charCodeAt(0), 0xfeff);
  });

  test('yields line by line without reading the whole input first', async () => {
    let produced = 0;
    function* endless(): Generator<ConversionRecord> {
      for (;;) {
        produced++;
        yield { DateTime: String(produced), ChatPlatform: 'viber', ChatUserID: 'u' };
      }
    }
    const gen = csvLines(endless());
    assert.match((await gen.next()).value as string, /^ClientID,/);
    assert.match((await gen.next()).value as string, /^,,,,1,viber,,u,/);
    await gen.return(undefined);
    assert.equal(produced, 1);
  });

  test('quotes commas, quotes and line breaks (RFC 4180) and leaves plain cells bare', () => {
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('cr\rhere'), '"cr\rhere"');
    assert.equal(csvField('https://example.com/?a=1&b=2'), 'https://example.com/?a=1&b=2');
    assert.equal(csvField(''), '');
  });

  test('rejects an unknown or repeated column by name', async () => {
    await assert.rejects(
      collect(csvLines([], { columns: ['ClientId' as CsvColumn] })),
      /Unknown CSV column `ClientId`/,
    );
    await assert.rejects(collect(csvLines([], { columns: ['Tag', 'Tag'] })), /`Tag` is listed twice/);
  });

  test('the formula guard is off by default and escapes formula starts when asked', async () => {
    const row: ConversionRecord = {
      DateTime: '1',
      ChatPlatform: 'whatsapp',
      PhoneNumber: '+79990001122',
      Tag: '=HYPERLINK("x")',
    };
    const columns: CsvColumn[] = ['PhoneNumber', 'Tag'];
    assert.equal(await collect(csvLines([row], { columns })), 'PhoneNumber,Tag\n"+79990001122","=HYPERLINK(""x"")"\n');
    assert.equal(
      await collect(csvLines([row], { columns, escapeFormulas: true })),
      `PhoneNumber,Tag\n"'+79990001122","'=HYPERLINK(""x"")"\n`,
    );
    for (const start of ['=', '+', '-', '@', '\t', '\r']) assert.equal(escapeFormula(`${start}1`), `'${start}1`);
    assert.equal(escapeFormula('plain'), 'plain');
  });

  test('any strings round-trip unchanged through the CSV and a real CSV parser', async () => {
    const value = fc.string({ unit: 'grapheme', maxLength: 30 });
    const recordArb = fc.record(
      Object.fromEntries(CSV_COLUMNS.map((c) => [c, value])) as Record<CsvColumn, fc.Arbitrary<string>>,
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(recordArb, { maxLength: 8 }), async (records) => {
        const text = await collect(csvLines(records));
        const parsed: string[][] = parse(text, { relax_column_count: false });
        assert.deepEqual(parsed[0], [...CSV_COLUMNS]);
        assert.equal(parsed.length, records.length + 1);
        records.forEach((r, i) => {
          assert.deepEqual(
            parsed[i + 1],
            CSV_COLUMNS.map((c) => r[c] ?? ''),
          );
        });
      }),
      { numRuns: 300 },
    );
  });
});
