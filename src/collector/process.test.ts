import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { describe, type TestContext, test } from 'node:test';
import { CHAT_ID_ALPHABET } from '../match/index.js';
import { openStorage } from '../storage/index.js';
import { API_KEY, freshDatabase, TEST_ORIGIN } from './test-support/server.js';

/** The collector as a real process: `metrica-chats serve`, killed and restarted. */

interface Running {
  child: ChildProcess;
  url: string;
  /** What the process printed on stdout until it was listening. */
  stdout: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `serve` on `db` and resolves once it listens. By default it is set up to accept the test
 * origin and API key; `setUp: false` starts it with neither (and `--quiet`), as a careless operator might.
 */
async function serve(t: TestContext, db: string, { setUp = true } = {}): Promise<Running> {
  const options = setUp ? ['--rate-limit', '0', '--allow-origin', TEST_ORIGIN] : ['--quiet'];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/bin.ts', 'serve', '--port', '0', '--host', '127.0.0.1', '--db', db, ...options],
    {
      env: { ...process.env, METRICA_CHATS_API_KEYS: setUp ? API_KEY : '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  let stdout = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`collector did not start in 20 s: ${stdout} ${stderr}`)), 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /"msg":"collector listening","url":"([^"]+)"/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
    child.once('exit', () => reject(new Error(`collector exited before listening: ${stderr}`)));
  });
  return { child, url, stdout, exited };
}

/** A valid, distinct chat ID for each integer. */
function chatIdOf(n: number): string {
  let s = '';
  for (let i = 0; i < 8; i++) {
    s = CHAT_ID_ALPHABET[n % 32] + s;
    n = Math.floor(n / 32);
  }
  return `CT${s}`;
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`collector process (${kind})`, () => {
    test('SIGKILL under a load of beacons: every beacon answered 204 is stored after a restart', async (t) => {
      const db = await freshDatabase(t, kind);
      if (db === null) return;
      const first = await serve(t, db);
      const acked: string[] = [];
      let next = 0;
      let stop = false;
      const worker = async () => {
        while (!stop) {
          const chatId = chatIdOf(next++);
          try {
            const res = await fetch(`${first.url}/v1/pairings`, {
              method: 'POST',
              headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: TEST_ORIGIN },
              body: JSON.stringify({ v: 1, chatId, clientId: '1760000000123456789', ts: Date.now() }),
            });
            await res.arrayBuffer();
            if (res.status === 204) acked.push(chatId);
          } catch {
            return; // the process is gone: this beacon was never acknowledged
          }
        }
      };
      const workers = Array.from({ length: 16 }, worker);
      // Kill it in the middle of the load, not between requests.
      while (acked.length < 300) await new Promise((r) => setTimeout(r, 5));
      first.child.kill('SIGKILL');
      stop = true;
      await Promise.all(workers);
      const exit = await first.exited;
      assert.equal(exit.signal, 'SIGKILL');
      assert.ok(acked.length >= 300);

      const second = await serve(t, db);
      const health = await fetch(`${second.url}/healthz`);
      assert.equal(health.status, 200);
      await health.arrayBuffer();
      second.child.kill('SIGTERM');
      assert.deepEqual(await second.exited, { code: 0, signal: null });

      const storage = await openStorage(db);
      try {
        const stored = new Set((await storage.snapshot()).pairings.map((p) => p.chatId));
        const lost = acked.filter((id) => !stored.has(id));
        assert.deepEqual(lost, [], `${lost.length} of ${acked.length} acknowledged beacons were lost`);
      } finally {
        await storage.close();
      }
    });
  });
}

describe('collector process shutdown', () => {
  test('SIGTERM: stops accepting, finishes the request in flight, closes the database, exits 0', async (t) => {
    const db = await freshDatabase(t, 'sqlite');
    if (db === null) return;
    const running = await serve(t, db);
    const u = new URL(`${running.url}/v1/chats`);
    const body = JSON.stringify({ platform: 'telegram', chatUserId: '99', text: 'slow request' });
    let exitedEarly = false;
    void running.exited.then(() => {
      exitedEarly = true;
    });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: u.hostname,
          port: u.port,
          path: u.pathname,
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${API_KEY}`,
            'Content-Length': String(Buffer.byteLength(body)),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (d) => {
            text += d;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      // Half the body now, SIGTERM, then the rest: the request is in flight during the shutdown.
      req.write(body.slice(0, 10));
      setTimeout(() => {
        running.child.kill('SIGTERM');
        setTimeout(() => {
          assert.equal(exitedEarly, false, 'the process waited for the request in flight');
          req.end(body.slice(10));
        }, 300);
      }, 200);
    });
    const res = await response;
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(await running.exited, { code: 0, signal: null });
    // New connections are refused once it has stopped.
    await assert.rejects(fetch(`${running.url}/healthz`));
    const storage = await openStorage(db);
    try {
      assert.equal((await storage.snapshot()).chats.length, 1);
    } finally {
      await storage.close();
    }
  });
});

describe('collector process start-up', () => {
  test('--quiet hides request logs, not the warnings about a collector that will refuse everything', async (t) => {
    const db = await freshDatabase(t, 'sqlite');
    const { stdout: out } = await serve(t, db!, { setUp: false });
    assert.match(out, /"level":"warn","msg":"no --allow-origin given/);
    assert.match(out, /"level":"warn","msg":"METRICA_CHATS_API_KEYS is empty/);
  });
});
