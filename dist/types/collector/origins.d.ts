/**
 * The beacon's CORS allow-list: exact origins (`https://example.com`), or `https://*.example.com`
 * for any subdomain (not the bare domain). Origins are compared in their normalized form, so
 * `https://Example.com:443` and `https://example.com` are the same.
 */
/** Normalizes one configured origin; throws naming it when it is not a usable origin. */
export declare function normalizeOrigin(origin: string): string;
/** Compiles the list into a predicate for a request's `Origin` header. */
export declare function originMatcher(allowed: readonly string[]): (origin: string) => boolean;
