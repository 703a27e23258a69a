import { createHash, timingSafeEqual } from 'node:crypto';

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

/** Splits a comma-separated secret list from the environment, dropping blanks. */
export const splitList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
