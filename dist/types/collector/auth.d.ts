import type { IncomingMessage } from 'node:http';
export declare function secretMatcher(secrets: readonly string[]): (candidate: string) => boolean;
/**
 * The check of `Authorization: Bearer <key>`: 401 (with `WWW-Authenticate`) without the header,
 * 403 for a key not accepted (every key, when none is configured).
 */
export declare function bearerAuthorizer(keys: readonly string[]): (req: IncomingMessage) => void;
