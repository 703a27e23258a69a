import type { IncomingMessage } from 'node:http';
export declare function secretMatcher(secrets: readonly string[]): (candidate: string) => boolean;
/**
 * The check of `Authorization: Bearer <key>`: 401 (with `WWW-Authenticate`) without the header,
 * 403 for a key not accepted (every key, when none is configured).
 */
export declare function bearerAuthorizer(keys: readonly string[]): (req: IncomingMessage) => void;
/** The challenge a browser answers with its login prompt. */
export declare const BASIC_CHALLENGE = "Basic realm=\"metrica-chats dashboard\", charset=\"UTF-8\"";
/**
 * The check of `Authorization: Basic` for the dashboard, where the password is one of the API
 * keys and the user name is anything: 401 with the challenge otherwise (never 403, so the browser
 * asks again rather than showing an error page).
 */
export declare function basicAuthorizer(keys: readonly string[]): (req: IncomingMessage) => void;
