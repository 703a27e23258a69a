import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { gzipSync } from 'node:zlib';

/** The page script's budget, gzip -9 of the built file (goal: under 2,048 B). */
export const BUDGET_GZIP_BYTES = 2560;
/**
 * The size it has today plus a small margin. Until the budget above is reached, any growth past
 * this fails the build; lower it as the script shrinks. Raising it takes a measured reason,
 * given in the commit that does it.
 */
export const RATCHET_GZIP_BYTES = 3880;

const file = readFileSync(new URL('../../dist/metrica-chats.min.js', import.meta.url));
const gz = gzipSync(file, { level: 9 }).length;

it(`dist/metrica-chats.min.js does not grow past ${RATCHET_GZIP_BYTES} B gzipped`, () => {
  console.log(`metrica-chats.min.js: ${file.length} B, ${gz} B gzip -9 (budget ${BUDGET_GZIP_BYTES} B)`);
  assert.ok(gz <= RATCHET_GZIP_BYTES, `${gz} B gzip is over the ${RATCHET_GZIP_BYTES} B ratchet`);
  assert.doesNotMatch(file.toString(), /\beval\(|new Function\(/, 'nothing a strict CSP blocks');
});

// Reported as TODO, not as passed: the script does not meet its budget yet.
it(`dist/metrica-chats.min.js stays within ${BUDGET_GZIP_BYTES} B gzipped`, { todo: 'not met yet' }, () => {
  assert.ok(gz <= BUDGET_GZIP_BYTES, `${gz} B gzip is over the ${BUDGET_GZIP_BYTES} B budget`);
});
