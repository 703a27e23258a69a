import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  findCycle,
  type Import,
  importGraph,
  KNOWN_EXCEPTIONS,
  LAYERS,
  layerViolation,
  sourceFiles,
  TEST_ONLY_FOLDERS,
} from './layers.js';

// The architecture, enforced: imports point one way (the layer table), there is no import cycle,
// ARCHITECTURE.md shows the table the code keeps to, and long files say why they are long.
// Biome's noImportCycles reports the same cycles in the editor; this test also sees the layers.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const graph = importGraph(root);
const folders = readdirSync(join(root, 'src'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const isException = (imp: Import) => KNOWN_EXCEPTIONS.some((e) => e.from === imp.from && e.to === imp.to);

describe('layers', () => {
  test('every import keeps to the layer table', () => {
    assert.ok(graph.length > 100, `the import graph was read (${graph.length} imports)`);
    const violations = graph.filter((imp) => !isException(imp)).flatMap((imp) => layerViolation(imp) ?? []);
    assert.deepEqual(violations, []);
  });

  test('each known exception is still there (remove it from the list once fixed)', () => {
    for (const e of KNOWN_EXCEPTIONS) {
      const imp = graph.find((i) => i.from === e.from && i.to === e.to);
      assert.ok(imp, `${e.from} → ${e.to} is gone: delete it from KNOWN_EXCEPTIONS`);
      assert.ok(layerViolation(imp), `${e.from} → ${e.to} keeps to the table now: delete the exception`);
    }
  });

  test('every folder of src/ has a place in the table', () => {
    assert.deepEqual(
      folders.filter((f) => !(f in LAYERS) && !TEST_ONLY_FOLDERS.includes(f)),
      [],
    );
  });

  // `import type` is erased by the compiler, so it cannot make a cycle at run time (Biome's
  // noImportCycles ignores it as well); every other import counts, dynamic ones included.
  test('there is no import cycle', () => {
    assert.equal(findCycle(graph.filter((imp) => !imp.typeOnly))?.join(' → ') ?? null, null);
  });

  // The negative cases: the checks above can fail.
  test('refuses an import against the order, and names what is allowed', () => {
    const up = { from: 'src/page/beacon.ts', to: 'src/storage/rows.ts', typeOnly: false };
    assert.match(
      layerViolation(up) ?? '',
      /src\/page\/beacon\.ts imports src\/storage\/rows\.ts: page\/ may import match, shared/,
    );
    assert.match(
      layerViolation({ from: 'src/collector/x.ts', to: 'src/uploader/y.ts', typeOnly: false }) ?? '',
      /collector\//,
    );
    assert.match(layerViolation({ from: 'src/storage/x.ts', to: 'src/cli/y.ts', typeOnly: true }) ?? '', /storage\//);
    assert.match(
      layerViolation({ from: 'src/newthing/x.ts', to: 'src/match/y.ts', typeOnly: false }) ?? '',
      /no place/,
    );
    assert.match(
      layerViolation({ from: 'src/collector/x.ts', to: 'src/test-support/y.ts', typeOnly: false }) ?? '',
      /test code/,
    );
  });

  test('type-only allowances admit types and nothing else', () => {
    const types = { from: 'src/report/stats-text.ts', to: 'src/storage/types.ts', typeOnly: true };
    assert.equal(layerViolation(types), null);
    assert.match(layerViolation({ ...types, typeOnly: false }) ?? '', /report\/ may import .*storage \(types\)/);
  });

  test('allows imports down, within a folder, and from tests', () => {
    assert.equal(layerViolation({ from: 'src/page/beacon.ts', to: 'src/match/extract.ts', typeOnly: false }), null);
    assert.equal(layerViolation({ from: 'src/cli/main.ts', to: 'src/cli/io.ts', typeOnly: false }), null);
    assert.equal(layerViolation({ from: 'src/match/x.test.ts', to: 'src/cli/main.ts', typeOnly: false }), null);
  });

  test('finds a cycle, also through a dynamic import', () => {
    const edge = (from: string, to: string): Import => ({ from, to, typeOnly: false });
    assert.equal(findCycle([edge('a', 'b'), edge('b', 'c'), edge('a', 'c')]), null);
    assert.deepEqual(findCycle([edge('a', 'b'), edge('b', 'c'), edge('c', 'a')]), ['a', 'b', 'c', 'a']);
    // The cycle the demo once had: the CLI's command table loads the demo, which imported the CLI.
    const cycle = findCycle([
      edge('src/demo/server.ts', 'src/cli/main.ts'),
      edge('src/cli/main.ts', 'src/cli/commands.ts'),
      edge('src/cli/commands.ts', 'src/cli/demo.ts'),
      edge('src/cli/demo.ts', 'src/demo/server.ts'),
    ]);
    assert.equal(cycle?.length, 5);
  });
});

describe('ARCHITECTURE.md', () => {
  const doc = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8');
  /** The rows of its layer table: `| \`folder/\` | job | may import |`. */
  const rows = new Map(
    [...doc.matchAll(/^\| `([a-z-]+)\/` \|[^|\n]*\|([^|\n]*)\|\s*$/gm)].map((m) => [
      m[1] as string,
      (m[2] as string)
        .split(',')
        .map((s) => s.trim().replace(/`/g, ''))
        .filter((s) => s !== '' && s !== '—')
        .sort(),
    ]),
  );

  test('lists every folder of src/ and of the layer table, and no other', () => {
    assert.deepEqual(
      folders.filter((f) => !rows.has(f)),
      [],
      'folders of src/ missing from the table',
    );
    assert.deepEqual([...rows.keys()].sort(), [...Object.keys(LAYERS), ...TEST_ONLY_FOLDERS].sort());
  });

  test('shows the layer table the code is checked against', () => {
    for (const [folder, layer] of Object.entries(LAYERS)) {
      const expected = [
        ...layer.imports.map((f) => `${f}/`),
        ...(layer.types ?? []).map((f) => `${f}/ (types)`),
      ].sort();
      assert.deepEqual(rows.get(folder), expected, `the row of ${folder}/`);
    }
    for (const folder of TEST_ONLY_FOLDERS)
      if (rows.has(folder)) assert.deepEqual(rows.get(folder), ['any (tests only)']);
  });

  test('names only files that exist', () => {
    const files = new Set(sourceFiles(root));
    const named = [...doc.matchAll(/`(src\/[\w./-]+\.ts)`/g)].map((m) => m[1] as string);
    assert.ok(named.length > 10, 'the code map names files');
    assert.deepEqual(
      named.filter((f) => !files.has(f)),
      [],
    );
  });
});

describe('file size', () => {
  const LIMIT = 300;
  test(`a production file over ${LIMIT} lines says at its top why it is long`, () => {
    const long = sourceFiles(root)
      .filter((f) => !f.endsWith('.test.ts') && !f.includes('/test-support/'))
      .map((f) => ({ f, text: readFileSync(join(root, f), 'utf8') }))
      .filter(({ text }) => text.split('\n').length > LIMIT)
      .filter(({ text }) => !text.split('\n').slice(0, 15).join('\n').includes('Long file:'))
      .map(({ f }) => f);
    assert.deepEqual(long, []);
  });
});
