import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, type TestContext, test } from 'node:test';
import { main } from './main.js';

// `serve --link NAME=URL` and METRICA_CHATS_LINKS, run in-process as the real command.

const BROWSER =
  'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';

function serve(t: TestContext, args: string[], env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mc-serve-links-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const stop = new AbortController();
  let out = '';
  let err = '';
  let ready: (url: string) => void = () => {};
  const listening = new Promise<string>((resolve) => {
    ready = resolve;
  });
  const exit = main({
    argv: ['node', 'metrica-chats', 'serve', '--port', '0', '--host', '127.0.0.1', '--db', 'c.db', ...args],
    env,
    cwd: dir,
    signal: stop.signal,
    stdout: {
      write: (c: string) => {
        out += c;
        const m = /"msg":"ready","url":"([^"]+)"/.exec(out);
        if (m) ready(m[1] as string);
        return true;
      },
    },
    stderr: { write: (c: string) => (err += c) },
  });
  return { dir, exit, listening, stop, output: () => out + err };
}

describe('serve with bridge links', () => {
  test('METRICA_CHATS_LINKS: served at /go/NAME, and logged at start-up', async (t) => {
    const s = serve(t, [], { METRICA_CHATS_LINKS: 'promo=https://t.me/shop_bot, wa=https://wa.me/79161234567' });
    const url = await Promise.race([s.listening, s.exit.then((code) => assert.fail(`exited ${code}: ${s.output()}`))]);
    const res = await fetch(`${url}/go/promo?yclid=123`, { redirect: 'manual', headers: { 'User-Agent': BROWSER } });
    assert.equal(res.status, 302);
    assert.match(res.headers.get('location') ?? '', /^https:\/\/t\.me\/shop_bot\?start=CT[2-9A-HJ-NP-Z]{8}$/);
    assert.equal((await fetch(`${url}/go/wa`, { redirect: 'manual', headers: { 'User-Agent': BROWSER } })).status, 302);
    assert.match(
      s.output(),
      /"msg":"bridge link","url":"http:\/\/127\.0\.0\.1:\d+\/go\/promo","to":"https:\/\/t\.me\/shop_bot"/,
    );
    s.stop.abort('SIGTERM');
    assert.equal(await s.exit, 0);
  });

  test('--link wins over METRICA_CHATS_LINKS', async (t) => {
    const s = serve(t, ['--link', 'own=https://t.me/own_bot'], { METRICA_CHATS_LINKS: 'promo=https://t.me/shop_bot' });
    const url = await Promise.race([s.listening, s.exit.then((code) => assert.fail(`exited ${code}: ${s.output()}`))]);
    const get = (name: string) =>
      fetch(`${url}/go/${name}`, { redirect: 'manual', headers: { 'User-Agent': BROWSER } });
    assert.equal((await get('own')).status, 302);
    assert.equal((await get('promo')).status, 404);
    s.stop.abort('SIGTERM');
    assert.equal(await s.exit, 0);
  });

  const refused: Array<[string, string[], Record<string, string>, RegExp]> = [
    [
      'an invite link',
      ['--link', 'chat=https://t.me/+AbCdEf123456'],
      {},
      /--link: link chat: "https:\/\/t\.me\/\+AbCdEf123456" is refused: it is an invite link/,
    ],
    [
      'a WhatsApp short link from the environment',
      [],
      { METRICA_CHATS_LINKS: 'wa=https://wa.me/message/ABCDEFGHIJKL1' },
      /--link: link wa: .* is refused: a wa\.me\/message\/… short link/,
    ],
    ['a bad name', ['--link', 'Promo=https://t.me/shop_bot'], {}, /link name "Promo" must be 1–32 characters/],
    ['a pair without =', ['--link', 'https://t.me/shop_bot'], {}, /must be NAME=URL/],
    [
      'a name given twice',
      ['--link', 'a=https://t.me/a_bot', '--link', 'a=https://t.me/b_bot'],
      {},
      /link name "a" is given twice/,
    ],
  ];
  for (const [what, args, env, message] of refused) {
    test(`refuses ${what} at start-up, with the reason, before opening the database`, async (t) => {
      const s = serve(t, args, env);
      assert.equal(await s.exit, 2, s.output());
      assert.match(s.output(), message);
      assert.match(s.output(), /metrica-chats serve --help/);
      assert.equal(existsSync(join(s.dir, 'c.db')), false);
    });
  }
});
