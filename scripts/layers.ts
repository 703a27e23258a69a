import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The layer rule of `src/`: which top-level folder may import which. ARCHITECTURE.md shows the
 * same table, and architecture.test.ts checks the two agree and that the code keeps to it.
 * A folder may always import its own files. Tests and test-support are not held to it.
 */
export interface Layer {
  /** Folders whose code this one may import (and run). */
  imports: readonly string[];
  /** Folders whose types only (`import type`) it may name, without running their code. */
  types?: readonly string[];
}

export const LAYERS: Readonly<Record<string, Layer>> = {
  shared: { imports: [] },
  match: { imports: ['shared'] },
  domain: { imports: ['match', 'shared'] },
  page: { imports: ['match', 'shared'] },
  storage: { imports: ['domain', 'shared'] },
  connectors: { imports: ['domain', 'match', 'shared'] },
  export: { imports: ['domain', 'match', 'shared'] },
  report: { imports: ['domain', 'match', 'shared'], types: ['check', 'storage'] },
  bridge: { imports: ['domain', 'match', 'shared'] },
  check: { imports: ['page', 'domain', 'match', 'shared'] },
  'fake-metrica': { imports: ['export', 'domain', 'match', 'shared'] },
  collector: {
    imports: ['storage', 'connectors', 'export', 'report', 'bridge', 'check', 'domain', 'match', 'shared'],
  },
  uploader: { imports: ['storage', 'connectors', 'export', 'domain', 'match', 'shared'] },
  demo: {
    imports: [
      'collector',
      'uploader',
      'fake-metrica',
      'storage',
      'connectors',
      'export',
      'report',
      'bridge',
      'check',
      'domain',
      'match',
      'shared',
    ],
  },
  cli: {
    imports: [
      'demo',
      'collector',
      'uploader',
      'fake-metrica',
      'storage',
      'connectors',
      'export',
      'report',
      'bridge',
      'check',
      'domain',
      'match',
      'shared',
    ],
  },
};

/** Folders of test code only: they may import anything, and nothing in production imports them. */
export const TEST_ONLY_FOLDERS: readonly string[] = ['test-support'];

/**
 * Imports that break the rule today, each with the reason and what removes it. The test fails
 * when one of these is no longer there, so the list only shrinks.
 */
export const KNOWN_EXCEPTIONS: ReadonlyArray<{ from: string; to: string; why: string }> = [];

export interface Import {
  /** Repository-relative path of the importing file, such as `src/page/beacon.ts`. */
  from: string;
  /** Repository-relative path of the imported file. */
  to: string;
  /** `import type …` / `export type … from`: erased from the build. */
  typeOnly: boolean;
}

/** The top-level folder of a path under `src/`, or null outside it. */
export function folderOf(path: string): string | null {
  const m = /^src\/([^/]+)\//.exec(path);
  return m ? (m[1] as string) : null;
}

const isTestFile = (path: string): boolean =>
  path.endsWith('.test.ts') ||
  path.split('/').some((part) => part === 'test-support' || part === 'testdata') ||
  TEST_ONLY_FOLDERS.includes(folderOf(path) ?? '');

/** Why an import breaks the layer rule, or null when it keeps to it. */
export function layerViolation(imp: Import, layers: Readonly<Record<string, Layer>> = LAYERS): string | null {
  if (isTestFile(imp.from)) return null;
  const from = folderOf(imp.from);
  const to = folderOf(imp.to);
  if (from === null || to === null || from === to) return null;
  const layer = layers[from];
  if (!layer) return `${imp.from}: src/${from}/ has no place in the layer table (scripts/layers.ts, ARCHITECTURE.md)`;
  if (TEST_ONLY_FOLDERS.includes(to)) return `${imp.from} imports test code ${imp.to}`;
  if (layer.imports.includes(to)) return null;
  if (imp.typeOnly && layer.types?.includes(to)) return null;
  const allowed = [...layer.imports, ...(layer.types ?? []).map((t) => `${t} (types)`)].join(', ') || 'nothing';
  return `${imp.from} imports ${imp.to}: ${from}/ may import ${allowed}`;
}

/** An import cycle among the files, as the list of files around it; null when there is none. */
export function findCycle(imports: readonly Import[]): string[] | null {
  const edges = new Map<string, string[]>();
  for (const { from, to } of imports) edges.set(from, [...(edges.get(from) ?? []), to]);
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === 'done') return null;
    if (state.get(file) === 'open') return [...path.slice(path.indexOf(file)), file];
    state.set(file, 'open');
    path.push(file);
    for (const next of edges.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of [...edges.keys()].sort()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

/** The relative imports of one TypeScript source (static, re-exports and dynamic `import()`). */
export function importsOf(path: string, text: string, root: string): Import[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: Array<{ specifier: string; typeOnly: boolean }> = [];
  const walk = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.importClause?.isTypeOnly === true });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false });
    }
    ts.forEachChild(node, walk);
  };
  walk(source);
  const from = relative(root, path);
  return found
    .filter((f) => f.specifier.startsWith('.'))
    .map((f) => {
      const target = resolve(dirname(path), f.specifier.replace(/\.js$/, '.ts'));
      const file = existsSync(target) ? target : join(target.replace(/\.ts$/, ''), 'index.ts');
      return { from, to: relative(root, file), typeOnly: f.typeOnly };
    });
}

/** Every TypeScript file under `src/`, repository-relative. */
export function sourceFiles(root: string): string[] {
  return readdirSync(join(root, 'src'), { recursive: true })
    .map((f) => join('src', String(f)))
    .filter((f) => f.endsWith('.ts'))
    .sort();
}

/** The import graph of `src/`. */
export function importGraph(root: string): Import[] {
  return sourceFiles(root).flatMap((f) => importsOf(join(root, f), readFileSync(join(root, f), 'utf8'), root));
}
