import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type FakeMetrica, startFakeMetrica } from '../fake-metrica/server.js';
import { captureCli } from './in-process.js';
import type { CliIO } from './io.js';
import { createUploadCommand } from './upload.js';

// No silent minutes: a retry and a long wait each say what is going on, on stderr, so that
// `--json` keeps stdout to one JSON object.

const TOKEN = 'y0_progress-test-token';
const upload = createUploadCommand({ client: { retry: { minTimeout: 1, maxTimeout: 5 } }, wait: { intervalMs: 5 } });
const run = (argv: string[]) => captureCli((io: CliIO) => upload(io.argv.slice(2), io), argv, { env, cwd: dir });

let fake: FakeMetrica;
let dir: string;
let env: Record<string, string>;
before(async () => {
  fake = await startFakeMetrica({ token: TOKEN, processDelayMs: 400 });
  dir = mkdtempSync(join(tmpdir(), 'upload-progress-'));
  env = { YANDEX_METRICA_TOKEN: TOKEN, METRICA_API_URL: fake.url };
  writeFileSync(
    join(dir, 'chats.csv'),
    'ClientID,DateTime,ChatPlatform,ChatUserID\n133591247640966458,1687005600,telegram,42\n',
  );
});
after(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('upload progress', () => {
  test('each retry prints what failed and when it tries again; --json stdout stays one object', async () => {
    fake.faults.next('503');
    fake.faults.next('500');
    const r = await run(['--counter', '5150', '--json', '--wait', 'chats.csv']);
    assert.equal(r.code, 0, r.stderr);
    const retries = r.stderr.split('\n').filter((l) => l.includes('trying again'));
    assert.equal(retries.length, 2, r.stderr);
    assert.match(retries[0] ?? '', /^Upload failed: HTTP 503 .* \(attempt 1 of 7\); trying again in \d+ ms\.$/);
    assert.match(retries[1] ?? '', /^Upload failed: HTTP 500 .* \(attempt 2 of 7\); trying again in \d+ ms\.$/);
    assert.match(r.stderr, /^Upload \d+: UPLOADED at \d\d:\d\d:\d\d UTC; waiting for Metrica…$/m);
    const result = JSON.parse(r.stdout);
    assert.equal(result.status, 'uploaded');
    assert.equal(r.stdout.trim().split('\n').length, 1);
  });
});
