import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { secretMatcher } from './auth.js';

describe('secrets', () => {
  test('accepts only listed keys, whatever their length', () => {
    const ok = secretMatcher(['alpha', 'beta-key']);
    assert.equal(ok('alpha'), true);
    assert.equal(ok('beta-key'), true);
    assert.equal(ok('alph'), false);
    assert.equal(ok('alpha '), false);
    assert.equal(ok(''), false);
    assert.equal(secretMatcher([])('anything'), false);
    assert.equal(secretMatcher([''])(''), false, 'an empty key never authorizes');
  });
});
