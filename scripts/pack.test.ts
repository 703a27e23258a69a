import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';

// The package as a user gets it: `npm pack`, then the tarball installed into an empty project.
// This catches what tests inside the checkout cannot: a file left out of `files`, an import of a
// devDependency, an `exports` path that points nowhere, a bin that does not start.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let work = '';
let project = '';
let tarball = '';

/**
 * Runs a command and returns its stdout. A non-zero exit throws with the output, unless
 * `allowFailure` (for a checker whose JSON report is read either way).
 */
async function sh(cmd: string, args: string[], cwd: string, allowFailure = false): Promise<string> {
  try {
    const env = { ...process.env, NO_COLOR: '1' };
    const { stdout } = await run(cmd, args, { cwd, maxBuffer: 16 * 1024 * 1024, env });
    return stdout;
  } catch (error) {
    const e = error as { message: string; stdout?: string; stderr?: string };
    if (allowFailure && e.stdout) return e.stdout;
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${e.stdout ?? ''}\n${e.stderr ?? e.message}`);
  }
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'metrica-chats-pack-'));
  const packed = JSON.parse(await sh(npm, ['pack', '--json', '--pack-destination', work], root));
  tarball = join(work, packed[0].filename);
  project = join(work, 'app');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  await sh(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], project);
  // The database driver is an optional peer dependency, so the user installs it. Here it is linked
  // from this checkout's install: from the registry it would compile SQLite from source (its
  // prebuilt binaries come from outside the registry), which tests better-sqlite3, not this package.
  symlinkSync(join(root, 'node_modules/better-sqlite3'), join(project, 'node_modules/better-sqlite3'), 'dir');
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  test('ships the built files and leaves out tests and test data', async () => {
    const packed = JSON.parse(await sh(npm, ['pack', '--dry-run', '--json'], root));
    const files: string[] = packed[0].files.map((f: { path: string }) => f.path);
    for (const needed of [
      'dist/cli.js',
      'dist/index.js',
      'dist/match.js',
      'dist/metrica-chats.min.js',
      'dist/gtm.html',
    ]) {
      assert.ok(files.includes(needed), `the tarball has ${needed}`);
    }
    assert.ok(files.includes('LICENSE'), 'the tarball has the licence');
    const unwanted = files.filter((f) => /(\.test\.|testdata|test-support|^src\/|^e2e\/|^scripts\/|\.csv$)/.test(f));
    assert.deepEqual(unwanted, [], 'no tests, test data or sources in the tarball');
  });

  test('`npx metrica-chats --help` runs the installed bin', async () => {
    const out = await sh('npx', ['metrica-chats', '--help'], project);
    assert.match(out, /Usage: .*metrica-chats <command>/);
    for (const command of ['serve', 'upload', 'export', 'demo']) assert.match(out, new RegExp(`^ {2}${command} `, 'm'));
  });

  test('imports every entry in Node, and the collector runs on SQLite', async () => {
    const script = `
      import * as page from 'metrica-chats';
      import { extractChatId } from 'metrica-chats/match';
      import { createCollector } from 'metrica-chats/collector';
      import { csvLines } from 'metrica-chats/uploader';
      const collector = await createCollector({ db: './c.db', logger: false });
      const { url } = await collector.listen(0, '127.0.0.1');
      const health = await (await fetch(url + '/healthz')).json();
      await collector.close();
      let csv = '';
      for await (const line of csvLines([{ DateTime: '1687005600', ChatPlatform: 'telegram', ChatUserID: '42' }])) csv += line;
      console.log(JSON.stringify({ init: typeof page.init, id: extractChatId('Request ID: CT7KQ2M9XA'), health, csv }));
    `;
    writeFileSync(join(project, 'node-check.mjs'), script);
    const result = JSON.parse(await sh(process.execPath, ['node-check.mjs'], project));
    assert.equal(result.init, 'function');
    assert.equal(result.id, 'CT7KQ2M9XA');
    assert.deepEqual(result.health, { ok: true, db: 'sqlite' });
    assert.match(result.csv, /^ClientID,UserID,Yclid,PurchaseID,DateTime,ChatPlatform/);
  });

  test('bundles for the browser with esbuild, with no Node built-in pulled in', async () => {
    writeFileSync(
      join(project, 'browser.js'),
      `import { init } from 'metrica-chats';
       import { extractChatId } from 'metrica-chats/match';
       export const check = { init: typeof init, id: extractChatId('/start CT7KQ2M9XA') };`,
    );
    const result = await esbuild.build({
      absWorkingDir: project,
      entryPoints: ['browser.js'],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    assert.deepEqual(result.errors, []);
    const code = result.outputFiles[0]?.text ?? '';
    assert.doesNotMatch(code, /from ["']node:|require\(["'](node:)?(fs|path|http|crypto)["']\)/);
    const bundled = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
    assert.deepEqual(bundled.check, { init: 'function', id: 'CT7KQ2M9XA' });
  });

  test('publint finds nothing, warnings included', async () => {
    const out = await sh(process.execPath, [join(root, 'node_modules/publint/src/cli.js'), tarball, '--strict'], root);
    assert.match(out, /All good!/, out);
  });

  test('are-the-types-wrong: every finding is one an ESM-only package has by design', async () => {
    // The package is ESM only (Node 20.3+). Two resolutions cannot work for such a package and are
    // the only findings allowed: `node10` (TypeScript's old `moduleResolution: node` ignores
    // `exports`, so it finds nothing) and `require()` from CommonJS (Node 20 cannot require ESM;
    // a dynamic `import()` works). `metrica-chats.min.js` and `gtm.html` are files to serve or to
    // paste into GTM, not modules to import, so they are not checked.
    const out = await sh(
      process.execPath,
      [
        join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js'),
        tarball,
        '--exclude-entrypoints',
        './metrica-chats.min.js',
        './gtm.html',
        '--format',
        'json',
      ],
      root,
      true,
    );
    const report = JSON.parse(out);
    const explained = new Set(['NoResolution@node10', 'CJSResolvesToESM@node16-cjs']);
    const findings: { kind: string; entrypoint: string; resolutionKind?: string }[] = Object.values(
      report.problems ?? {},
    ).flat() as never;
    const unexplained = findings.filter((p) => !explained.has(`${p.kind}@${p.resolutionKind}`));
    assert.deepEqual(unexplained, [], JSON.stringify(unexplained, null, 2));
    const checked = Object.keys(report.analysis.entrypoints);
    assert.deepEqual(checked.sort(), ['.', './collector', './match', './package.json', './uploader']);
  });

  test('the README’s install block names the tarball `npm pack` writes', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const block = /```sh\n(npm pack[\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const name = tarball.slice(work.length + 1);
    assert.match(block, new RegExp(`# in the checkout: writes ${name.replaceAll('.', '\\.')}`));
    assert.match(block, new RegExp(`npm install \\S*/${name.replaceAll('.', '\\.')}`));
  });

  test('package.json has what a published package needs', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.ok(pkg.repository?.url, 'repository');
    assert.ok(Array.isArray(pkg.keywords) && pkg.keywords.length > 0, 'keywords');
    assert.ok(pkg.license, 'license');
    assert.ok(pkg.engines?.node, 'engines.node');
  });
});
