import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { splitList } from './env-list.js';

describe('secrets', () => {
  test('splits comma-separated lists', () => {
    assert.deepEqual(splitList(' a, b,,c '), ['a', 'b', 'c']);
    assert.deepEqual(splitList(undefined), []);
  });
});
