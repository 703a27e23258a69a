/**
 * Sending the pairing. `sendBeacon` survives the page being left for the messenger; a string
 * body goes as text/plain, which needs no CORS preflight. Where sendBeacon is missing, throws
 * or refuses (it returns false over its quota), `fetch` with keepalive does the same job.
 */
/** The pairing beacon body, version 1. Absent fields are left out. */
export interface Pairing {
    v: 1;
    chatId: string;
    clientId?: string;
    yclid?: string;
    userId?: string;
    purchaseId?: string;
    counterId?: string;
    url: string;
    referrer?: string;
    /** The messenger of the link clicked, when one was. */
    platform?: string;
    /** Unix milliseconds. */
    ts: number;
}
/** POSTs the body as text/plain. Throws only when neither way exists. */
export declare function send(endpoint: string, body: string): void;
