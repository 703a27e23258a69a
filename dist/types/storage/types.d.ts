import type { PartnerKind, PartnerRef } from '../domain/index.js';
import type { ChatPlatform } from '../shared/conversion.js';
import type { PairingBeacon } from '../shared/pairing.js';
import type { Utm } from '../shared/utm.js';
import type { ConversionStore } from './contract.js';
import type { ForgetRequest, Forgotten } from './forget-types.js';
export type { FileCleanup, ForgetRequest, Forgotten } from './forget-types.js';
/** Why a chat is kept without Metrica IDs; stored per chat and counted in the stats. */
export declare const UNATTRIBUTED_REASONS: readonly ["no_chat_id", "chat_id_not_paired", "pairing_without_metrica_id", "several_chat_ids"];
export type UnattributedReason = (typeof UNATTRIBUTED_REASONS)[number];
/**
 * One pairing beacon as stored: a chat ID and the Metrica IDs the page knew at that moment (the
 * page's fields, all but `chatId` optional here), and the time it arrived.
 */
export interface PairingInput extends Omit<PairingBeacon, 'v' | 'url' | 'ts'> {
    url?: string;
    ts?: number;
    /** The bridge link (`/go/NAME`) whose visit made this pairing; absent for the page script's beacons. */
    link?: string;
    /** The UTM parameters of a bridge link's visit. */
    utm?: Utm;
    /** The collector's clock when the beacon arrived, Unix milliseconds; matching uses this one. */
    receivedAt: number;
}
export interface Pairing extends PairingInput {
    id: number;
}
export type { PartnerKind, PartnerRef } from '../domain/index.js';
/** What the collector writes for a chat. Absent optional fields leave the stored value as it was. */
/** A chat's partner IDs by field; absent or null ones are left out of comparisons. */
export interface PartnerIdsOf {
    chatUserId?: string | null;
    chatUsername?: string | null;
    phoneNumber?: string | null;
}
export interface ChatInput {
    /** Unix seconds. */
    dateTime: number;
    platform: ChatPlatform;
    chatUsername?: string;
    chatUserId?: string;
    phoneNumber?: string;
    answered?: boolean;
    /** Comma-separated, as in the CSV. */
    tags?: string;
    /** Decimal with a full stop, as in the CSV. */
    price?: string;
    currency?: string;
    messengerTrackerUrl?: string;
    /** Attribution; when `attribution` is absent the stored one is kept. */
    attribution?: ChatAttribution;
}
/** The one repair a damaged chat ID in the message needed (see `findChatIds` in match/). */
export type ChatIdRepair = 'split' | 'glued';
/** Where a chat's chat ID came from: its own message (or start payload, or Viber context), or an earlier chat of the same partner. */
export type ChatIdSource = 'message' | 'partner';
export interface ChatAttribution {
    chatId: string | null;
    /** Null when there is no chat ID; a chat ID without a source is taken as found in the message. */
    chatIdSource?: ChatIdSource | null;
    clientId?: string;
    userId?: string;
    yclid?: string;
    purchaseId?: string;
    /** The landing page of the pairing. */
    url?: string;
    reason: UnattributedReason | null;
    /** The repair the chat ID found in the message needed; null or absent when it stood intact. */
    repair?: ChatIdRepair | null;
    /** How many different chat IDs the message carried, when it carried any. */
    idCount?: number | null;
}
export interface ChatRow {
    key: string;
    revision: number;
    uploadedRevision: number | null;
    dateTime: number;
    platform: ChatPlatform;
    chatUsername: string | null;
    chatUserId: string | null;
    phoneNumber: string | null;
    answered: boolean | null;
    tags: string | null;
    price: string | null;
    currency: string | null;
    messengerTrackerUrl: string | null;
    chatId: string | null;
    chatIdSource: ChatIdSource | null;
    clientId: string | null;
    userId: string | null;
    yclid: string | null;
    purchaseId: string | null;
    url: string | null;
    unattributedReason: UnattributedReason | null;
    chatIdRepair: ChatIdRepair | null;
    /** How many different chat IDs the message carried (more than one: chosen by their pairings). */
    chatIdCount: number | null;
    /** When a later, fuller pairing of the same page view added Metrica IDs, Unix ms. */
    upgradedAt: number | null;
    /** Unix milliseconds. */
    createdAt: number;
    updatedAt: number;
}
export interface UpsertResult {
    row: ChatRow;
    created: boolean;
    /** False when the call repeated what was stored: the revision stays, nothing is re-uploaded. */
    changed: boolean;
}
/** Counts for a report; `since` (Unix seconds) limits them to chats at or after that DateTime. */
export interface ChatStats {
    chats: number;
    byPlatform: Record<string, number>;
    /** Chats with a chat ID, whatever its source. */
    withChatId: number;
    /** Chats whose own message (or start payload, or Viber context) carried the chat ID. */
    carriedChatId: number;
    /** Chats without the tag that were attributed through an earlier chat of the same partner. */
    linkedByPartner: number;
    matched: number;
    /** Matched chats whose chat ID was found only after a repair (a space typed inside, a word glued on). */
    matchedAfterRepair: number;
    /** Chats whose message carried several chat IDs, one chosen by its pairing. */
    severalIdsResolved: number;
    /** Chats whose message carried several chat IDs and none could be chosen (also in `unattributed`). */
    severalIdsAmbiguous: number;
    /** Matched chats that a later, fuller pairing of the same page view gave more Metrica IDs. */
    upgradedByLaterPairing: number;
    uploaded: number;
    /** Not yet uploaded in their current form (held-back rows included). */
    pending: number;
    /** Pending chats the uploader held back because they break a CHATS rule; sent again once they change. */
    heldBack: number;
    /**
     * Rows Metrica skipped: sent, but not counted in its `line_quantity`, and in how many uploads.
     * Counted over every upload, whatever `since` says (an upload has no single DateTime).
     */
    skippedByMetrica: {
        rows: number;
        uploads: number;
    };
    unattributed: Record<UnattributedReason, number>;
    pairings: number;
    /**
     * Per bridge link name: the visits that stored a pairing (received at or after `since`), and the
     * chats whose chat ID the link made (by DateTime, as above) with how many of them matched.
     */
    byLink: Record<string, LinkStats>;
}
export interface LinkStats {
    visits: number;
    chats: number;
    matched: number;
}
/** Chats of one UTC day, attributed or not (the dashboard's chart). */
export interface ChatsOnDay {
    /** `YYYY-MM-DD`, UTC. */
    day: string;
    attributed: number;
    unattributed: number;
}
/** One recorded upload to Metrica, with the counts Metrica reported once it processed the file. */
export interface UploadRecord {
    uploadId: string;
    counterId: string;
    status: string;
    /** Unix milliseconds. */
    sentAt: number;
    /** Rows the file carried. */
    rowCount: number;
    comment?: string;
    /** Rows Metrica accepted, linked to a visit, and whose visitor it did not find. */
    lineQuantity?: number;
    linkedQuantity?: number;
    userNotFoundQuantity?: number;
}
/** Releases a lock taken with `tryUploadLock`. */
export type ReleaseLock = () => Promise<void>;
/** Full contents, ordered; for backups of small databases and for tests comparing states. */
export interface StorageSnapshot {
    pairings: Pairing[];
    chats: ChatRow[];
    partners: Array<{
        platform: string;
        kind: PartnerKind;
        value: string;
        chatId: string;
        linkedAt: number;
    }>;
    uploads: Array<{
        uploadId: string;
        status: string;
        rowCount: number;
    }>;
}
/** The collector's database, whichever adapter holds it. */
export interface Storage extends ConversionStore {
    readonly kind: 'sqlite' | 'postgres';
    /** One trivial query: resolves when the database answers (health checks). */
    ping(): Promise<void>;
    /**
     * Stores a pairing; resolves once it is committed. Chats already waiting for this chat ID
     * (stored before the beacon arrived) are matched to it in the same transaction. `upgradable`:
     * the pairing carries a ClientID or UserID, and matched chats of its chat ID lack one (what
     * upgradableChats returns), found with one query per batch of beacons.
     */
    insertPairing(pairing: PairingInput): Promise<{
        id: number;
        rematched: number;
        upgradable: boolean;
    }>;
    /** The latest pairing of the chat ID received at or before `at` (Unix ms), else the latest one. */
    findPairing(chatId: string, at: number): Promise<Pairing | null>;
    /** The pairings of the chat ID received from `from` to `to` (Unix ms, both included), oldest first. */
    pairingsBetween(chatId: string, from: number, to: number): Promise<Pairing[]>;
    /** Matched chats of the chat ID that lack a ClientID or a UserID: what a fuller pairing may upgrade. */
    upgradableChats(chatId: string): Promise<ChatRow[]>;
    /**
     * Adds the ClientID and UserID a later pairing of the same page view brought to a matched chat
     * that lacks them, as a new revision (so it is uploaded again under the same Metrica key).
     * Never replaces an ID the chat has. Resolves to the row, or null when nothing changed.
     */
    upgradeChat(key: string, ids: {
        clientId?: string;
        userId?: string;
    }): Promise<ChatRow | null>;
    /** Links each partner identifier to the chat ID as of `at` (Unix ms); a newer link replaces an older one, never the reverse. */
    linkPartner(platform: ChatPlatform, partners: readonly PartnerRef[], chatId: string, at: number): Promise<void>;
    /** The chat ID linked to any of the partner identifiers (the first in the given order that has one). */
    findLinkedChatId(platform: ChatPlatform, partners: readonly PartnerRef[]): Promise<string | null>;
    getChat(key: string): Promise<ChatRow | null>;
    /**
     * The stored chat of this platform and DateTime that shares any partner ID with `ids` (a
     * username compared case-insensitively): the same chat, whichever partner ID came first.
     */
    findSameChat(dateTime: number, platform: ChatPlatform, ids: PartnerIdsOf): Promise<ChatRow | null>;
    /** True when a chat from this partner is stored already (a bot's later messages are not new chats). */
    partnerHasChat(platform: ChatPlatform, partner: PartnerRef): Promise<boolean>;
    /** Inserts or merges the chat under its Metrica key; bumps the revision when anything changed. */
    upsertChat(key: string, input: ChatInput): Promise<UpsertResult>;
    /**
     * Remembers a connector's message (`source` names the connector) with its DateTime (Unix
     * seconds) the first time it is seen, and resolves to the DateTime remembered first. A
     * redelivered or edited message so finds the chat of its first delivery, on any instance, after
     * any restart. Only a hash of the message ID is stored.
     */
    rememberMessage(source: string, messageId: string, dateTime: number): Promise<number>;
    /** Deletes pairings received before `before` (Unix ms); resolves to how many. */
    purgePairings(before: number): Promise<number>;
    /**
     * The retention purge: deletes pairings received before `before` (Unix ms) and forgets the
     * connector messages first seen before then; resolves to how many of each. A platform
     * redelivers a message for days, not months; an edit that comes later still finds its chat by
     * platform, DateTime and partner.
     */
    purgeOlderThan(before: number): Promise<{
        pairings: number;
        webhookMessages: number;
    }>;
    /**
     * Deletes everything stored about one person, in one transaction: the chats with this partner,
     * and every chat, pairing and partner link of the chat IDs those chats or links carry (or of the
     * chat ID given). Upload history keeps no trace of the deleted chats.
     */
    forget(who: ForgetRequest): Promise<Forgotten>;
    chatStats(options?: {
        since?: number;
    }): Promise<ChatStats>;
    /** Chats per UTC day at or after `since` (Unix seconds); days without chats are left out. */
    chatsPerDay(options: {
        since: number;
    }): Promise<ChatsOnDay[]>;
    /** The latest chats at or after `since`, newest first. */
    recentChats(options: {
        since: number;
        limit: number;
    }): Promise<ChatRow[]>;
    /** The latest uploads, newest first. */
    uploadHistory(options: {
        limit: number;
    }): Promise<UploadRecord[]>;
    /**
     * Takes the upload lock, shared by every collector on this database (PostgreSQL: an advisory
     * lock; SQLite: a lock file beside the database), or resolves to null while another holds it.
     */
    tryUploadLock(): Promise<ReleaseLock | null>;
    snapshot(): Promise<StorageSnapshot>;
}
