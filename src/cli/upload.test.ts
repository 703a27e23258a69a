import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, type TestContext, test } from 'node:test';
import { type FakeMetrica, startFakeMetrica } from '../fake-metrica/server.js';
import { chatKey, openStorage, type Storage } from '../storage/index.js';
import { freshPostgresDatabase } from '../test-support/postgres.js';
import { exportCommand, parseSince } from './export.js';
import type { CliIO, Command } from './io.js';
import { createUploadCommand } from './upload.js';

const TOKEN = 'y0_cli-test-token-0123456789';
const upload = createUploadCommand({
  client: { retry: { minTimeout: 1, maxTimeout: 5, sleep: async () => {} } },
  wait: { intervalMs: 5 },
});

let fake: FakeMetrica;
let dir: string;
before(async () => {
  fake = await startFakeMetrica({ token: TOKEN, processDelayMs: 20 });
  dir = mkdtempSync(join(tmpdir(), 'metrica-chats-cli-'));
});
after(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(command: Command, args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    argv: ['node', 'metrica-chats', ...args],
    env: { YANDEX_METRICA_TOKEN: TOKEN, METRICA_API_URL: fake.url, ...env },
    cwd: dir,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  };
  let code: number;
  try {
    code = await command(args, io);
  } catch (error) {
    // main() turns these into exit codes; the command itself throws them.
    const e = error as Error;
    stderr += e.message;
    code = e.name === 'UsageError' ? 2 : 1;
  }
  assert.ok(!stdout.includes(TOKEN) && !stderr.includes(TOKEN), 'the token must never be printed');
  return { code, stdout, stderr };
}

let fileNo = 0;
function csvFile(text: string): string {
  const name = `chats-${++fileNo}.csv`;
  writeFileSync(join(dir, name), text);
  return name;
}

const GOOD =
  '\ufeffClientID,DateTime,ChatPlatform,ChatUsername,PhoneNumber,Tag\r\n' +
  '133591247640966458,1687005600,whatsapp,,+71234567890,"WhatsApp Lead"\r\n' +
  ',1687005601,telegram,john_doe,,"a, b"\r\n';

describe('metrica-chats upload (in process)', () => {
  test('--help prints the flags and exit codes', async () => {
    const r = await run(upload, ['--help']);
    assert.equal(r.code, 0);
    for (const flag of [
      '--counter',
      '--from',
      '--comment',
      '--dry-run',
      '--wait',
      '--api-url',
      '--json',
      'YANDEX_METRICA_TOKEN',
    ]) {
      assert.ok(r.stdout.includes(flag), flag);
    }
    assert.match(r.stdout, /Exit codes: 0 uploaded/);
  });

  test('usage mistakes exit 2 and say what was expected', async () => {
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [['x.csv'], {}, /`--counter <id>` is required/],
      [['--counter', 'abc', 'x.csv'], {}, /`--counter` must be the counter's digits.*"abc"/],
      [['--counter', '1'], {}, /either a CSV file or `--db <path\|url>`/],
      [['--counter', '1', 'a.csv', '--from', 'x.db'], {}, /either a CSV file or `--db <path\|url>`/],
      [['--counter', '1', 'a.csv', '--db', 'x.db'], {}, /either a CSV file or `--db <path\|url>`/],
      [['--counter', '1', '--bogus'], {}, /Unknown option `--bogus`/],
      [['--counter', '1', 'missing.csv'], {}, /Cannot read the CSV file "missing.csv"/],
      [
        ['--counter', '1', '--comment', 'x'.repeat(256), 'a.csv'],
        {},
        /--comment. must be at most 255 characters \(it has 256\)/,
      ],
      [['--counter', '1', '--api-url', 'ftp://x', 'a.csv'], {}, /must start with http/],
      [['--counter', '1', 'a.csv'], { YANDEX_METRICA_TOKEN: '' }, /YANDEX_METRICA_TOKEN is not set/],
      [['--counter', '1', '--from', 'nowhere.db'], {}, /No database at .*nowhere\.db/],
    ];
    for (const [args, env, message] of cases) {
      const r = await run(upload, args, env);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
  });

  test('uploads a file made elsewhere and reports the upload (exit 0)', async () => {
    const before = fake.uploads().length;
    const r = await run(upload, ['--counter', '3001', '--comment', 'October batch', '--wait', csvFile(GOOD)]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Uploaded 2 rows to counter 3001: upload \d+, status UPLOADED$/m);
    assert.match(r.stdout, /^2 rows: 1 attributed, 1 unattributed \(telegram 1, whatsapp 1, viber 0\)$/m);
    assert.match(r.stdout, /^Upload \d+: processed \(2 rows accepted, 1 linked, 1 not found\)$/m);
    const sent = fake.uploads().slice(before);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.comment, 'October batch');
    assert.deepEqual(sent[0]!.rows[1], {
      DateTime: '1687005601',
      ChatPlatform: 'telegram',
      ChatUsername: 'john_doe',
      Tag: 'a, b',
    });
  });

  test('--dry-run validates and summarises without a token or a request', async () => {
    const requests = fake.stats().requests;
    const r = await run(upload, ['--counter', '3002', '--dry-run', csvFile(GOOD)], { YANDEX_METRICA_TOKEN: '' });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      '2 rows: 1 attributed, 1 unattributed (telegram 1, whatsapp 1, viber 0)\nDry run: every row is valid; nothing was sent.\n',
    );
    assert.equal(fake.stats().requests, requests);
  });

  test('validation errors exit 1 with file:line, column and value, and nothing is sent', async () => {
    const requests = fake.stats().requests;
    const file = csvFile(
      'DateTime,ChatPlatform,ChatUserID,Price\n1687005600,telegram,1,10.5\n1687005601,Viber,2,"1 500,00"\n1687005602,viber,,\n',
    );
    const r = await run(upload, ['--counter', '3003', file]);
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr,
      [
        `${file}:3, ChatPlatform: "Viber" expected one of telegram, whatsapp, viber (in lower case)`,
        `${file}:3, Price: "1 500,00" expected a non-negative amount with a full stop, e.g. 1500.00`,
        `${file}:4, ChatUsername/ChatUserID/PhoneNumber: at least one chat partner ID is required`,
        '3 problems found; nothing was sent.',
        '',
      ].join('\n'),
    );
    assert.equal(fake.stats().requests, requests);
  });

  test('a file with a header and no rows sends nothing and says so about the file (exit 0)', async () => {
    const requests = fake.stats().requests;
    const file = csvFile('DateTime,ChatPlatform,ChatUserID\n');
    const r = await run(upload, ['--counter', '3006', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `Nothing to upload: ${file} has a header but no rows.\n`);
    assert.equal(fake.stats().requests, requests);
  });

  test('--json prints one object with the summary and the uploads', async () => {
    const r = await run(upload, ['--counter', '3004', '--json', csvFile(GOOD)]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.status, 'uploaded');
    assert.equal(out.rows, 2);
    assert.deepEqual(out.platforms, { telegram: 1, whatsapp: 1, viber: 0 });
    assert.equal(out.uploads.length, 1);
    assert.equal(out.uploads[0].status, 'UPLOADED');
  });

  test('Metrica refusing or failing after retries exits 3 with its message and no token', async () => {
    const bad = await run(upload, ['--counter', '3005', csvFile(GOOD)], { YANDEX_METRICA_TOKEN: 'wrong-token' });
    assert.equal(bad.code, 3);
    assert.match(bad.stderr, /HTTP 403 invalid_token: Invalid oauth_token/);
    assert.ok(!bad.stderr.includes('wrong-token'));

    fake.faults.next('503', 7);
    const down = await run(upload, ['--counter', '3005', '--json', csvFile(GOOD)], { METRICA_CHATS_DEBUG: '1' });
    assert.equal(down.code, 3);
    assert.equal(JSON.parse(down.stdout).error.status, 503);
    assert.equal(down.stderr.match(/^debug: POST .* -> 503/gm)?.length, 7);
    assert.match(down.stderr, /Upload failed: HTTP 503 backend_error/);
  });

  test('--since accepts Unix seconds, a date and an ISO time, and names a bad value', () => {
    assert.equal(parseSince('1687005600'), 1687005600);
    assert.equal(parseSince('2026-10-01'), Date.UTC(2026, 9, 1) / 1000);
    assert.equal(parseSince('2026-10-01T03:00:00+03:00'), Date.UTC(2026, 9, 1) / 1000);
    assert.throws(() => parseSince('yesterday'), /`--since` must be .* got "yesterday"/);
  });

  test('--since reads a date and time without a zone as UTC, whatever the local zone', (t) => {
    const saved = process.env.TZ;
    t.after(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    process.env.TZ = 'Asia/Yekaterinburg';
    assert.equal(parseSince('2026-10-01T03:00:00'), Date.UTC(2026, 9, 1, 3) / 1000);
    assert.equal(parseSince('2026-10-01T03:00'), Date.UTC(2026, 9, 1, 3) / 1000);
    assert.equal(parseSince('2026-10-01T03:00:00.5'), Date.UTC(2026, 9, 1, 3) / 1000);
    assert.equal(parseSince('2026-10-01T03:00:00Z'), Date.UTC(2026, 9, 1, 3) / 1000);
  });
});

const T0 = 1_687_000_000;
async function seed(storage: Storage, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const partner = { kind: 'ChatUserID' as const, value: `u${i}` };
    await storage.upsertChat(chatKey(T0 + i, 'telegram', partner), {
      dateTime: T0 + i,
      platform: 'telegram',
      chatUserId: `u${i}`,
      attribution:
        i % 2 === 0
          ? { chatId: `CT${i}`, clientId: '133591247640966458', reason: null }
          : { chatId: null, reason: 'no_chat_id' },
    });
  }
}

/** `--from` end to end on one database: upload, re-run, a change, export agreeing with upload. */
async function fromDatabase(t: TestContext, target: string, counter: string): Promise<void> {
  const storage = await openStorage(target, { cwd: dir });
  t.after(() => storage.close());
  await seed(storage, 4);

  const exported = await run(exportCommand, ['--from', target]);
  assert.equal(exported.code, 0, exported.stderr);
  const lines = exported.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 5);
  assert.match(lines[0]!, /^ClientID,UserID,Yclid,PurchaseID,DateTime,/);
  const since = await run(exportCommand, ['--from', target, '--since', String(T0 + 2)]);
  assert.equal(since.stdout.trimEnd().split('\n').length, 3);

  const first = await run(upload, ['--counter', counter, '--from', target]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^4 rows: 2 attributed, 2 unattributed/m);
  assert.equal(fake.conversions(counter).length, 4);
  const sentCsv = fake.uploads().filter((u) => u.counterId === counter)[0]!;
  assert.deepEqual(
    sentCsv.rows.map((r) => r.ChatUserID),
    ['u0', 'u1', 'u2', 'u3'],
  );

  const again = await run(upload, ['--counter', counter, '--from', target]);
  assert.equal(again.code, 0);
  assert.match(again.stdout, /Nothing to upload/);
  assert.equal((await run(exportCommand, ['--from', target])).stdout.trimEnd().split('\n').length, 1);

  // A later change (answered) keeps the DateTime: Metrica updates the chat, it does not add one.
  await storage.upsertChat(chatKey(T0 + 1, 'telegram', { kind: 'ChatUserID', value: 'u1' }), {
    dateTime: T0 + 1,
    platform: 'telegram',
    chatUserId: 'u1',
    answered: true,
  });
  const changed = await run(upload, ['--counter', counter, '--from', target, '--wait']);
  assert.equal(changed.code, 0, changed.stderr);
  assert.match(changed.stdout, /^1 row: 0 attributed, 1 unattributed/m);
  assert.match(changed.stdout, /LINKAGE_FAILURE/);
  const chats = fake.conversions(counter);
  assert.equal(chats.length, 4);
  assert.deepEqual(
    chats.map((c) => c.updates),
    [0, 1, 0, 0],
  );
  const stats = await storage.chatStats();
  assert.equal(stats.pending, 0);
  assert.equal(stats.uploaded, 4);
}

describe('metrica-chats upload --from and export', () => {
  test('SQLite', async (t) => {
    await fromDatabase(t, 'collector.db', '4001');
  });

  test('PostgreSQL', async (t) => {
    const url = await freshPostgresDatabase(t);
    if (url === null) return;
    await fromDatabase(t, url, '4002');
  });

  test('a failed upload leaves every row pending for the next run (exit 3)', async (t) => {
    const storage = await openStorage('failing.db', { cwd: dir });
    t.after(() => storage.close());
    await seed(storage, 3);
    fake.faults.next('daily-quota');
    const r = await run(upload, ['--counter', '4003', '--from', 'failing.db']);
    assert.equal(r.code, 3);
    assert.match(
      r.stderr,
      /quota_requests_by_uid.*daily request quota.*The rows stay pending; the next run sends them\./s,
    );
    assert.equal((await storage.chatStats()).pending, 3);
    const retry = await run(upload, ['--counter', '4003', '--from', 'failing.db']);
    assert.equal(retry.code, 0, retry.stderr);
    assert.equal((await storage.chatStats()).pending, 0);
  });
});

describe('metrica-chats upload: what a failure leaves behind', () => {
  test('a token that cannot be sent is a usage error (exit 2), named but never printed, and nothing is sent', async () => {
    const requests = fake.stats().requests;
    const badToken = 'y0_тест-bad-token-value';
    const r = await run(upload, ['--counter', '4101', csvFile(GOOD)], { YANDEX_METRICA_TOKEN: badToken });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /YANDEX_METRICA_TOKEN: .*printable ASCII characters; character 4 of 23 is not/);
    assert.ok(!r.stderr.includes(badToken) && !r.stdout.includes(badToken));
    assert.equal(fake.stats().requests, requests);
    const dry = await run(upload, ['--counter', '4101', '--dry-run', csvFile(GOOD)], {
      YANDEX_METRICA_TOKEN: badToken,
    });
    assert.equal(dry.code, 0, 'a dry run needs no token');
  });

  test('when only the status poll fails, the message says the rows were uploaded and marked, not pending', async (t) => {
    const storage = await openStorage('polled.db', { cwd: dir });
    t.after(() => storage.close());
    await seed(storage, 2);
    // Uploads reach the fake; every status request is refused.
    const statusRefused: typeof fetch = async (input, init) => {
      if ((init?.method ?? 'GET') === 'GET') {
        return new Response(
          JSON.stringify({ errors: [{ error_type: 'not_found', message: 'Not found' }], code: 404 }),
          {
            status: 404,
          },
        );
      }
      return fetch(input, init);
    };
    const polling = createUploadCommand({
      client: { fetch: statusRefused, retry: { minTimeout: 1, maxTimeout: 5, sleep: async () => {} } },
      wait: { intervalMs: 5 },
    });
    const r = await run(polling, ['--counter', '4102', '--from', 'polled.db', '--wait']);
    assert.equal(r.code, 3);
    const id = fake.uploads().find((u) => u.counterId === '4102')!.id;
    assert.match(
      r.stderr,
      new RegExp(
        `HTTP 404 not_found: Not found\\. Metrica had already accepted 2 rows \\(upload ${id}\\), marked as uploaded; only waiting for its final status failed\\.`,
      ),
    );
    assert.ok(!r.stderr.includes('stay pending'), r.stderr);
    assert.equal((await storage.chatStats()).pending, 0);

    const json = await run(polling, ['--counter', '4102', '--json', '--wait', csvFile(GOOD)]);
    assert.equal(json.code, 3);
    const out = JSON.parse(json.stdout);
    assert.equal(out.status, 'failed');
    assert.deepEqual(
      out.uploads.map((u: { rows: number }) => u.rows),
      [2],
    );
  });
});

describe('metrica-chats upload (real process)', () => {
  test('node src/cli/bin.ts upload: exit codes and output, token never printed', async () => {
    const spawnRun = (args: string[], env: Record<string, string>) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'upload', ...args], {
          cwd: process.cwd(),
          env: { ...process.env, YANDEX_METRICA_TOKEN: TOKEN, METRICA_API_URL: fake.url, ...env },
        });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('close', (code) => resolve({ code, out }));
      });
    const file = join(dir, csvFile(GOOD));
    const ok = await spawnRun(['--counter', '5001', file], {});
    assert.equal(ok.code, 0, ok.out);
    assert.match(ok.out, /Uploaded 2 rows to counter 5001/);
    const usage = await spawnRun(['--counter', 'x', file], {});
    assert.equal(usage.code, 2);
    assert.match(usage.out, /Run `metrica-chats upload --help` for usage/);
    const refused = await spawnRun(['--counter', '5001', file], { YANDEX_METRICA_TOKEN: `${TOKEN}-old` });
    assert.equal(refused.code, 3);
    for (const r of [ok, usage, refused]) assert.ok(!r.out.includes(TOKEN), r.out);
  });

  test('a second Ctrl-C ends the upload at once and leaves no CSV part in the temp folder', async (t) => {
    const scratch = mkdtempSync(join(tmpdir(), 'mc-sigint-'));
    t.after(() => rmSync(scratch, { recursive: true, force: true }));
    const parts = () => readdirSync(scratch).filter((n) => n.startsWith('metrica-chats-'));
    fake.faults.next('slow', 10);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/bin.ts', 'upload', '--counter', '5002', join(dir, csvFile(GOOD))],
      {
        cwd: process.cwd(),
        env: { ...process.env, YANDEX_METRICA_TOKEN: TOKEN, METRICA_API_URL: fake.url, TMPDIR: scratch },
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    // The parts are written before the first request: wait for their folder, the upload then waits on Metrica.
    for (let i = 0; i < 400 && parts().length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    assert.equal(parts().length, 1, out);
    child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGINT');
    await closed;
    assert.deepEqual(parts(), [], out);
  });
});
