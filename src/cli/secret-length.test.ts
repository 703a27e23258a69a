import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main } from './main.js';
import { shortSecretProblem } from './secret-length.js';

test('secrets of 16 characters or more pass; none at all passes (the collector then refuses requests)', () => {
  assert.equal(shortSecretProblem(['0123456789abcdef', '0123456789abcdef0'], '0123456789abcdef'), null);
  assert.equal(shortSecretProblem([], undefined), null);
});

test('a short API key is refused, naming which one, not its value', () => {
  const problem = shortSecretProblem(['0123456789abcdef', 'short-key'], undefined);
  assert.match(problem ?? '', /^METRICA_CHATS_API_KEYS: key 2 of 2 has 9 characters; each key needs at least 16/);
  assert.doesNotMatch(problem ?? '', /short-key/);
  assert.match(shortSecretProblem(['k1'], undefined) ?? '', /the key has 2 characters/);
});

test('a short webhook secret is refused', () => {
  assert.match(
    shortSecretProblem(['0123456789abcdef'], 'hook') ?? '',
    /^METRICA_CHATS_WEBHOOK_SECRET has 4 characters; it needs at least 16 characters/,
  );
});

test('serve refuses to start with a short webhook secret (exit 2), before opening the database', async () => {
  let out = '';
  const sink = { write: (s: string) => (out += s) };
  const code = await main({
    argv: ['node', 'metrica-chats', 'serve', '--port', '0', '--host', '127.0.0.1', '--db', '/nonexistent/dir/c.db'],
    env: { METRICA_CHATS_API_KEYS: 'serve-test-key-0123456789', METRICA_CHATS_WEBHOOK_SECRET: 'hook-secret-abc' },
    cwd: process.cwd(),
    stdout: sink,
    stderr: sink,
  });
  assert.equal(code, 2, out);
  assert.match(out, /METRICA_CHATS_WEBHOOK_SECRET has 15 characters; it needs at least 16 characters/);
  assert.doesNotMatch(out, /hook-secret-abc/);
});
