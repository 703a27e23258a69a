import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createProgress, PROGRESS_MIN_BYTES, renderBar } from './progress.js';

function sink(isTTY: boolean) {
  const out = { text: '', isTTY, write: (s: string) => (out.text += s) };
  return out;
}

describe('progress', () => {
  test('stays silent for files under a few MB', () => {
    const out = sink(false);
    const p = createProgress('Reading a.csv', PROGRESS_MIN_BYTES - 1, out);
    p.update(1000);
    p.done();
    assert.equal(out.text, '');
  });

  test('prints a line every 10 % when stderr is not a terminal', () => {
    const out = sink(false);
    const total = 10 * 1024 * 1024;
    const p = createProgress('Reading big.csv', total, out);
    for (let b = 0; b <= total; b += 256 * 1024) p.update(b);
    p.done();
    const lines = out.text.trimEnd().split('\n');
    assert.deepEqual(
      lines.map((l) => l.match(/: (\d+)%/)?.[1]),
      ['0', '10', '20', '30', '40', '50', '60', '70', '80', '90', '100'],
    );
    assert.equal(lines.at(-1), 'Reading big.csv: 100% (10.0 MB)');
  });

  test('redraws one bar in place on a terminal', () => {
    const out = sink(true);
    const total = 8 * 1024 * 1024;
    const p = createProgress('Reading big.csv', total, out);
    p.update(total / 2);
    p.done();
    assert.equal(out.text.split('\n').length, 2, 'a single line, ended once');
    assert.ok(out.text.startsWith('\r'));
    assert.equal(renderBar('x', 1, 4), `x [${'#'.repeat(8)}${'-'.repeat(22)}]  25% 0.0 MB / 0.0 MB`);
  });
});
