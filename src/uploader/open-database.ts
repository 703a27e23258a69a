import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ConversionStore } from '../storage/contract.js';
import type { Storage } from '../storage/index.js';

export class DatabaseNotFoundError extends Error {
  override name = 'DatabaseNotFoundError';
}

/**
 * Opens an existing collector database for the CLI commands that read it (upload, export,
 * report). A SQLite path must already exist: opening a mistyped path would create an empty
 * database and report "nothing to upload". The storage code loads only when called, so
 * `upload file.csv` never loads a database driver.
 */
export async function openCollectorStorage(target: string, cwd: string): Promise<Storage> {
  const { isPostgresUrl, openStorage } = await import('../storage/index.js');
  if (!isPostgresUrl(target) && target !== ':memory:' && !existsSync(resolve(cwd, target))) {
    throw new DatabaseNotFoundError(
      `No database at ${resolve(cwd, target)}; expected the collector's SQLite file or a postgres:// URL.`,
    );
  }
  return openStorage(target, { cwd });
}

/** The same, seen as the uploader sees it: only what the upload job needs. */
export function openConversionStore(target: string, cwd: string): Promise<ConversionStore> {
  return openCollectorStorage(target, cwd);
}
