import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parse } from 'acorn';

// The page script ships as an ES2017 IIFE (older Safari and in-app browsers run it). The build
// targets ES2017, but a dependency or a minifier setting could still slip newer syntax in: the
// built file itself is parsed as ES2017 here. (tsconfig.browser.json keeps ES2018+ library calls
// such as replaceAll out of the source.)

const built = readFileSync(new URL('../dist/metrica-chats.min.js', import.meta.url), 'utf8');
const parseAs2017 = (code: string) => parse(code, { ecmaVersion: 2017, sourceType: 'script' });

describe('dist/metrica-chats.min.js', () => {
  test('parses as ES2017 script', () => {
    assert.doesNotThrow(() => parseAs2017(built));
  });

  test('the check refuses syntax newer than ES2017', () => {
    for (const newer of ['a?.b', 'a ?? b', '({...a})', 'try {} catch {}', 'for await (const x of y) {}', '1_000']) {
      assert.throws(() => parseAs2017(`(async function(){ ${newer} })`), SyntaxError, newer);
    }
  });
});
