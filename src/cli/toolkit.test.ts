import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from './commands.js';
import { captureCli } from './in-process.js';
import { main } from './main.js';
import { EXIT, redactUrl, suggestOption } from './toolkit.js';

// Each CLI behaviour a new user meets in the first hour: the message they read and the exit code.

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-toolkit-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const cli = (argv: string[], env: Record<string, string> = {}) => captureCli(main, argv, { env, cwd: dir });

/** A TCP port held open by another listener, for the clash tests. */
async function occupy(port = 0): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { port: (server.address() as { port: number }).port, server };
}

describe('CLI arguments', () => {
  test('an unknown option gets "did you mean" and exits 2, the same in every command', async () => {
    const r = await cli(['upload', '--counter', '1', '--dryrun', 'x.csv']);
    assert.equal(r.code, EXIT.usage);
    assert.equal(
      r.stderr,
      'metrica-chats upload: Unknown option `--dryrun`. Did you mean `--dry-run`?\n' +
        'Run `metrica-chats upload --help` for usage.\n',
    );
    for (const command of Object.keys(COMMANDS)) {
      const bogus = await cli([command, '--bogus-option']);
      assert.equal(bogus.code, EXIT.usage, command);
      assert.match(bogus.stderr, /Unknown option `--bogus-option`\. Expected one of: .*--help/, command);
    }
    assert.match((await cli(['purge', '--older', '90d'])).stderr, /Did you mean `--older-than`\?/);
  });

  test('a flag missing its value says so, instead of taking the next flag as the value', async () => {
    const missing = await cli(['purge', '--older-than']);
    assert.equal(missing.code, EXIT.usage);
    assert.match(missing.stderr, /^metrica-chats purge: `--older-than` needs a value, e.g\. `--older-than <value>`/);
    const swallowed = await cli(['upload', '--counter', '--dry-run', 'x.csv']);
    assert.equal(swallowed.code, EXIT.usage);
    assert.match(swallowed.stderr, /`--counter` needs a value/);
    const extra = await cli(['upload', '--dry-run=yes']);
    assert.match(extra.stderr, /`--dry-run` takes no value; write `--dry-run` alone\./);
  });

  test('an unknown command gets "did you mean"', async () => {
    const r = await cli(['uplaod']);
    assert.equal(r.code, EXIT.usage);
    assert.match(r.stderr, /^Unknown command `uplaod`\. Did you mean `upload`\? Expected one of: serve, /);
  });

  test('hints name the command the way it was run: npx under npm', async () => {
    const r = await cli(['forget', '--phone'], { npm_command: 'exec' });
    assert.match(r.stderr, /^npx metrica-chats forget: /);
    assert.match(r.stderr, /Run `npx metrica-chats forget --help` for usage\.\n$/);
    const help = await cli(['purge', '--help'], { npm_command: 'exec' });
    assert.match(help.stdout, /^Usage: npx metrica-chats purge --older-than/);
    assert.match((await cli(['--help'])).stdout, /^Usage: metrica-chats <command>/);
  });

  test('suggestions stay close to what was typed', () => {
    assert.equal(suggestOption('--dryrun', ['--dry-run', '--db']), '--dry-run');
    assert.equal(suggestOption('--cunter', ['--counter', '--comment']), '--counter');
    assert.equal(suggestOption('--zzz', ['--counter', '--comment']), null);
  });
});

describe('CLI database option', () => {
  test('forget and purge refuse a mistyped path instead of creating an empty database', async () => {
    for (const argv of [
      ['forget', '--phone', '+79001234567', '--db', 'typo.db'],
      ['purge', '--older-than', '90d', '--db', 'typo.db'],
      ['report', '--db', 'typo.db'],
      ['export', '--db', 'typo.db'],
      ['upload', '--counter', '1', '--db', 'typo.db', '--dry-run'],
    ]) {
      const r = await cli(argv);
      assert.equal(r.code, EXIT.usage, argv.join(' '));
      assert.match(
        r.stderr,
        new RegExp(`No database at ${join(dir, 'typo.db')} \\(from --db\\)\\. Expected the collector's SQLite file`),
      );
      assert.equal(existsSync(join(dir, 'typo.db')), false, `${argv[0]} created no file`);
    }
    const fromEnv = await cli(['purge', '--older-than', '1d'], { METRICA_CHATS_DB: 'env.db' });
    assert.match(fromEnv.stderr, /No database at .*env\.db \(from METRICA_CHATS_DB\)/);
    const byDefault = await cli(['report']);
    assert.match(byDefault.stderr, /No database at .*metrica-chats\.db \(from the default\)/);
  });

  test('--db and --from both name the database: one of them, or the same value', async () => {
    const db = join(dir, 'alias.db');
    const { openStorage } = await import('../storage/index.js');
    await (await openStorage(db)).close();
    const viaDb = await cli(['report', '--db', db, '--json']);
    const viaFrom = await cli(['report', '--from', db, '--json']);
    assert.equal(viaDb.code, 0, viaDb.stderr);
    assert.equal(viaFrom.stdout, viaDb.stdout);
    const both = await cli(['export', '--db', db, '--from', 'other.db']);
    assert.equal(both.code, EXIT.usage);
    assert.match(both.stderr, /`--db .*alias\.db` and `--from other\.db` both name the database/);
    assert.equal((await cli(['forget', '--chat-id', 'CTAAAAAAAA', '--db', db])).code, 0);
  });

  test('bad database paths: one line with the path and the cause, exit 4', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const cases: Array<[string, RegExp]> = [
      [
        join(file, 'x.db'),
        new RegExp(`Cannot use ${file}/x\\.db as the SQLite database: ${file} is a file, not a folder\\.`),
      ],
      [join(file, 'deeper', 'x.db'), /is a file, not a folder\./],
      [
        '/proc/nope/x.db',
        /Cannot use \/proc\/nope\/x\.db as the SQLite database: \/proc does not allow creating \/proc\/nope/,
      ],
      [
        '/sys/x.db',
        /Cannot use \/sys\/x\.db as the SQLite database: (no permission to write in \/sys|SQLite cannot create or open the file there)/,
      ],
      [dir, /it is a folder, not a file/],
    ];
    for (const [path, message] of cases) {
      const r = await cli(['serve', '--db', path, '--port', '0', '--host', '127.0.0.1']);
      assert.equal(r.code, EXIT.database, `${path}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /Choose another path with --db <path> \(or METRICA_CHATS_DB\)\.\n$/);
      assert.equal(r.stderr.split('\n').filter(Boolean).length, 1, 'one line');
    }
  });

  test('serve --db /proc/nope/x.db stops at once (it used to spin at 100% CPU)', async () => {
    const bin = fileURLToPath(new URL('./bin.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', bin, 'serve', '--db', '/proc/nope/x.db'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(killer);
    assert.equal(code, EXIT.database, stderr);
    assert.match(stderr, /\/proc\/nope\/x\.db/);
  });

  test('an unreachable PostgreSQL is "database" (4), not "rows invalid" (1), and hides the password', async () => {
    const { port, server } = await occupy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const url = `postgres://metrica:s3cret@127.0.0.1:${port}/chats`;
    for (const argv of [
      ['report', '--db', url],
      ['upload', '--counter', '1', '--db', url, '--dry-run'],
    ]) {
      const r = await cli(argv);
      assert.equal(r.code, EXIT.database, r.stderr);
      assert.match(
        r.stderr,
        new RegExp(
          `Cannot reach the database postgres://metrica:\\*\\*\\*@127\\.0\\.0\\.1:${port}/chats: .*ECONNREFUSED`,
        ),
      );
      assert.doesNotMatch(r.stderr, /s3cret/);
    }
    assert.equal(redactUrl('postgres://u:p@h/d'), 'postgres://u:***@h/d');
  });
});

describe('CLI ports', () => {
  test('serve on a port in use names the port and the option that moves it (exit 5)', async () => {
    const { port, server } = await occupy();
    try {
      const r = await cli(['serve', '--port', String(port), '--host', '127.0.0.1', '--db', join(dir, 's.db')]);
      assert.equal(r.code, EXIT.address);
      assert.equal(
        r.stderr,
        `metrica-chats serve: Port ${port} on 127.0.0.1 (the collector) is already in use. ` +
          'Stop the program using it, or choose another port with --port <n> (or PORT); --port 0 picks a free one.\n',
      );
    } finally {
      server.close();
    }
  });

  test('demo says which of its three ports clashed and that --port 0 picks free ones (exit 5)', async () => {
    // Three free ports in a row: the demo site takes n, the collector n+1, the fake Metrica n+2.
    let clashes = 0;
    for (const [offset, what] of [
      [0, 'the demo site, --port'],
      [1, "the demo's collector, --port + 1"],
      [2, "the demo's fake Metrica API, --port + 2"],
    ] as const) {
      const base = await occupy();
      const start = base.port;
      await new Promise<void>((resolve) => base.server.close(() => resolve()));
      const held = await occupy(start + offset).catch(() => null);
      if (!held) continue; // the neighbouring port was taken by someone else meanwhile
      try {
        const r = await cli(['demo', '--port', String(start), '--data', join(dir, `demo-${offset}`)]);
        assert.equal(r.code, EXIT.address, r.stderr);
        assert.match(
          r.stderr,
          new RegExp(
            `Port ${start + offset} on 127\\.0\\.0\\.1 \\(${what.replace(/[+]/g, '\\+')}\\) is already in use\\.`,
          ),
        );
        assert.match(r.stderr, /move them all with --port <n> \(n, n\+1, n\+2\), or --port 0 to pick free ones\./);
        clashes++;
      } finally {
        held.server.close();
      }
    }
    assert.equal(clashes, 3, 'each of the three ports clashed once');
  });
});
