import { type ChatIdFormat } from '../match/index.js';
import { type ChatPlatform } from '../shared/conversion.js';
import type { PairingInput } from '../storage/types.js';
type Body = Record<string, unknown>;
/** Validates a pairing beacon (v1). `now` is the collector's clock in Unix ms. */
export declare function parsePairing(body: Body, now: number, format?: ChatIdFormat): PairingInput;
/** A chat as reported by a CRM, an operator or a bot adapter, validated. */
export interface ChatReport {
    platform: ChatPlatform;
    /** Unix seconds. */
    dateTime: number;
    text?: string;
    chatId?: string;
    /** Viber's deep-link `context`: carries the chat ID like a start payload. */
    context?: string;
    chatUsername?: string;
    chatUserId?: string;
    phoneNumber?: string;
    answered?: boolean;
    tags?: string;
    price?: string;
    currency?: string;
    messengerTrackerUrl?: string;
}
/** Checks a DateTime in Unix seconds: an integer, after 2000, not in the future. */
export declare function checkDateTime(v: unknown, nowSeconds: number, field?: string): number;
/** Validates `POST /v1/chats`. `now` is the collector's clock in Unix ms. */
export declare function parseChatReport(body: Body, now: number, format?: ChatIdFormat): ChatReport;
export {};
