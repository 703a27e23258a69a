import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CSV_COLUMNS } from '../shared/conversion.js';
import { MemoryConversionStore } from '../uploader/memory-store.js';
import { exportPending } from './pending.js';

async function text(gen: AsyncIterable<string>): Promise<string> {
  let s = '';
  for await (const line of gen) s += line;
  return s;
}

describe('exportPending', () => {
  test('writes the header and the pending rows, oldest first, and marks nothing', async () => {
    const store = new MemoryConversionStore();
    store.put('b', { DateTime: '1687000002', ChatPlatform: 'viber', ChatUserID: 'b' });
    store.put('a', { DateTime: '1687000001', ChatPlatform: 'whatsapp', PhoneNumber: '+71234567890' });
    const csv = await text(exportPending(store));
    assert.equal(
      csv,
      `${CSV_COLUMNS.join(',')}\n,,,,1687000001,whatsapp,,,"+71234567890",,,,,,\n,,,,1687000002,viber,,b,,,,,,,\n`,
    );
    assert.equal(await text(exportPending(store)), csv, 'exporting does not mark rows as uploaded');
    assert.equal((await text(exportPending(store, { since: 1687000002 }))).split('\n').length, 3);
  });

  test('escapes formula starts only when asked, for spreadsheets', async () => {
    const store = new MemoryConversionStore();
    store.put('a', { DateTime: '1687000001', ChatPlatform: 'whatsapp', PhoneNumber: '+71234567890' });
    assert.match(await text(exportPending(store, { escapeFormulas: true })), /"'\+71234567890"/);
  });
});
