import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors.js';

/**
 * Secrets (API keys, the webhook path secret) are compared as SHA-256 digests with
 * timingSafeEqual: equal-length inputs, so neither the length nor the first differing byte of a
 * key leaks through response timing. Every key is compared, with no early exit.
 */
const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

export function secretMatcher(secrets: readonly string[]): (candidate: string) => boolean {
  const digests = secrets.filter((s) => s.length > 0).map(digest);
  return (candidate: string): boolean => {
    const d = digest(candidate);
    let ok = false;
    for (const k of digests) ok = timingSafeEqual(k, d) || ok;
    return ok;
  };
}

/**
 * The check of `Authorization: Bearer <key>`: 401 (with `WWW-Authenticate`) without the header,
 * 403 for a key not accepted (every key, when none is configured).
 */
export function bearerAuthorizer(keys: readonly string[]): (req: IncomingMessage) => void {
  const keyAccepted = secretMatcher(keys);
  const hasKeys = keys.some((k) => k.length > 0);
  return (req) => {
    const header = req.headers.authorization;
    const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!m) {
      throw new HttpError(401, 'Authorization: Bearer <key> is required', 'Authorization', {
        'WWW-Authenticate': 'Bearer',
      });
    }
    if (!hasKeys || !keyAccepted(m[1] as string)) throw new HttpError(403, 'API key not accepted', 'Authorization');
  };
}

/** The challenge a browser answers with its login prompt. */
export const BASIC_CHALLENGE = 'Basic realm="metrica-chats dashboard", charset="UTF-8"';

/**
 * The check of `Authorization: Basic` for the dashboard, where the password is one of the API
 * keys and the user name is anything: 401 with the challenge otherwise (never 403, so the browser
 * asks again rather than showing an error page).
 */
export function basicAuthorizer(keys: readonly string[]): (req: IncomingMessage) => void {
  const keyAccepted = secretMatcher(keys);
  const hasKeys = keys.some((k) => k.length > 0);
  return (req) => {
    const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.headers.authorization ?? '');
    const decoded = m ? Buffer.from(m[1] as string, 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const password = colon >= 0 ? decoded.slice(colon + 1) : '';
    if (!hasKeys || !password || !keyAccepted(password)) {
      throw new HttpError(
        401,
        hasKeys ? 'the dashboard needs an API key as the password' : 'the dashboard is off: set METRICA_CHATS_API_KEYS',
        'Authorization',
        { 'WWW-Authenticate': BASIC_CHALLENGE },
      );
    }
  };
}
