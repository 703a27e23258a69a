import type { ColumnSpec, SqlValue } from './sql.js';
import type { Pairing, PairingInput } from './types.js';
/** A `pairings` row as the database returns it (PostgreSQL bigints may come back as strings). */
export interface PairingColumns {
    id: number | string;
    chat_id: string;
    client_id: string | null;
    yclid: string | null;
    user_id: string | null;
    purchase_id: string | null;
    counter_id: string | null;
    url: string | null;
    referrer: string | null;
    platform: string | null;
    ts: number | string | null;
    received_at: number | string;
    link: string | null;
    utm_source: string | null;
    utm_medium: string | null;
    utm_campaign: string | null;
    utm_content: string | null;
    utm_term: string | null;
}
export declare function pairingFromColumns(c: PairingColumns): Pairing;
/** The columns a new pairing fills, in the order of {@link pairingValues}. */
export declare const PAIRING_INSERT_COLUMNS: readonly ColumnSpec[];
export declare const orNull: (x: string | number | undefined) => SqlValue;
export declare function pairingValues(p: PairingInput): SqlValue[];
