import type { FileCleanup } from './forget-types.js';
import type { Sql, SqlDriver } from './sql.js';

/** The tables `forget` deletes from: the ones whose files must not keep the deleted rows. */
const PERSONAL_TABLES = ['chats', 'pairings', 'partners', 'upload_rows'] as const;

/** PostgreSQL's error code for a missing privilege. */
const INSUFFICIENT_PRIVILEGE = '42501';

const isPrivilegeError = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === INSUFFICIENT_PRIVILEGE;

/**
 * After the DELETE, SQLite still has the old pages in its write-ahead log. Deleted content in the
 * database file itself is already zeroed (`secure_delete`, set when the file is opened), so a
 * truncating checkpoint leaves no copy. A reader can keep the checkpoint from finishing (busy = 1).
 */
export async function cleanSqliteFiles(db: Sql): Promise<FileCleanup> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const [result] = await db.all<{ busy: number | string }>('PRAGMA wal_checkpoint(TRUNCATE)');
    if (!result || Number(result.busy) === 0) {
      return {
        done: ['deleted content overwritten with zeros (secure_delete)', 'write-ahead log checkpointed and truncated'],
        skipped: [],
        remaining: ['backups and copies of the database file made before'],
      };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    done: ['deleted content overwritten with zeros (secure_delete)'],
    skipped: [
      'truncating the write-ahead log: a reader kept it busy for 2.5 s, so the -wal file may still hold the ' +
        'deleted rows until the next checkpoint; run forget again when the database is quiet',
    ],
    remaining: ['backups and copies of the database file made before'],
  };
}

/**
 * PostgreSQL keeps deleted rows in four places after the DELETE commits: the table and index
 * files (until rewritten), the statistics ANALYZE sampled (`pg_statistic`: most common values and
 * histogram bounds are column values), and the write-ahead log (the INSERTs, and the full-page
 * images the DELETE wrote). This does the most a role can: rewrite the tables, re-sample their
 * statistics and rewrite `pg_statistic`, then move the redo point past the WAL segments holding
 * the old rows (checkpoint, switch segment, checkpoint) so PostgreSQL removes them. A step the role
 * may not take is skipped and said, never an error: the rows are gone already.
 */
export async function cleanPostgresFiles(db: SqlDriver): Promise<FileCleanup> {
  const out: FileCleanup = { done: [], skipped: [], remaining: [] };
  // VACUUM skips a table it may not vacuum with only a warning, so ask first. Owners may; so may
  // the database's owner, except for shared catalogs (pg_statistic is not shared).
  const rights = await db.all<{ name: string; may: boolean }>(
    `SELECT c.relname AS name, pg_has_role(c.relowner, 'USAGE') OR pg_has_role(d.datdba, 'USAGE') AS may
       FROM pg_class c JOIN pg_database d ON d.datname = current_database()
      WHERE c.oid IN (${PERSONAL_TABLES.map((t) => `'${t}'::regclass`).join(', ')}, 'pg_catalog.pg_statistic'::regclass)`,
  );
  const may = new Map(rights.map((r) => [r.name, r.may === true]));
  const tables = PERSONAL_TABLES.filter((t) => may.get(t));
  const refused = PERSONAL_TABLES.filter((t) => !may.get(t));
  if (tables.length > 0) {
    // FULL writes new table and index files (the old ones are emptied at commit); ANALYZE then
    // samples only the rows left, replacing statistics that may hold the person's values.
    await db.run(`VACUUM (FULL, ANALYZE) ${tables.join(', ')}`);
    out.done.push(`tables rewritten and their statistics re-sampled (VACUUM FULL ANALYZE ${tables.join(', ')})`);
  }
  if (refused.length > 0) {
    out.skipped.push(
      `rewriting ${refused.join(', ')}: only their owner or the database owner may VACUUM them; ` +
        `their files keep the deleted rows until the owner runs VACUUM FULL ${refused.join(', ')}`,
    );
  }
  await forgetStatisticsOfEmptyTables(db, tables, out);
  if (may.get('pg_statistic')) {
    // ANALYZE updated pg_statistic in place: the old statistics rows are dead but still in its file.
    await db.run('VACUUM FULL pg_catalog.pg_statistic');
    out.done.push('pg_statistic rewritten (VACUUM FULL), so replaced statistics leave no copy');
  } else {
    out.skipped.push(
      'rewriting pg_statistic: only a superuser or the database owner may; the statistics replaced by ANALYZE stay in its file until then',
    );
  }
  await moveWalPastTheDeletion(db, out);
  await notePostgresSettings(db, out);
  out.remaining.push('WAL archives, replicas and backups made before: they keep their own copies until they expire');
  return out;
}

/**
 * ANALYZE of an empty table keeps the statistics it had, which hold sampled values of rows now
 * deleted. There is no command to drop them before PostgreSQL 18; a superuser may delete them.
 */
async function forgetStatisticsOfEmptyTables(db: Sql, tables: readonly string[], out: FileCleanup): Promise<void> {
  const empty: string[] = [];
  for (const t of tables) {
    const stats = await db.get<{ n: number | string }>(
      `SELECT count(*) AS n FROM pg_catalog.pg_stats WHERE schemaname = current_schema() AND tablename = '${t}'`,
    );
    if (Number(stats?.n ?? 0) === 0) continue;
    if ((await db.get(`SELECT 1 AS x FROM ${t} LIMIT 1`)) === undefined) empty.push(t);
  }
  if (empty.length === 0) return;
  const superuser = await db.get<{ yes: boolean }>(
    'SELECT rolsuper AS yes FROM pg_catalog.pg_roles WHERE rolname = current_user',
  );
  const list = empty.map((t) => `'${t}'::regclass`).join(', ');
  if (superuser?.yes === true) {
    await db.run(
      `DELETE FROM pg_catalog.pg_statistic WHERE starelid IN (${list})
          OR starelid IN (SELECT indexrelid FROM pg_catalog.pg_index WHERE indrelid IN (${list}))`,
    );
    out.done.push(`statistics of the now empty ${empty.join(', ')} deleted (ANALYZE keeps those of an empty table)`);
  } else {
    out.skipped.push(
      `deleting the statistics of the now empty ${empty.join(', ')}: ANALYZE keeps those of an empty table and only a ` +
        'superuser may delete them; they hold sampled values until the table has rows again and is analyzed',
    );
  }
}

/**
 * A checkpoint moves the redo point to now; a segment switch closes the segment holding the
 * deletion; a second checkpoint moves the redo point into the new segment, and every older one is
 * removed (or, with wal_recycle on, renamed for reuse with its bytes still in it).
 */
async function moveWalPastTheDeletion(db: Sql, out: FileCleanup): Promise<void> {
  const checkpoint = {
    sql: 'CHECKPOINT',
    name: 'CHECKPOINT',
    needs: 'a superuser or a member of pg_checkpoint (PostgreSQL 15 and later): GRANT pg_checkpoint TO <role>',
  };
  const steps = [
    checkpoint,
    {
      sql: 'SELECT pg_catalog.pg_switch_wal() AS lsn',
      name: 'pg_switch_wal()',
      needs: 'a superuser or: GRANT EXECUTE ON FUNCTION pg_catalog.pg_switch_wal() TO <role>, run in this database',
    },
    checkpoint,
  ];
  const ran: string[] = [];
  const refused = new Set<string>();
  for (const step of steps) {
    if (refused.has(step.name)) continue;
    try {
      await db.run(step.sql);
      ran.push(step.name);
    } catch (error) {
      if (!isPrivilegeError(error)) throw error;
      refused.add(step.name);
      out.skipped.push(`${step.name}: the role lacks the privilege, it needs ${step.needs}`);
    }
  }
  if (ran.length === steps.length) {
    out.done.push('WAL segments holding the deleted rows retired (CHECKPOINT, pg_switch_wal(), CHECKPOINT)');
  } else {
    out.remaining.push(
      'pg_wal: the segments holding the deleted rows stay until later checkpoints retire them (checkpoint_timeout, 5 minutes by default, and a segment switch)',
    );
  }
}

/** Settings under which PostgreSQL keeps WAL copies that no command of a role can remove. */
async function notePostgresSettings(db: Sql, out: FileCleanup): Promise<void> {
  const settings = new Map(
    (
      await db.all<{ name: string; setting: string }>(
        "SELECT name, setting FROM pg_catalog.pg_settings WHERE name IN ('wal_recycle', 'archive_mode', 'wal_keep_size')",
      )
    ).map((s) => [s.name, s.setting]),
  );
  if (settings.get('wal_recycle') !== 'off') {
    out.remaining.push(
      'pg_wal: wal_recycle is on, so retired segments are renamed for reuse and keep their bytes until overwritten; set wal_recycle = off',
    );
  }
  if (settings.has('archive_mode') && settings.get('archive_mode') !== 'off') {
    out.remaining.push(`the WAL archive (archive_mode = ${settings.get('archive_mode')}) keeps the segments it copied`);
  }
  const keep = Number(settings.get('wal_keep_size') ?? 0);
  const slots = await db.get<{ n: number | string }>('SELECT count(*) AS n FROM pg_catalog.pg_replication_slots');
  if (keep > 0 || Number(slots?.n ?? 0) > 0) {
    out.remaining.push('pg_wal keeps older segments for replicas (wal_keep_size or replication slots)');
  }
}
