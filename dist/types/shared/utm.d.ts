/**
 * The UTM parameters of a visit: what a bridge link reads from its query and the collector stores
 * with the pairing, so that chats can be counted by source, medium and campaign.
 */
export declare const UTM_KEYS: readonly ["utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term"];
export type UtmKey = (typeof UTM_KEYS)[number];
/** The UTM parameters present; an absent one is left out. */
export type Utm = Partial<Record<UtmKey, string>>;
