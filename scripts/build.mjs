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
import { minify } from 'terser';

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
// esbuild bundles and minifies it; terser then minifies it again, which esbuild's single pass leaves
// room for (inlining functions used once, merging statements): 3693 → 3564 B gzipped when added.
const page = await esbuild.build({
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
  write: false,
});
for (const file of page.outputFiles) {
  if (!file.path.endsWith('.js')) {
    writeFileSync(file.path, file.contents);
    continue;
  }
  const { code } = await minify(file.text, {
    ecma: 2017,
    // Only transforms that keep the semantics: no `unsafe*`, no `pure_getters`, no dropped arguments.
    // Two passes are smaller than one; a third makes it larger.
    compress: { ecma: 2017, passes: 2 },
    mangle: true,
    // Comments: none (esbuild already moved the licence notices out). ascii_only: the Russian default
    // message as \u escapes gzips smaller than as UTF-8. wrap_func_args: only a V8 parsing hint.
    format: { ecma: 2017, ascii_only: true, comments: false, wrap_func_args: false },
  });
  writeFileSync(file.path, code);
}

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
