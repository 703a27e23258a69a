import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { openStorage, type Storage } from '../storage/index.js';
import { freshPostgresDatabase } from './postgres.js';

/**
 * Each adapter opens a fresh, empty database for one test and closes it after, or returns null
 * when the test must skip (no PostgreSQL here). The SQLite file sits in folders that do not exist
 * yet, so opening also shows that they are created.
 */
export const STORAGE_ADAPTERS: Record<'sqlite' | 'postgres', (t: TestContext) => Promise<Storage | null>> = {
  sqlite: async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-storage-'));
    const storage = await openStorage(join(dir, 'nested', 'folder', 'chats.db'));
    t.after(async () => {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    });
    return storage;
  },
  postgres: async (t) => {
    const url = await freshPostgresDatabase(t);
    if (!url) return null;
    const storage = await openStorage(url);
    t.after(() => storage.close());
    return storage;
  },
};
