import type { SqlDriver } from './sql.js';
import type { PairingInput } from './types.js';
/** Chats waiting for a pairing with IDs (the partial index chats_chat_id holds them). */
export declare const WAITING = "unattributed_reason IS NOT NULL AND unattributed_reason IN ('chat_id_not_paired', 'pairing_without_metrica_id')";
/**
 * Chats that arrived before their beacon wait unattributed; a pairing with IDs completes them.
 * `waitingIds`: the chat IDs that have such chats (see pairing-follow-up.ts). Resolves to how
 * many chats each pairing completed, by position in `pairings`.
 */
export declare function completeWaitingChats(db: SqlDriver, pairings: PairingInput[], waitingIds: ReadonlySet<string>, now: () => number): Promise<number[]>;
