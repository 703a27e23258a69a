import { type SqlDriver } from './sql.js';
import type { PairingInput } from './types.js';
/** What the follow-up found for one pairing. */
export interface PairingFollowUp {
    /** Waiting chats it completed. */
    rematched: number;
    /** It carries a ClientID or UserID, and matched chats of its chat ID lack one. */
    upgradable: boolean;
}
export declare function followUpPairings(db: SqlDriver, pairings: PairingInput[], now: () => number): Promise<PairingFollowUp[]>;
