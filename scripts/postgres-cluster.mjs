// A throwaway PostgreSQL cluster for the test suite: initdb into a temporary folder, start it on a
// free loopback port, hand out its URL, and remove it all afterwards. As root the server runs as the
// `postgres` user (PostgreSQL refuses to run as root).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';

const PG_BIN_DIRS = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'];

/** Why a cluster cannot be started here, or null when it can. */
export function postgresUnavailableReason() {
  const bin = PG_BIN_DIRS.find((d) => existsSync(join(d, 'initdb')));
  if (!bin) return `no PostgreSQL server binaries in ${PG_BIN_DIRS.join(', ')}`;
  const user = userInfo().username;
  if (user !== 'root' && user !== 'postgres') {
    return `running as ${user}: a throwaway cluster needs root (to run as the postgres user) or the postgres user`;
  }
  if (user === 'root' && spawnSync('id', ['postgres']).status !== 0) return 'there is no postgres user';
  return null;
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts a cluster; resolves to `{ url, dataDir, stop() }`. `settings` are extra server settings
 * (`name=value`). Throws with the reason when it cannot.
 */
export async function startPostgresCluster({ settings = [] } = {}) {
  const reason = postgresUnavailableReason();
  if (reason) throw new Error(`cannot start PostgreSQL: ${reason}`);
  const bin = PG_BIN_DIRS.find((d) => existsSync(join(d, 'initdb')));
  const asRoot = userInfo().username === 'root';
  const dir = mkdtempSync('/tmp/metrica-chats-pg-');
  const data = join(dir, 'data');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const run = (cmd, args) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    const r = spawnSync(full[0], full[1], { encoding: 'utf8', cwd: '/tmp' });
    if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale', '--no-sync']);
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-o',
    [
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      ...settings.map((s) => `-c ${s}`),
    ].join(' '),
    'start',
  ]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    dataDir: data,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-w', '-m', 'fast', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
