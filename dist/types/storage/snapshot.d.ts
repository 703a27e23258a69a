import { type Sql } from './sql.js';
import type { StorageSnapshot } from './types.js';
/** Everything stored, in a stable order: what the tests compare. */
export declare function snapshotOf(db: Sql): Promise<StorageSnapshot>;
