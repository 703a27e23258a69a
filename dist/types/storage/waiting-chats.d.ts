import { type SqlDriver } from './sql.js';
import type { PairingInput } from './types.js';
/**
 * Chats that arrived before their beacon wait unattributed; a pairing with IDs completes them.
 * Resolves to how many chats each pairing completed, by position in `pairings`.
 */
export declare function completeWaitingChats(db: SqlDriver, pairings: PairingInput[], now: () => number): Promise<number[]>;
