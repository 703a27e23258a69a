import { resolve } from 'node:path';
import type { ModuleLoader } from './drivers.js';
import { openPostgres } from './postgres.js';
import { openSqlite } from './sqlite.js';
import type { Storage } from './types.js';

export { chatKey, hasMetricaId, partnersOf } from '../domain/index.js';
export type { ConversionStore, PendingConversion, UploadReceipt } from './contract.js';
export { DRIVER_INSTALL, MissingDriverError, type ModuleLoader } from './drivers.js';
export { recordOf } from './rows.js';
export { DatabasePathError } from './sqlite-path.js';
export * from './types.js';

export interface OpenStorageOptions {
  /** Where relative file paths are resolved; default the process's working folder. */
  cwd?: string;
  /** Replaces `import()` for the driver (tests simulate a missing one). */
  loader?: ModuleLoader;
  /** Clock for created/updated times, Unix ms. */
  now?: () => number;
  /** PostgreSQL pool size per process. */
  maxConnections?: number;
}

/** True when the target names a PostgreSQL database rather than a SQLite file. */
export const isPostgresUrl = (target: string): boolean => /^postgres(ql)?:\/\//i.test(target);

/**
 * Opens the collector's database: a `postgres://` (or `postgresql://`) URL selects PostgreSQL,
 * anything else is a SQLite file path (created with its folder on first start), `:memory:` included.
 */
export async function openStorage(target: string, options: OpenStorageOptions = {}): Promise<Storage> {
  if (typeof target !== 'string' || target.trim() === '') {
    throw new Error(`database must be a file path or a postgres:// URL, got ${JSON.stringify(target)}`);
  }
  if (isPostgresUrl(target)) return openPostgres(target, options);
  const path = target === ':memory:' ? target : resolve(options.cwd ?? process.cwd(), target);
  return openSqlite(path, options);
}
