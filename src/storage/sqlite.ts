import type BetterSqlite3 from 'better-sqlite3';
import { type Checkpointer, startCheckpointer } from './checkpointer.js';
import { loadDriver, type ModuleLoader } from './drivers.js';
import { tryFileLock } from './file-lock.js';
import { SQLITE_MIGRATIONS } from './migrations.js';
import type { ColumnSpec, Sql, SqlDriver, SqlValue } from './sql.js';
import { SqlStorage } from './sql-storage.js';
import { prepareSqlitePath, sqliteOpenError } from './sqlite-path.js';
import type { Storage } from './types.js';

type DatabaseConstructor = typeof BetterSqlite3;

/**
 * better-sqlite3 is synchronous and has one connection, so a transaction that awaits between
 * statements must not let another request's statement in. A small FIFO lock serializes access;
 * with a free lock an operation runs at once.
 */
class Lock {
  private held = false;
  private readonly waiters: Array<() => void> = [];

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.held) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.held = true;
    try {
      return await fn();
    } finally {
      const next = this.waiters.shift();
      if (next) next();
      else this.held = false;
    }
  }
}

class SqliteDriver implements SqlDriver {
  readonly kind = 'sqlite' as const;
  readonly forUpdate = '';
  /** One connection: a second batch could only wait for the lock. */
  readonly writeConcurrency = 1;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private readonly lock = new Lock();
  private readonly direct: Sql;

  /** Set once the checkpoint worker runs; stopped before the connection closes. */
  checkpointer: Checkpointer | null = null;

  private readonly locksHeld = new Set<string>();

  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly path: string,
  ) {
    const prepare = (sql: string): BetterSqlite3.Statement => {
      let s = this.statements.get(sql);
      if (!s) {
        s = this.db.prepare(sql);
        this.statements.set(sql, s);
      }
      return s;
    };
    const p = (params?: readonly SqlValue[]): SqlValue[] => (params ? [...params] : []);
    this.direct = {
      all: async <T>(sql: string, params?: readonly SqlValue[]) => prepare(sql).all(...p(params)) as T[],
      get: async <T>(sql: string, params?: readonly SqlValue[]) => prepare(sql).get(...p(params)) as T | undefined,
      run: async (sql: string, params?: readonly SqlValue[]) => prepare(sql).run(...p(params)).changes,
    };
  }

  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.lock.run(() => this.direct.all<T>(sql, params));
  }
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return this.lock.run(() => this.direct.get<T>(sql, params));
  }
  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.lock.run(() => this.direct.run(sql, params));
  }

  async insertMany(table: string, columns: readonly ColumnSpec[], rows: readonly SqlValue[][]): Promise<number[]> {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const sql = `INSERT INTO ${table} (${columns.map((c) => c[0]).join(', ')}) VALUES ${rows.map(() => tuple).join(', ')} RETURNING id`;
    const ids = await this.all<{ id: number }>(sql, rows.flat());
    return ids.map((r) => Number(r.id)).sort((a, b) => a - b);
  }

  tryLock(name: string): Promise<(() => Promise<void>) | null> {
    return tryFileLock(this.path, name, this.locksHeld);
  }

  /** Runs `fn` while no statement of this connection runs; they wait their turn asynchronously. */
  exclusive(fn: () => Promise<void>): Promise<void> {
    return this.lock.run(fn);
  }

  /** BEGIN IMMEDIATE takes the database's write lock first: writers are already one at a time. */
  serialize(): Promise<void> {
    return Promise.resolve();
  }

  transaction<T>(fn: (q: Sql) => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.checkpointer?.stop();
    await this.lock.run(async () => {
      if (this.db.open) this.db.close();
    });
  }
}

/** Applies the migrations not yet recorded, each in its own transaction. */
function migrate(db: BetterSqlite3.Database): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  for (const m of SQLITE_MIGRATIONS) {
    // IMMEDIATE takes the write lock first, so two processes starting together do not both apply it.
    db.transaction(() => {
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version)) return;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        Date.now(),
      );
    }).immediate();
  }
}

export interface SqliteOptions {
  loader?: ModuleLoader;
  now?: () => number;
  /** How often the worker checkpoints the WAL (default 200 ms). */
  checkpointIntervalMs?: number;
  /** WAL length in pages that makes writes pause once for the log to start over (default 16384). */
  walResetFrames?: number;
}

/** Opens (creating the file and its folder on first start) and migrates a SQLite database. */
export async function openSqlite(path: string, options: SqliteOptions = {}): Promise<Storage> {
  const Database = await loadDriver<DatabaseConstructor>('better-sqlite3', 'A SQLite database', options.loader);
  if (path !== ':memory:') prepareSqlitePath(path);
  let db: BetterSqlite3.Database;
  try {
    db = new Database(path);
  } catch (error) {
    throw sqliteOpenError(path, error);
  }
  try {
    // Switching to WAL and migrating need the lock another process (a second instance starting, a
    // purge) may hold for a moment: wait for it rather than fail the start. The journal-mode switch
    // does not use the busy timeout, so it is retried here.
    db.pragma('busy_timeout = 5000');
    for (const deadline = Date.now() + 5000; ; ) {
      try {
        db.pragma('journal_mode = WAL');
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 25));
      }
    }
    // NORMAL in WAL mode: a commit survives a killed process; only a power cut may lose the last ones.
    db.pragma('synchronous = NORMAL');
    // Deleted rows are overwritten with zeros, not left readable in free space: `forget` relies on it.
    db.pragma('secure_delete = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw sqliteOpenError(path, error);
  }
  const driver = new SqliteDriver(db, path);
  if (path !== ':memory:') {
    driver.checkpointer = await startCheckpointer(path, {
      onFailure: () => {
        if (db.open) db.pragma('wal_autocheckpoint = 1000');
      },
      pauseWrites: (work) => driver.exclusive(work),
      intervalMs: options.checkpointIntervalMs,
      resetFrames: options.walResetFrames,
    });
    // Checkpoints happen on the worker now, never inside a beacon's commit on the event loop.
    if (driver.checkpointer) db.pragma('wal_autocheckpoint = 0');
  }
  return new SqlStorage(driver, options.now);
}
