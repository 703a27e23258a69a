#!/usr/bin/env node
// `npm run demo` runs this first: it builds dist/ only when dist/ is not already the build of the
// sources in this checkout, so a fresh clone starts the demo without waiting for a build.
//
// dist/ counts as current when either
//  - the last build made here recorded a fingerprint of its inputs and of dist/, and both still
//    match (kept in node_modules/.cache, outside the repository), or
//  - git says neither the build's inputs nor dist/ differ from the last commit: CI checks that
//    the committed dist/ is a byte-for-byte build of the committed sources.
// Usage: node scripts/build-if-stale.mjs
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the build reads: changing any of these can change dist/. */
export const BUILD_INPUTS = [
  'src',
  'demo/spa',
  'scripts/build.mjs',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
  'package-lock.json',
];

function files(root, path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true })
    .map((f) => join(path, String(f)))
    .filter((f) => statSync(join(root, f)).isFile())
    .sort();
}

/** A hash of the paths and contents of the given files and folders. */
export function fingerprint(root, paths) {
  const hash = createHash('sha256');
  for (const file of paths.flatMap((p) => files(root, p))) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const stampPath = (root) => join(root, 'node_modules', '.cache', 'metrica-chats', 'build-stamp.json');

/** Records that dist/ is the build of the current inputs. */
export function writeStamp(root) {
  const stamp = { inputs: fingerprint(root, BUILD_INPUTS), dist: fingerprint(root, ['dist']) };
  mkdirSync(dirname(stampPath(root)), { recursive: true });
  writeFileSync(stampPath(root), `${JSON.stringify(stamp)}\n`);
}

function unchangedInGit(root) {
  try {
    const out = execFileSync('git', ['status', '--porcelain', '--', ...BUILD_INPUTS, 'dist'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.trim() === '';
  } catch {
    return false; // not a git checkout, or no git
  }
}

/** Why dist/ must be built, or null when it is current. */
export function staleReason(root) {
  if (!existsSync(join(root, 'dist', 'cli.js'))) return 'dist/ has not been built';
  try {
    const stamp = JSON.parse(readFileSync(stampPath(root), 'utf8'));
    if (stamp.inputs === fingerprint(root, BUILD_INPUTS) && stamp.dist === fingerprint(root, ['dist'])) return null;
  } catch {
    /* no stamp yet: ask git below */
  }
  if (unchangedInGit(root)) return null;
  return 'the sources or dist/ changed since the last build';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const reason = staleReason(root);
  if (reason === null) {
    console.log('dist/ is current; not rebuilding (npm run build forces a build).');
  } else {
    console.log(`Building: ${reason}.`);
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
    writeStamp(root);
  }
}
