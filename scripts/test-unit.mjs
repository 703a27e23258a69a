#!/usr/bin/env node
// Runs every unit and integration test (`*.test.ts` beside the code) with node:test and tsx.
// Node 20's `--test` takes no globs, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresUnavailableReason, startPostgresCluster } from './postgres-cluster.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dirs = ['src', 'scripts', 'demo', 'bench'];
const only = process.argv.slice(2);
const files = dirs
  .flatMap((dir) => {
    try {
      return readdirSync(join(root, dir), { recursive: true }).map((f) => join(dir, String(f)));
    } catch {
      return [];
    }
  })
  .filter((f) => f.endsWith('.test.ts') && !f.includes('node_modules'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// One throwaway PostgreSQL cluster for the whole run; each test file makes its own databases in it.
// Where none can be started, PostgreSQL tests skip and say why; on CI that is a failure instead.
let cluster = null;
if (!process.env.METRICA_CHATS_TEST_PG_URL) {
  const reason = postgresUnavailableReason();
  if (reason === null) {
    cluster = await startPostgresCluster();
    process.env.METRICA_CHATS_TEST_PG_URL = cluster.url;
    console.log(`PostgreSQL test cluster at ${cluster.url}`);
  } else if (process.env.CI) {
    console.error(`CI must run the PostgreSQL tests, but ${reason}`);
    process.exit(1);
  } else {
    process.env.METRICA_CHATS_TEST_PG_SKIP = reason;
    console.log(`PostgreSQL tests will be skipped: ${reason}`);
  }
}
console.log(`running ${files.length} test files: ${files.map((f) => relative(root, join(root, f))).join(' ')}`);
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
});
cluster?.stop();
process.exit(result.status ?? 1);
