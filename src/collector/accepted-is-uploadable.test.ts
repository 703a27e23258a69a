import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { chatKey, partnersOf } from '../domain/index.js';
import { csvHeader, csvLine } from '../export/csv.js';
import { mergeChat, recordOf, rowFromColumns } from '../storage/rows.js';
import { readCsv } from '../uploader/read-csv.js';
import { validateRecord } from '../uploader/validate.js';
import { parseChatReport, parsePairing } from './validate.js';

/**
 * The contract between the two ends: whatever the collector accepts (a beacon and a chat report)
 * becomes a CSV row that the uploader's validation accepts, so no accepted input can turn into a
 * row that is held back at upload time.
 */

const NOW = 1_768_478_400_000;
const CHAT_ID = 'CT7KQ2M9XA';

/** Mostly likely values (with their near misses), some noise, for one field. */
const noisy = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 30, arbitrary: valid },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constant(null), fc.boolean()) },
  );

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
const url = fc.oneof(
  { weight: 6, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  fc.constantFrom('https:example.com', 'http:/x', ' https://a.ru', 'https://a.ru/\u00a0x', 'ftp://a.ru'),
);
const name = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 101 }),
  fc.constantFrom('@ann_lee', 'Анна 🌸', '=HYPERLINK("x")', '+7 916', 'a\u202eb'),
);
const phone = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('+7 916 123-45-67', '8 (916) 123-45-67', '79161234567', '00 49 30 1234567') },
  fc.constantFrom('12-34', '+0123', '8 495 123 45 67', '+7 916 123 45 67 89 01 23'),
  fc.stringMatching(/^\+?[0-9 ()-]{5,20}$/),
);

const beacon = fc.record(
  {
    v: fc.constant(1),
    chatId: fc.constant(CHAT_ID),
    clientId: noisy(fc.oneof({ weight: 8, arbitrary: digits(17, 19) }, digits(15, 21))),
    yclid: noisy(digits(1, 26)),
    userId: noisy(fc.string({ unit: 'grapheme', maxLength: 101 })),
    purchaseId: noisy(fc.string({ maxLength: 101 })),
    url: noisy(url),
  },
  { requiredKeys: ['v', 'chatId'] },
);

const chat = fc.record(
  {
    platform: fc.constantFrom('telegram', 'whatsapp', 'viber', 'viber', 'Viber', 'vk'),
    dateTime: noisy(fc.integer({ min: 940_000_000, max: Math.floor(NOW / 1000) + 10 })),
    chatUsername: noisy(name),
    chatUserId: noisy(fc.oneof(digits(1, 20), fc.stringMatching(/^\S{1,130}$/))),
    phoneNumber: noisy(phone),
    answered: noisy(fc.boolean()),
    tags: noisy(fc.oneof(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 5 }), fc.string())),
    price: noisy(
      fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 0, max: 1e12 }).map((cents) => cents / 100) },
        fc.double({ min: 0, max: 1e16, noNaN: true }),
        fc.stringMatching(/^[0-9]{1,16}([.,][0-9]{1,5})?$/),
      ),
    ),
    currency: noisy(fc.constantFrom('RUB', 'rub', 'usd', 'KZT', 'RUR', 'EURO', 'xts')),
    messengerTrackerUrl: noisy(url),
  },
  { requiredKeys: ['platform'] },
);

const refusedBy = new Map<string, number>();
function accepted<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch (error) {
    const f = (error as { field?: string }).field ?? '?';
    refusedBy.set(f, (refusedBy.get(f) ?? 0) + 1);
    if ((error as { status?: number }).status === 400) return null;
    throw error;
  }
}

describe('what the collector accepts, the uploader accepts', () => {
  test('any accepted beacon + chat report gives a CSV row with no validation problem', async () => {
    let rows = 0;
    await fc.assert(
      fc.asyncProperty(beacon, chat, async (b, c) => {
        const pairing = accepted(() => parsePairing(b as Record<string, unknown>, NOW));
        const report = accepted(() => parseChatReport(c as Record<string, unknown>, NOW));
        if (!pairing || !report) return;
        const partner = partnersOf(report)[0]!;
        const { text: _t, chatId: _c, context: _x, ...fields } = report;
        const { columns } = mergeChat(
          chatKey(report.dateTime, report.platform, partner),
          null,
          {
            ...fields,
            attribution: {
              chatId: CHAT_ID,
              reason: null,
              ...(pairing.clientId ? { clientId: pairing.clientId } : {}),
              ...(pairing.userId ? { userId: pairing.userId } : {}),
              ...(pairing.yclid ? { yclid: pairing.yclid } : {}),
              ...(pairing.purchaseId ? { purchaseId: pairing.purchaseId } : {}),
              ...(pairing.url ? { url: pairing.url } : {}),
            },
          },
          NOW,
        );
        const record = recordOf(rowFromColumns(columns));
        // Through the CSV text and back, as the uploader reads a file.
        const text = csvHeader() + csvLine(record);
        const read = [];
        for await (const row of readCsv(Readable.from([text]), { onProblem: (p) => assert.fail(JSON.stringify(p)) })) {
          read.push(row);
        }
        assert.equal(read.length, 1);
        assert.deepEqual(read[0]!.record, record);
        assert.deepEqual(validateRecord(record, 2, Math.floor(NOW / 1000)), []);
        rows++;
      }),
      { numRuns: 5000 },
    );
    // The generators must reach the interesting case often enough for the property to mean something.
    assert.ok(rows > 200, `${JSON.stringify([...refusedBy])} only ${rows} accepted pairs were checked`);
  });
});
