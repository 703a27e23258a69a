// Types of postgres-cluster.mjs, for the TypeScript tests and benches that start a cluster.

/** Why a cluster cannot be started here, or null when it can. */
export function postgresUnavailableReason(): string | null;

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, a superuser without a password. */
  url: string;
  /** The cluster's data directory (owned by the postgres user when started as root). */
  dataDir: string;
  stop(): void;
}

/** Starts a throwaway cluster; `settings` are extra server settings (`name=value`). */
export function startPostgresCluster(options?: { settings?: string[] }): Promise<PostgresCluster>;
