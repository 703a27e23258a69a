import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createCollector } from './index.js';
import { shortSecretProblem } from './secrets.js';

test('secrets of 16 characters or more pass; none at all passes (the collector then refuses requests)', () => {
  assert.equal(shortSecretProblem(['0123456789abcdef', '0123456789abcdef0'], '0123456789abcdef'), null);
  assert.equal(shortSecretProblem([], undefined), null);
});

test('a short API key is refused, naming the option and which key, not its value', () => {
  const problem = shortSecretProblem(['0123456789abcdef', 'short-key'], undefined);
  assert.match(problem ?? '', /^apiKeys: key 2 of 2 has 9 characters; each key needs at least 16/);
  assert.doesNotMatch(problem ?? '', /short-key/);
  assert.match(shortSecretProblem(['k1'], undefined) ?? '', /the key has 2 characters/);
});

test('a short webhook secret is refused, under the name the caller gives it', () => {
  assert.match(
    shortSecretProblem(['0123456789abcdef'], 'hook') ?? '',
    /^webhookSecret has 4 characters; it needs at least 16 characters/,
  );
  assert.match(
    shortSecretProblem([], 'hook', { apiKeys: 'KEYS', webhookSecret: 'SECRET' }) ?? '',
    /^SECRET has 4 characters/,
  );
});

test('createCollector refuses a short API key or webhook secret before it opens the database', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'mc-secrets-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'collector.db');
  await assert.rejects(
    createCollector({ db, apiKeys: ['a-long-enough-key-0123', 'tiny'], logger: false }),
    (e: Error) => /^apiKeys: key 2 of 2 has 4 characters/.test(e.message) && !e.message.includes('tiny'),
  );
  await assert.rejects(
    createCollector({ db, apiKeys: ['a-long-enough-key-0123'], webhookSecret: 'hook-secret', logger: false }),
    (e: Error) => /^webhookSecret has 11 characters/.test(e.message) && !e.message.includes('hook-secret'),
  );
  assert.equal(existsSync(db), false, 'nothing was created');
  // Long enough: it starts.
  const ok = await createCollector({
    db,
    apiKeys: ['a-long-enough-key-0123'],
    webhookSecret: 'a-long-enough-secret',
    logger: false,
  });
  await ok.close();
});
