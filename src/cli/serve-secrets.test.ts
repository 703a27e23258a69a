import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main } from './main.js';

test('serve refuses to start with a short webhook secret (exit 2), naming the variable, before opening the database', async () => {
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

test('serve names METRICA_CHATS_API_KEYS for a short key', async () => {
  let out = '';
  const sink = { write: (s: string) => (out += s) };
  const code = await main({
    argv: ['node', 'metrica-chats', 'serve', '--port', '0', '--host', '127.0.0.1', '--db', '/nonexistent/dir/c.db'],
    env: { METRICA_CHATS_API_KEYS: 'serve-test-key-0123456789,short-key' },
    cwd: process.cwd(),
    stdout: sink,
    stderr: sink,
  });
  assert.equal(code, 2, out);
  assert.match(out, /METRICA_CHATS_API_KEYS: key 2 of 2 has 9 characters; each key needs at least 16/);
  assert.doesNotMatch(out, /short-key/);
});
