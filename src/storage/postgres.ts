import type pg from 'pg';
import { loadDriver, type ModuleLoader } from './drivers.js';
import { POSTGRES_MIGRATIONS } from './migrations.js';
import type { ColumnSpec, Sql, SqlDriver, SqlValue } from './sql.js';
import { SqlStorage } from './sql-storage.js';
import type { Storage } from './types.js';

type PgModule = typeof pg;

interface Prepared {
  name?: string;
  text: string;
}

const prepared = new Map<string, Prepared>();
/**
 * `?` → `$1, $2, …` (the storage SQL contains no `?` inside literals), under a statement name:
 * node-postgres then parses and plans each text once per connection instead of on every query,
 * which is most of the server's work for a beacon batch. The texts come from a fixed set (lists
 * grow only up to the batch cap), so the names stay few. `SELECT *` stays unnamed: once another
 * instance's migration adds a column, its prepared plan would fail with "cached plan must not
 * change result type".
 */
function statement(sql: string): Prepared {
  let out = prepared.get(sql);
  if (out === undefined) {
    let i = 0;
    const text = sql.replace(/\?/g, () => `$${++i}`);
    out = /\bSELECT\s+\*/i.test(sql) ? { text } : { name: `mc${prepared.size}`, text };
    prepared.set(sql, out);
  }
  return out;
}

function over(client: pg.Pool | pg.PoolClient): Sql {
  const query = (sql: string, params?: readonly SqlValue[]) =>
    client.query({ ...statement(sql), values: params ? [...params] : [] });
  return {
    all: async <T>(sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rows as T[],
    get: async <T>(sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rowCount ?? 0,
  };
}

class PostgresDriver implements SqlDriver {
  readonly kind = 'postgres' as const;
  readonly forUpdate = ' FOR UPDATE';
  readonly writeConcurrency: number;
  private readonly direct: Sql;

  constructor(
    private readonly pool: pg.Pool,
    poolSize: number,
  ) {
    this.direct = over(pool);
    // Under a large backlog, batches on several connections overlap their round trips; half the
    // pool leaves connections for chat reports and exports arriving meanwhile.
    this.writeConcurrency = Math.max(1, Math.floor(poolSize / 2));
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

  /**
   * All rows travel as one JSON parameter: one statement text whatever the row count (so it is
   * prepared once), and a fraction of the client's work of binding every value on its own.
   */
  async insertMany(table: string, columns: readonly ColumnSpec[], rows: readonly SqlValue[][]): Promise<number[]> {
    const names = columns.map((c) => c[0]).join(', ');
    const sql = `INSERT INTO ${table} (${names}) SELECT ${names} FROM json_to_recordset(?::json) AS r(${columns
      .map(([name, type]) => `${name} ${type}`)
      .join(', ')}) RETURNING id`;
    const records = rows.map((row) => Object.fromEntries(columns.map((c, i) => [c[0], row[i] ?? null])));
    const ids = await this.all<{ id: number | string }>(sql, [JSON.stringify(records)]);
    return ids.map((r) => Number(r.id)).sort((a, b) => a - b);
  }

  /**
   * A session advisory lock on a connection of its own, so it is held across the statements of
   * other connections and released with that connection if the process dies.
   */
  async tryLock(name: string): Promise<(() => Promise<void>) | null> {
    const key = `metrica-chats:${name}`;
    const client = await this.pool.connect();
    let ok = false;
    try {
      ok = (await client.query('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [key])).rows[0]?.ok === true;
    } finally {
      if (!ok) client.release();
    }
    if (!ok) return null;
    // Held for a whole upload: a connection lost meanwhile (a server restart) must not crash the
    // process; the server has then released the lock itself.
    let lost: Error | null = null;
    const onError = (error: Error) => {
      lost = error;
    };
    client.on('error', onError);
    return async () => {
      try {
        if (lost) throw lost;
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
        client.off('error', onError);
        client.release();
      } catch (error) {
        client.off('error', onError);
        // Dropping the connection releases the lock too.
        client.release(error as Error);
      }
    };
  }

  /**
   * The two-key form of the advisory lock, whose key space never meets the one-key form of
   * {@link tryLock}: a hash collision can only make two unrelated names wait for each other.
   */
  async serialize(q: Sql, name: string): Promise<void> {
    await q.get("SELECT pg_advisory_xact_lock(hashtext('metrica-chats'), hashtext(?)) AS locked", [name]);
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
  const poolSize = options.maxConnections ?? 10;
  const pool = new pgModule.Pool({
    connectionString: url,
    max: poolSize,
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
  return new SqlStorage(new PostgresDriver(pool, poolSize), options.now);
}
