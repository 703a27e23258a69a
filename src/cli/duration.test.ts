import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDuration } from './duration.js';

describe('log masking and durations', () => {
  test('parses ages and names bad ones', () => {
    assert.equal(parseDuration('90d'), 90 * 86_400_000);
    assert.equal(parseDuration('12h'), 12 * 3_600_000);
    assert.throws(() => parseDuration('90 days', '--older-than'), /--older-than .* got "90 days"/);
    assert.throws(() => parseDuration('0d'), /more than zero/);
  });
});
