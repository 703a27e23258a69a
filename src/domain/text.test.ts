import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { characterCount, cleanText, cutToCharacters, textProblem } from './text.js';

describe('text rules', () => {
  test('counts code points, not UTF-16 units', () => {
    assert.equal(characterCount('😀й'), 2);
  });

  test('cuts on a character boundary: an emoji, a flag or an accented letter is never split', () => {
    assert.equal(cutToCharacters('ab😀', 3), 'ab😀');
    assert.equal(cutToCharacters('abc😀', 3), 'abc');
    assert.equal(cutToCharacters('ab😀', 2), 'ab');
    assert.equal(cutToCharacters('a🇷🇺', 2), 'a', 'a flag is two code points: both or none');
    assert.equal(cutToCharacters('ae\u0301', 2), 'a', 'e with its combining accent goes whole');
    for (const s of [cutToCharacters('x😀'.repeat(60), 101), cutToCharacters('😀'.repeat(60), 101)]) {
      assert.equal(textProblem(s), null, 'no broken half of a character is left');
    }
  });

  test('cleanText drops control, direction-override and broken characters, trims, and cuts', () => {
    assert.equal(cleanText(' Ivan\u0000 \u202ePetrov\ud800 ', 100), 'Ivan Petrov');
    assert.equal(cleanText('\u0001\u0002', 100), undefined);
    assert.equal(cleanText('Анна 🌸🌸', 6), 'Анна 🌸');
  });

  test('textProblem names what is wrong; a message may have line breaks', () => {
    assert.match(textProblem('a\nb') ?? '', /control/);
    assert.equal(textProblem('a\nb', { multiline: true }), null);
    assert.match(textProblem('a\udc00') ?? '', /lone surrogate/);
    assert.match(textProblem('a\ufffd') ?? '', /U\+FFFD/, 'what a decoder leaves of bytes that were not UTF-8');
    assert.match(textProblem('a\u202eb') ?? '', /direction-override/);
  });
});
