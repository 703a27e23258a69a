import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** A SQLite path that cannot hold the database: names the path and the cause, in one line. */
export class DatabasePathError extends Error {
  override name = 'DatabasePathError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Cannot use ${path} as the SQLite database: ${reason}.`);
  }
}

const code = (error: unknown): string => String((error as { code?: string }).code ?? '');

/** Why creating or writing under `at` failed, in words. */
function cause(error: unknown, at: string, parent: string): string {
  switch (code(error)) {
    case 'ENOTDIR':
      return `${parent} is a file, not a folder`;
    case 'EACCES':
    case 'EPERM':
      return `no permission to write in ${parent}`;
    case 'EROFS':
      return `${parent} is on a read-only file system`;
    case 'ENOENT':
      // The parent exists, yet mkdir says it does not: a virtual file system such as /proc.
      return `${parent} does not allow creating ${at} (a virtual file system such as /proc or /sys?)`;
    default:
      return (error as Error).message;
  }
}

/**
 * Makes sure the database file's folder exists, creating the missing folders one level at a time.
 * Node's recursive mkdir loops forever under /proc (mkdir answers ENOENT there while the parent
 * exists); going down level by level stops at the first refusal and says which folder refused.
 */
export function prepareSqlitePath(path: string): void {
  const missing: string[] = [];
  let folder = dirname(path);
  while (!existsSync(folder)) {
    missing.unshift(folder);
    const up = dirname(folder);
    if (up === folder) break;
    folder = up;
  }
  if (!statSync(folder).isDirectory()) throw new DatabasePathError(path, `${folder} is a file, not a folder`);
  let parent = folder;
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (error) {
      throw new DatabasePathError(path, cause(error, dir, parent));
    }
    parent = dir;
  }
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw new DatabasePathError(path, 'it is a folder, not a file');
    return;
  }
  try {
    accessSync(parent, constants.W_OK);
  } catch (error) {
    throw new DatabasePathError(path, cause(error, path, parent));
  }
}

/** SQLite's own "cannot open" as a DatabasePathError; other errors as they are. */
export function sqliteOpenError(path: string, error: unknown): unknown {
  if (code(error) === 'SQLITE_CANTOPEN' || code(error) === 'SQLITE_READONLY') {
    return new DatabasePathError(path, `SQLite cannot create or open the file there (${(error as Error).message})`);
  }
  if (code(error) === 'SQLITE_NOTADB') {
    return new DatabasePathError(path, 'the file is not a SQLite database');
  }
  return error;
}
