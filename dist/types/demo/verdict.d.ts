import type { Storage } from '../storage/index.js';
/** What the demo panel shows about each beacon and each chat, besides the collector's raw reply. */
/** What the collector answered a pairing beacon, for the panel. */
export interface BeaconAnswer {
    at: number;
    status: number;
    meaning: string;
}
export declare const BEACON_ANSWERS: Record<number, string>;
/**
 * The chat the collector stored, with the Metrica IDs it was matched to. The CRM route answers
 * with them; a webhook answers with its chats' IDs only, so the IDs are read from the pairing.
 */
export declare function chatVerdict(answer: unknown, storage: Pick<Storage, 'findPairing'>): Promise<{
    chatId: string | null;
    matched: Record<string, string> | null;
    unattributedReason: string | null;
} | null>;
