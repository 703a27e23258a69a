import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { HttpError } from './errors.js';
import { duplicateKey, parseJsonObject } from './json.js';

describe('strict JSON', () => {
  test('finds a key given twice in one object, not across objects', () => {
    assert.equal(duplicateKey('{"a":1,"b":2,"a":3}'), 'a');
    assert.equal(duplicateKey('{"a":{"a":1},"b":[{"a":1},{"a":2}]}'), null);
    assert.equal(duplicateKey('{"a":"\\"a\\":","a" : 2}'), 'a');
    assert.equal(duplicateKey('{"\\u0061":1,"a":2}'), 'a');
  });

  test('refuses empty, non-object and invalid bodies with the reason', () => {
    const status = (text: string) => {
      try {
        parseJsonObject(text);
        return 'ok';
      } catch (e) {
        return `${(e as HttpError).status} ${(e as HttpError).message}`;
      }
    };
    assert.match(status(''), /400 body is empty/);
    assert.match(status('[1]'), /400 body must be a JSON object, got an array/);
    assert.match(status('{"v":1'), /400 body is not valid JSON/);
    assert.equal(status('{"v":1}'), 'ok');
  });
});
