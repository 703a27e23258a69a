import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mask } from './logger.js';

describe('log masking and durations', () => {
  test('masks phone numbers, bearer tokens and secrets', () => {
    assert.equal(mask('call +7 900 123-45-67 now'), 'call ***67 now');
    assert.equal(mask('Authorization: Bearer abc.def'), 'Authorization: Bearer ***');
    assert.equal(mask('/v1/webhooks/telegram/s3cr3t', ['s3cr3t']), '/v1/webhooks/telegram/***');
    assert.equal(mask('status 404 in 12 ms'), 'status 404 in 12 ms');
  });
});
