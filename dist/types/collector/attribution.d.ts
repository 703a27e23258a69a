import { SAME_VISIT_MS } from '../domain/visit.js';
import { type ChatIdCandidate, type ChatIdFormat } from '../match/index.js';
import type { ChatAttribution, ChatIdSource, ChatInput, ChatRow, Pairing, PairingInput, PartnerRef, UnattributedReason } from '../storage/types.js';
import type { ChatReport } from './validate.js';
/**
 * The attribution decision, pure: given what the chat says and what the database holds, which chat
 * ID it has, which pairing attributes it, and what is stored. `attribute.ts` does the lookups.
 */
/**
 * Every chat ID a chat carries, from the first place that has any, in order of trust: given
 * explicitly, a Telegram `/start <payload>`, Viber's `context`, or the first message's text.
 */
export declare function findChatIdCandidates(report: Pick<ChatReport, 'chatId' | 'text' | 'context'>, format?: ChatIdFormat): ChatIdCandidate[];
/** The single chat ID a chat carries, or null when it carries none or several. */
export declare function findChatId(report: Pick<ChatReport, 'chatId' | 'text' | 'context'>, format?: ChatIdFormat): string | null;
/** A chat ID the message carried, with its latest pairing at or before the chat (else its latest one). */
export interface PairedCandidate extends ChatIdCandidate {
    pairing: Pairing | null;
}
/**
 * Chooses between several chat IDs in one message (a forwarded or pasted message carries someone
 * else's tag beside the visitor's own): the only one that has a pairing; if several do, the one
 * whose page view is latest before the chat, which is the visit the chat came from. Null when that
 * is still not clear (no pairing at all, several only after the chat, or two page views at the
 * same moment): the chat stays unattributed rather than credited to a guess.
 */
export declare function chooseAmongCandidates(candidates: readonly PairedCandidate[], cutoff: number): PairedCandidate | null;
export { SAME_VISIT_MS };
type CreditedIds = Partial<Record<'clientId' | 'userId' | 'yclid' | 'purchaseId', string | null>>;
/**
 * The Metrica IDs a later, fuller pairing of the same page view adds to a matched chat, or null.
 * The Metrica tag may load late or be blocked at first, so the first beacon carries only the
 * yclid; the same page view's next beacon adds the ClientID (and a site may set the UserID after
 * a login). A later pairing upgrades the chat only when it is within {@link SAME_VISIT_MS} of
 * the pairing the chat was matched with, carries every ID the chat was credited with unchanged,
 * and brings no yclid or PurchaseID the chat lacks (those name another ad click or purchase). It
 * adds a ClientID or UserID and never replaces one; the latest such pairing wins.
 */
export declare function upgradeOf(chat: CreditedIds, matchedWith: Pick<Pairing, 'receivedAt'> | null, later: ReadonlyArray<Omit<PairingInput, 'chatId'>>): {
    clientId?: string;
    userId?: string;
} | null;
/** What `POST /v1/chats` and the webhooks answer. */
export interface ChatResult {
    key: string;
    revision: number;
    created: boolean;
    changed: boolean;
    chatId: string | null;
    matched: {
        clientId?: string;
        userId?: string;
        yclid?: string;
        purchaseId?: string;
    } | null;
    unattributedReason: UnattributedReason | null;
}
/** A Viber display name is not unique, so it never carries a partner link. */
export declare const linkablePartners: (platform: string, partners: PartnerRef[]) => PartnerRef[];
/**
 * The chat's chat ID and where it came from: found in the chat; else the one the stored chat
 * already has (a CRM adding `answered` keeps it, though the partner may be linked to a newer one
 * since); else the one linked to the partner earlier.
 */
export declare function chooseChatId(found: string | null, existing: Pick<ChatRow, 'chatId' | 'chatIdSource'> | null, linked: string | null): {
    chatId: string | null;
    chatIdSource: ChatIdSource | null;
};
/** The latest pairing at or before a chat's time (DateTime has whole seconds, so up to its last ms). */
export declare const pairingCutoff: (dateTime: number) => number;
/** The attribution a chat ID and its pairing (if any) give, or why there is none. */
export declare function attributionOf(chatId: string | null, chatIdSource: ChatIdSource | null, pairing: Pairing | null): ChatAttribution;
/**
 * A later report without an ID keeps a matched chat's attribution as it is (its pairing may be
 * purged by now), and never downgrades a chat that has a chat ID.
 */
export declare function keepsStoredAttribution(existing: Pick<ChatRow, 'chatId' | 'unattributedReason'> | null, attribution: Pick<ChatAttribution, 'reason'>): boolean;
/** What is written for the report: its fields, and the attribution unless the stored one stays. */
export declare function chatInputOf(report: ChatReport, attribution: ChatAttribution | null): ChatInput;
/** A stored chat with a chat ID that still waits for its pairing's Metrica IDs. */
export declare const awaitsPairing: (row: Pick<ChatRow, "chatId" | "unattributedReason">) => boolean;
/** The answer for a stored chat. */
export declare function chatResultOf(row: ChatRow, created: boolean, changed: boolean): ChatResult;
