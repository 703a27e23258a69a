import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { gzipSync } from 'node:zlib';

/** The page script's budget, gzip -9 of the built file. */
export const BUDGET_GZIP_BYTES = 5120;
/**
 * The size it has today plus a small margin, below the budget: any growth past this fails the
 * build. Lower it as the script shrinks; raising it takes a measured reason, given in the
 * commit that does it.
 */
export const RATCHET_GZIP_BYTES = 5100;

const file = readFileSync(new URL('../../dist/metrica-chats.min.js', import.meta.url));
const gz = gzipSync(file, { level: 9 }).length;

it(`dist/metrica-chats.min.js stays within ${BUDGET_GZIP_BYTES} B gzipped and does not grow past ${RATCHET_GZIP_BYTES} B`, () => {
  console.log(
    `metrica-chats.min.js: ${file.length} B, ${gz} B gzip -9 (ratchet ${RATCHET_GZIP_BYTES} B, budget ${BUDGET_GZIP_BYTES} B)`,
  );
  assert.ok(RATCHET_GZIP_BYTES <= BUDGET_GZIP_BYTES, 'the ratchet sits below the budget');
  assert.ok(gz <= BUDGET_GZIP_BYTES, `${gz} B gzip is over the ${BUDGET_GZIP_BYTES} B budget`);
  assert.ok(
    gz <= RATCHET_GZIP_BYTES,
    `${gz} B gzip is over the ${RATCHET_GZIP_BYTES} B ratchet: explain the growth and raise it, or shrink`,
  );
  assert.doesNotMatch(file.toString(), /\beval\(|new Function\(/, 'nothing a strict CSP blocks');
});
