import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { chatKey, openStorage } from '../storage/index.js';
import { runCli, startCliInProcess } from '../test-support/cli.js';

describe('metrica-chats purge and serve (CLI)', () => {
  test('purge --older-than deletes only old pairings and says how many', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-purge-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const s = await openStorage(join(dir, 'c.db'));
    const day = 86_400_000;
    await s.insertPairing({ chatId: 'CTAAAAAAAA', receivedAt: Date.now() - 100 * day });
    await s.insertPairing({ chatId: 'CTBBBBBBBB', receivedAt: Date.now() - 91 * day });
    await s.insertPairing({ chatId: 'CTCCCCCCCC', receivedAt: Date.now() - 89 * day });
    await s.close();
    // Relative --db resolves against the working folder, as a user typing it expects.
    const out = await runCli(['purge', '--older-than', '90d', '--db', 'c.db'], { cwd: dir });
    assert.equal(out.code, 0, out.stderr);
    assert.match(
      out.stdout,
      /^Deleted 2 pairings received before \d{4}-.* and 0 connector messages first seen before then\.$/m,
    );
    const after = await openStorage(join(dir, 'c.db'));
    assert.deepEqual(
      (await after.snapshot()).pairings.map((p) => p.chatId),
      ['CTCCCCCCCC'],
    );
    await after.close();
  });

  test('purge refuses a missing or malformed age with usage exit code 2', async () => {
    const a = await runCli(['purge'], { cwd: tmpdir() });
    assert.equal(a.code, 2);
    assert.match(a.stderr, /--older-than <age> is required/);
    const b = await runCli(['purge', '--older-than', 'ninety'], { cwd: tmpdir() });
    assert.equal(b.code, 2);
    assert.match(b.stderr, /--older-than must be a number with a unit .* got "ninety"/);
  });

  test('serve --help documents every flag and both secrets', async () => {
    const out = await runCli(['serve', '--help'], { cwd: tmpdir() });
    assert.equal(out.code, 0);
    for (const flag of [
      '--port',
      '--host',
      '--db',
      '--allow-origin',
      '--path-prefix',
      '--rate-limit',
      '--trust-proxy',
      '--retention',
    ]) {
      assert.ok(out.stdout.includes(flag), flag);
    }
    for (const env of [
      'PORT',
      'METRICA_CHATS_DB',
      'METRICA_CHATS_ALLOW_ORIGINS',
      'METRICA_CHATS_API_KEYS',
      'METRICA_CHATS_WEBHOOK_SECRET',
      'METRICA_CHATS_WHATSAPP_APP_SECRET',
      'METRICA_CHATS_GREEN_API_TOKEN',
    ]) {
      assert.ok(out.stdout.includes(env), env);
    }
  });

  test('serve refuses an unknown flag (a secret on the command line) and a bad port', async () => {
    const a = await runCli(['serve', '--api-key', 'x'], { cwd: tmpdir() });
    assert.equal(a.code, 2);
    assert.match(a.stderr, /--api-key/);
    const b = await runCli(['serve', '--port', '99999'], { cwd: tmpdir() });
    assert.equal(b.code, 2);
    assert.match(b.stderr, /--port must be an integer from 0 to 65535, got "99999"/);
  });

  test('serve starts, answers, and stops on the abort signal', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-serve-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const controller = new AbortController();
    const { output: out, exit: done } = startCliInProcess(
      ['serve', '--port', '0', '--host', '127.0.0.1', '--db', 'x/c.db'],
      {
        cwd: dir,
        env: { METRICA_CHATS_ALLOW_ORIGINS: 'https://a.example,https://b.example' },
        signal: controller.signal,
      },
    );
    let url: string | undefined;
    for (let i = 0; i < 100 && !url; i++) {
      await new Promise((r) => setTimeout(r, 20));
      url = /"msg":"collector listening","url":"([^"]+)"/.exec(out.stdout)?.[1];
    }
    assert.ok(url, out.stdout + out.stderr);
    const res = await fetch(`${url}/v1/pairings`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: 'https://b.example' },
      body: '{"v":1,"chatId":"CT7KQ2M9XA"}',
    });
    assert.equal(res.status, 204);
    assert.match(out.stdout, /METRICA_CHATS_API_KEYS is empty/);
    controller.abort('SIGTERM');
    assert.equal(await done, 0);
    assert.match(out.stdout, /"msg":"collector stopped"/);
  });
});

describe('metrica-chats forget (CLI)', () => {
  test('forget --phone deletes the person, whatever way the number is written, and says what went', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-forget-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const s = await openStorage(join(dir, 'c.db'));
    const phone = { kind: 'PhoneNumber' as const, value: '79161234567' };
    await s.insertPairing({ chatId: 'CTAAAAAAAA', clientId: '111', receivedAt: 1 });
    await s.linkPartner('whatsapp', [phone], 'CTAAAAAAAA', 1000);
    await s.upsertChat(chatKey(1_760_000_000, 'whatsapp', phone), {
      dateTime: 1_760_000_000,
      platform: 'whatsapp',
      phoneNumber: phone.value,
      attribution: { chatId: 'CTAAAAAAAA', chatIdSource: 'message', reason: null, clientId: '111' },
    });
    await s.close();
    const out = await runCli(['forget', '--phone', '+7 (916) 123-45-67', '--db', 'c.db'], { cwd: dir });
    assert.equal(out.code, 0, out.stderr);
    assert.equal(out.stdout, 'Deleted 1 chat, 1 pairing and 1 partner link (chat IDs CTAAAAAAAA).\n');
    const after = await openStorage(join(dir, 'c.db'));
    const left = await after.snapshot();
    await after.close();
    assert.deepEqual([left.chats.length, left.pairings.length, left.partners.length], [0, 0, 0]);
    // Asked again, or with a domestic number, it says nothing is stored, and why a number may miss.
    const again = await runCli(['forget', '--phone', '8 916 123-45-67', '--db', 'c.db'], { cwd: dir });
    assert.equal(again.code, 0, again.stderr);
    assert.equal(
      again.stdout,
      'Nothing is stored for --phone "8 916 123-45-67" (looked for +79161234567, 79161234567, 89161234567).\n',
    );
  });

  test('forget refuses no selector, two selectors, a bad phone or platform, with exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['forget'], /give exactly one of --phone, --user-id, --username or --chat-id/],
      [['forget', '--phone', '+79161234567', '--chat-id', 'CTAAAAAAAA'], /exactly one .*got --phone and --chat-id/],
      [['forget', '--phone', '12-34'], /--phone must be a phone number with the country code.*got "12-34"/],
      [['forget', '--chat-id', 'CT 1'], /--chat-id must be 1–64 characters .*got "CT 1"/],
      [
        ['forget', '--user-id', '42', '--platform', 'icq'],
        /--platform must be one of telegram, whatsapp, viber, got "icq"/,
      ],
      [
        ['forget', '--chat-id', 'CTAAAAAAAA', '--platform', 'viber'],
        /--platform goes with --phone, --user-id or --username.*got --platform "viber"/,
      ],
      [['forget', '--username', '@'], /--username must not be empty, got "@"/],
      [['forget', '--user-id', ''], /--user-id must not be empty, got ""/],
    ];
    for (const [argv, message] of cases) {
      const out = await runCli(argv, { cwd: tmpdir() });
      assert.equal(out.code, 2, argv.join(' '));
      assert.match(out.stderr, message);
    }
  });
});
