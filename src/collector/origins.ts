/**
 * The beacon's CORS allow-list: exact origins (`https://example.com`), or `https://*.example.com`
 * for any subdomain (not the bare domain). Origins are compared in their normalized form, so
 * `https://Example.com:443` and `https://example.com` are the same.
 */

/** Normalizes one configured origin; throws naming it when it is not a usable origin. */
export function normalizeOrigin(origin: string): string {
  const wildcard = origin.includes('://*.');
  const probe = wildcard ? origin.replace('://*.', '://wildcard.') : origin;
  let u: URL;
  try {
    u = new URL(probe);
  } catch {
    throw new Error(`allowed origin ${JSON.stringify(origin)} is not an origin like https://example.com`);
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.pathname !== '/' || u.search || u.hash || u.username) {
    throw new Error(
      `allowed origin ${JSON.stringify(origin)} must be scheme://host[:port] with no path, like https://example.com`,
    );
  }
  if (/\/./.test(origin.replace(/^[a-z]+:\/\//i, ''))) {
    throw new Error(`allowed origin ${JSON.stringify(origin)} must not have a path`);
  }
  // `https://*.com` would let every site on a top-level domain send beacons: a wildcard needs a
  // registered domain under it (two labels at least; a public suffix such as co.uk is not known here).
  if (wildcard && u.hostname.split('.').length < 3) {
    throw new Error(
      `allowed origin ${JSON.stringify(origin)} is too broad: a wildcard must cover one domain's subdomains, like https://*.example.com`,
    );
  }
  return wildcard ? u.origin.replace('://wildcard.', '://*.') : u.origin;
}

/** Compiles the list into a predicate for a request's `Origin` header. */
export function originMatcher(allowed: readonly string[]): (origin: string) => boolean {
  const exact = new Set<string>();
  const suffixes: Array<{ scheme: string; suffix: string }> = [];
  for (const raw of allowed) {
    const o = normalizeOrigin(raw.trim());
    if (o.includes('://*.')) {
      const [scheme, rest] = o.split('://*') as [string, string];
      suffixes.push({ scheme: `${scheme}://`, suffix: rest });
    } else exact.add(o);
  }
  return (origin: string): boolean => {
    let o: string;
    try {
      o = new URL(origin).origin;
    } catch {
      return false;
    }
    if (o === 'null') return false;
    if (exact.has(o)) return true;
    return suffixes.some(({ scheme, suffix }) => {
      if (!o.startsWith(scheme)) return false;
      const host = o.slice(scheme.length);
      // `.example.com` must be preceded by a non-empty label: `evil-example.com` does not match.
      return host.endsWith(suffix) && host.length > suffix.length;
    });
  };
}
