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
export interface ResolvedConfig
  extends Omit<PageConfig, 'counterId' | 'userId' | 'purchaseId' | 'length' | 'lifetimeDays'> {
  counterId?: string;
  userId?: string;
  purchaseId?: string;
  prefix: string;
  length: number;
  lifetimeDays: number;
  bots: string[];
}

/**
 * What each key accepts, as a pattern over its string form (`bots`: its JSON, so that each entry
 * must be a string, not just the list's comma-joined form); the warning quotes the pattern.
 * The chat-ID rules are match/format.ts's `formatProblem` written as patterns (its messages
 * cost too many bytes in the page script); a test keeps the two in agreement.
 */
// UserID and PurchaseID as the collector takes them (domain/metrica-ids.ts): 1 to 100
// characters (code points: the `u` flag), not only spaces, no control or direction-override
// characters, no broken character (a lone surrogate, as in an emoji cut in half, or U+FFFD); a
// pairing with any of these would be refused whole. A test holds the two to the same answers.
const ID = /^(?!\s*$)[^\0-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffd]{1,100}$/u;
export const RULES: Record<string, RegExp> = {
  // No prototype: `constructor` or `toString` in a config is an unknown key, not a lookup of Object's.
  __proto__: null as never,
  endpoint: /^(https?:\/\/[^/?#\s]+|\/(?![/\\]))\S*$/i,
  counterId: /^[1-9]\d{0,11}$/,
  consent: /^(required|granted)$/,
  debug: /^(true|false)$/,
  prefix: /^(?!_tgr_)[\w-]{0,32}$/,
  length: /^([6-9]|[12]\d|3[0-2])$/,
  lifetimeDays: /^[1-9]\d{0,3}$/,
  cookieDomain: /^\.?[a-z\d-]+(\.[a-z\d-]+)+$/i,
  // Telegram usernames: a letter, then letters, digits or `_`; 4 to 32 in all, as rewrite.ts accepts.
  bots: /^\[("[a-z]\w{3,31}",?)*\]$/i,
  // Query parameter names as they are written in the URL.
  keepParams: /^\[("[\w.[\]-]{1,64}",?)*\]$/,
  message: /^(?=[\s\S]*\{id\})[\s\S]{4,500}$/,
  userId: ID,
  purchaseId: ID,
};

/**
 * Checks a raw configuration. Returns it resolved, or a message naming the first bad key and
 * the pattern it must match.
 * @example
 * validateConfig({ endpoint: '/v1/pairings', counterId: 'x' }) // 'counterId: expected /^[1-9]\\d{0,11}$/, got "x"'
 */
export function validateConfig(raw: unknown): ResolvedConfig | string {
  const c: Record<string, unknown> = { prefix: 'CT', length: 8, lifetimeDays: 90, bots: [] };
  if (!(raw && (raw as PageConfig).endpoint)) return 'endpoint: required';
  for (const k in raw) {
    const v = (raw as Record<string, unknown>)[k];
    // A list key's value is judged by its JSON (each entry must be a string); any other key's
    // object would be judged by its string form (`["u-42"]` passes as `u-42`), so it is refused.
    // Only `debug` is a flag: `userId: user && user.id` must not send `false` (the collector refuses it).
    const list = k === 'bots' || k === 'keepParams';
    if (v == null) continue;
    if (
      !RULES[k] ||
      (typeof v === 'object' && !list) ||
      (typeof v === 'boolean' && k !== 'debug') ||
      !RULES[k].test(list ? JSON.stringify(v) : `${v}`)
    ) {
      return `${k}: ${RULES[k] ? `expected ${RULES[k]}, got ${JSON.stringify(v)}` : 'unknown key'}`;
    }
    c[k] = list ? v : `${v}`;
  }
  c.debug = c.debug === 'true';
  c.length = +(c.length as string);
  c.lifetimeDays = +(c.lifetimeDays as string);
  return c as unknown as ResolvedConfig;
}

/** Copies the script tag's `data-` attributes into `config` (they win). `data-debug` with no value means on. */
export function readDataset(config: Record<string, unknown>, d: DOMStringMap): void {
  for (const k of ['endpoint', 'counterId', 'consent', 'debug']) {
    // `data-debug="no"` is judged by validateConfig like any other bad value.
    if (k in d) config[k] = d[k] || (k === 'debug' ? 'true' : '');
  }
}

/** Says what is wrong with the configuration or an API call, always (not only with `debug`). */
export const warn = (message: string): void => console.warn(`[metrica-chats] ${message}`);
