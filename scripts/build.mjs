#!/usr/bin/env node
// Builds everything in dist/: the page script (IIFE), the ESM entries, their .d.ts, the GTM tag.
// The output is deterministic, so a fresh build must equal the committed dist/ byte for byte.
// Usage: node scripts/build.mjs [--outdir DIR]
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { outdir: { type: 'string', default: join(root, 'dist') } } });
const outdir = resolve(values.outdir);

/** The entries published in package.json `exports`, and the bin. */
export const ESM_ENTRIES = [
  { in: 'src/page/index.ts', out: 'index', platform: 'browser' },
  { in: 'src/match/index.ts', out: 'match', platform: 'neutral' },
];
/** Node-only entries (collector, uploader, the CLI); database drivers stay optional imports. */
export const NODE_ENTRIES = [
  { in: 'src/uploader/index.ts', out: 'uploader' },
  { in: 'src/collector/index.ts', out: 'collector' },
  { in: 'src/cli/bin.ts', out: 'cli' },
];

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

// The page script: one minified IIFE; it attaches `MetricaChats` to window itself (only that global).
await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['src/page/auto.ts'],
  outfile: join(outdir, 'metrica-chats.min.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2017',
  minify: true,
  // Licence notices of bundled code would go to a .LEGAL.txt file instead of costing bytes in the file.
  legalComments: 'external',
  logLevel: 'warning',
});

// ESM for bundlers (browser) and Node: dependencies stay imports so the app's bundler dedupes them.
await esbuild.build({
  absWorkingDir: root,
  entryPoints: ESM_ENTRIES.map((e) => ({ in: e.in, out: e.out })),
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2020',
  packages: 'external',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});

if (NODE_ENTRIES.length > 0) {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: NODE_ENTRIES.map((e) => ({ in: e.in, out: e.out })),
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
}

// The bin is executable, as npm makes it on install, so a rebuild leaves git's view of it unchanged.
if (NODE_ENTRIES.some((e) => e.out === 'cli')) chmodSync(join(outdir, 'cli.js'), 0o755);

// The demo SPA's bundle: app code importing `metrica-chats`, bundled as an app's bundler would.
await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['demo/spa/main.ts'],
  outfile: join(outdir, 'demo-spa.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  alias: { 'metrica-chats': './src/page/index.ts' },
  legalComments: 'none',
  logLevel: 'warning',
});

// Declarations for every public entry.
execFileSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', join(outdir, 'types')],
  {
    cwd: root,
    stdio: 'inherit',
  },
);

// The GTM Custom HTML tag: the ES5 loader with the script's URL left for the user to fill in.
const gtmTemplate = readFileSync(join(root, 'src/page/gtm.html'), 'utf8');
writeFileSync(join(outdir, 'gtm.html'), gtmTemplate);

console.log(`built ${outdir}`);
