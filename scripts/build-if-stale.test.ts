import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
// @ts-expect-error: a plain .mjs script without declarations
import { staleReason, writeStamp } from './build-if-stale.mjs';

// `npm run demo` builds only when dist/ is not the build of the sources at hand.

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'build-if-stale-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'src'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'src/a.ts'), 'export const a = 1;\n');
  writeFileSync(join(dir, 'package.json'), '{}\n');
  writeFileSync(join(dir, 'dist/cli.js'), 'console.log(1);\n');
  return dir;
}

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, stdio: 'ignore' });

describe('build-if-stale', () => {
  test('builds when dist/ was never built', () => {
    const dir = checkout();
    rmSync(join(dir, 'dist/cli.js'));
    assert.equal(staleReason(dir), 'dist/ has not been built');
  });

  test('after a build here, skips until a source or dist/ changes', () => {
    const dir = checkout();
    assert.equal(staleReason(dir), 'the sources or dist/ changed since the last build');
    writeStamp(dir);
    assert.equal(staleReason(dir), null);
    writeFileSync(join(dir, 'src/a.ts'), 'export const a = 2;\n');
    assert.equal(staleReason(dir), 'the sources or dist/ changed since the last build');
    writeStamp(dir);
    writeFileSync(join(dir, 'dist/cli.js'), 'console.log(2);\n');
    assert.notEqual(staleReason(dir), null);
  });

  test('trusts a clean git checkout, whose dist/ CI built from its sources', () => {
    const dir = checkout();
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'x');
    assert.equal(staleReason(dir), null);
    writeFileSync(join(dir, 'src/b.ts'), 'export const b = 1;\n');
    assert.notEqual(staleReason(dir), null);
  });
});
