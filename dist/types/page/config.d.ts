/**
 * Validating the page script's configuration. A typo in a key or a value must not half-work
 * (a misspelt `counterID` would silently lose every ClientID), so anything unexpected is
 * reported by name and the script then does nothing at all.
 */
export interface PageConfig {
    /** Where pairings are sent: absolute http(s) URL or a root-relative path. Required. */
    endpoint: string;
    /** Yandex Metrica counter ID (digits). Needed to ask the Metrica tag for the ClientID. */
    counterId?: string | number;
    /** `required`: nothing is stored, sent or rewritten before `grantConsent()`. Default `granted`. */
    consent?: 'required' | 'granted';
    /** Logs what the script does to the console. */
    debug?: boolean;
    /** Chat-ID prefix, default `CT`. */
    prefix?: string;
    /** Random characters after the prefix, 6 to 32; default 8. */
    length?: number;
    /** How long the chat ID is kept, in days; default 90. */
    lifetimeDays?: number;
    /** Cookie domain, e.g. `.example.com` to share the chat ID across subdomains. */
    cookieDomain?: string;
    /** Telegram bot usernames that do not end in `bot`. */
    bots?: string[];
    /** First-message template with `{id}` and optionally `{text}` (the link's own pre-filled text). */
    message?: string;
    /** Metrica UserID. */
    userId?: string | number;
    /** Metrica PurchaseID. */
    purchaseId?: string | number;
    /**
     * The only query parameters kept in the page URL and referrer that a pairing carries, e.g.
     * `['utm_source', 'utm_campaign']` (an empty list keeps none). Default: the whole query string.
     */
    keepParams?: string[];
}
/** The configuration after validation, with defaults applied. */
export interface ResolvedConfig extends Omit<PageConfig, 'counterId' | 'userId' | 'purchaseId' | 'length' | 'lifetimeDays'> {
    counterId?: string;
    userId?: string;
    purchaseId?: string;
    prefix: string;
    length: number;
    lifetimeDays: number;
    bots: string[];
}
export declare const RULES: Record<string, RegExp>;
/**
 * Checks a raw configuration. Returns it resolved, or a message naming the first bad key and
 * the pattern it must match.
 * @example
 * validateConfig({ endpoint: '/v1/pairings', counterId: 'x' }) // 'counterId: expected /^[1-9]\\d{0,11}$/, got "x"'
 */
export declare function validateConfig(raw: unknown): ResolvedConfig | string;
/** Copies the script tag's `data-` attributes into `config` (they win). `data-debug` with no value means on. */
export declare function readDataset(config: Record<string, unknown>, d: DOMStringMap): void;
/** Says what is wrong with the configuration or an API call, always (not only with `debug`). */
export declare const warn: (message: string) => void;
