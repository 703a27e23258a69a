import { type ChatIdFormat } from '../match/index.js';
import type { ChatInput, PairingInput } from '../storage/types.js';
type Body = Record<string, unknown>;
/** Validates a pairing beacon (v1). `now` is the collector's clock in Unix ms. */
export declare function parsePairing(body: Body, now: number, format?: ChatIdFormat): PairingInput;
/**
 * A chat as reported by a CRM, an operator or a bot adapter, validated: the stored chat's fields
 * (without the attribution, which the collector works out) plus what carries the chat ID.
 */
export interface ChatReport extends Omit<ChatInput, 'attribution'> {
    text?: string;
    chatId?: string;
    /** Viber's deep-link `context`: carries the chat ID like a start payload. */
    context?: string;
}
/** Checks a DateTime in Unix seconds (the domain's rule): an integer, after 2000, not in the future. */
export declare function checkDateTime(v: unknown, nowSeconds: number, field?: string): number;
/** Validates `POST /v1/chats`. `now` is the collector's clock in Unix ms. */
export declare function parseChatReport(body: Body, now: number, format?: ChatIdFormat): ChatReport;
export {};
