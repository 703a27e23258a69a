import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { main } from './main.js';

// serve tells what arrives, not only what it refuses: a line per chat, pairings counted.

const dir = mkdtempSync(join(tmpdir(), 'serve-log-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `serve` in this process; returns its URL, what it printed so far, and a stop function. */
async function startServe(extra: string[] = []) {
  const controller = new AbortController();
  let out = '';
  const sink = { write: (s: string) => (out += s) };
  const done = main({
    argv: ['node', 'metrica-chats', 'serve', '--port', '0', '--host', '127.0.0.1', '--db', join(dir, 'c.db'), ...extra],
    env: { METRICA_CHATS_API_KEYS: 'serve-log-test-key-01', METRICA_CHATS_ALLOW_ORIGINS: 'https://shop.example' },
    cwd: dir,
    stdout: sink,
    stderr: sink,
    signal: controller.signal,
  });
  for (let i = 0; i < 200 && !out.includes('"msg":"ready"'); i++) await new Promise((r) => setTimeout(r, 25));
  const ready = out.split('\n').find((l) => l.includes('"msg":"ready"'));
  assert.ok(ready, out);
  const { url } = JSON.parse(ready);
  return {
    url: url as string,
    output: () => out,
    stop: async () => {
      controller.abort('SIGTERM');
      return done;
    },
  };
}

const lines = (out: string, msg: string) =>
  out
    .split('\n')
    .filter((l) => l.includes(`"msg":"${msg}"`))
    .map((l) => JSON.parse(l));

describe('serve logs', () => {
  test('one line per chat stored; beacons are counted, not a line each', async () => {
    const serve = await startServe();
    for (const chatId of ['CTAAAAAAAA', 'CTBBBBBBBB', 'CTCCCCCCCC']) {
      const res = await fetch(`${serve.url}/v1/pairings`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', Origin: 'https://shop.example' },
        body: JSON.stringify({ v: 1, chatId, clientId: '1767261000123456789', ts: Date.now() }),
      });
      assert.equal(res.status, 204);
    }
    const chat = await fetch(`${serve.url}/v1/chats`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer serve-log-test-key-01' },
      body: JSON.stringify({ platform: 'whatsapp', phoneNumber: '+79001234567', text: 'Номер обращения: CTBBBBBBBB' }),
    });
    assert.equal(chat.status, 201);
    assert.equal(await serve.stop(), 0);
    const out = serve.output();
    const stored = lines(out, 'chat stored');
    assert.equal(stored.length, 1, out);
    assert.deepEqual(
      { platform: stored[0].platform, chatId: stored[0].chatId, matched: stored[0].matched },
      { platform: 'whatsapp', chatId: 'CTBBBBBBBB', matched: 'clientId' },
    );
    assert.doesNotMatch(out, /79001234567/, 'no phone number in the logs');
    // Counted once a minute, and what is left is logged at shutdown.
    assert.deepEqual(
      lines(out, 'pairings stored').map((l) => l.count),
      [3],
    );
  });

  test('--quiet leaves the activity lines out', async () => {
    const serve = await startServe(['--quiet']);
    await fetch(`${serve.url}/v1/chats`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer serve-log-test-key-01' },
      body: JSON.stringify({ platform: 'telegram', chatUserId: '77', text: 'hi' }),
    });
    await serve.stop();
    assert.deepEqual(lines(serve.output(), 'chat stored'), []);
    assert.equal(lines(serve.output(), 'ready').length, 1);
  });
});
