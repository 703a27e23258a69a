/**
 * The running page script: holds the visitor's IDs, rewrites links, sends the pairing.
 * Every way in from the page (events, observer, wrapped browser functions, Metrica callbacks,
 * API calls) goes through `guard`, so nothing thrown here reaches the host page; a failed
 * rewrite leaves the link as it was.
 */
import { type ResolvedConfig } from './config.js';
/** The API on `window.MetricaChats` and returned by `init()`. */
export interface MetricaChatsApi {
    /** The visitor's chat ID; empty before consent or when the script is off. */
    getChatId(): string;
    /** The URL with the chat ID written in when it is a messenger link; any other URL as given. */
    decorate(url: string): string;
    /** Sets the Metrica UserID sent with the pairing. */
    setUserId(id: string | number): void;
    /** Sets the Metrica PurchaseID sent with the pairing. */
    setPurchaseId(id: string | number): void;
    /** Gives consent (for `consent: 'required'`): storage, rewriting and beacons start now. */
    grantConsent(): void;
    /** Rewrites every link in the document now. */
    scan(): void;
}
/**
 * Starts the script with a validated configuration, or, given none, returns an API that does
 * nothing (for an invalid configuration).
 */
export declare function start(config?: ResolvedConfig): MetricaChatsApi;
