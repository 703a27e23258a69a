import type pg from 'pg';
import { SqlStorage } from './core.js';
import { loadDriver, type ModuleLoader } from './drivers.js';
import { POSTGRES_MIGRATIONS } from './migrations.js';
import type { Sql, SqlDriver, SqlValue } from './sql.js';
import type { Storage } from './types.js';

type PgModule = typeof pg;

const numbered = new Map<string, string>();
/** `?` → `$1, $2, …`; the storage SQL contains no `?` inside literals. */
function toDollar(sql: string): string {
  let out = numbered.get(sql);
  if (out === undefined) {
    let i = 0;
    out = sql.replace(/\?/g, () => `$${++i}`);
    numbered.set(sql, out);
  }
  return out;
}

function over(client: pg.Pool | pg.PoolClient): Sql {
  return {
    all: async <T>(sql: string, params?: readonly SqlValue[]) =>
      (await client.query(toDollar(sql), params ? [...params] : [])).rows as T[],
    get: async <T>(sql: string, params?: readonly SqlValue[]) =>
      (await client.query(toDollar(sql), params ? [...params] : [])).rows[0] as T | undefined,
    run: async (sql: string, params?: readonly SqlValue[]) =>
      (await client.query(toDollar(sql), params ? [...params] : [])).rowCount ?? 0,
  };
}

class PostgresDriver implements SqlDriver {
  readonly kind = 'postgres' as const;
  readonly forUpdate = ' FOR UPDATE';
  private readonly direct: Sql;

  constructor(private readonly pool: pg.Pool) {
    this.direct = over(pool);
  }

  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.direct.all<T>(sql, params);
  }
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return this.direct.get<T>(sql, params);
  }
  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.direct.run(sql, params);
  }

  async transaction<T>(fn: (q: Sql) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(over(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Several instances may start at once against one database: one migrates, the others wait.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('metrica-chats schema'))");
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
    );
    const done = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
    );
    for (const m of POSTGRES_MIGRATIONS) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        Date.now(),
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export interface PostgresOptions {
  loader?: ModuleLoader;
  now?: () => number;
  /** Pool size per collector instance; several instances share the server's max_connections. */
  maxConnections?: number;
}

/** Connects a pool to a PostgreSQL database and migrates it. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Storage> {
  const pgModule = await loadDriver<PgModule>('pg', 'A PostgreSQL database', options.loader);
  // Pool options set explicitly: node-postgres' documented defaults and its code have disagreed.
  const pool = new pgModule.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: 'metrica-chats',
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  return new SqlStorage(new PostgresDriver(pool), options.now);
}
