// Long file: one check run with its steps in the order a visitor's browser meets them, and the
// probe of each step below it; the probes can move to their own file when a step is added.
import { validateConfig } from '../page/config.js';
import type { BlockedBy } from './filters.js';
import { decodeTagManagerContainer, type Installation, scanPage } from './find.js';

/**
 * The installation check: fetches a page as a visitor's browser would (redirects followed), finds
 * the page script and its configuration, then asks each part whether it would work. One line per
 * question, each with what to do when it fails; nothing is written to the collector (the
 * endpoint is asked with CORS preflights, which store nothing).
 */

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckLine {
  id: 'page' | 'script' | 'config' | 'endpoint' | 'cors' | 'filters';
  status: CheckStatus;
  /** What was checked, e.g. "Script file loads". */
  title: string;
  /** What was found: the URL, the status, the problem. */
  detail: string;
  /** What to do, when the line failed. */
  fix?: string;
}

export interface CheckReport {
  /** The page asked for, and where the redirects ended. */
  pageUrl: string;
  finalUrl: string | null;
  installation: Installation | null;
  lines: CheckLine[];
  /** True when every line passed. */
  ok: boolean;
}

export interface CheckOptions {
  /** The blockers' verdicts; its loading error becomes the filter line's failure. */
  filters: () => Promise<BlockedBy>;
  /** Per request. Default 10 s. */
  timeoutMs?: number;
  /** How many external scripts of the page to open when looking for a renamed script file. Default 10. */
  maxScriptsOpened?: number;
}

const USER_AGENT = 'metrica-chats-check (+https://www.npmjs.com/package/metrica-chats)';
/** What only the page script's own file contains: its global and its config's name. */
const SCRIPT_MARKER = /MetricaChats/;

/** A network failure in words: the system error (ECONNREFUSED, ENOTFOUND…) rather than "fetch failed". */
function networkProblem(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return 'no answer in time';
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}

async function get(url: string, timeoutMs: number, init: RequestInit = {}): Promise<Response> {
  return fetch(url, {
    redirect: 'follow',
    ...init,
    headers: { 'User-Agent': USER_AGENT, ...(init.headers as Record<string, string>) },
    signal: AbortSignal.timeout(timeoutMs),
  });
}

const skip = (id: CheckLine['id'], title: string, why: string): CheckLine => ({
  id,
  status: 'skip',
  title,
  detail: why,
});

const TITLES = {
  page: 'Page loads and has the script',
  script: 'Script file loads',
  config: 'Configuration is valid',
  endpoint: 'Collector endpoint answers',
  cors: "Collector allows the page's origin",
  filters: 'Not on the content blockers’ lists',
} as const;

const TAG_EXAMPLE =
  '<script async src="/js/metrica-chats.min.js" data-endpoint="https://collect.example.com/v1/pairings" data-counter-id="12345678"></script>';

/** Runs the check on one page. Never throws for what it finds; only a malformed `pageUrl` throws. */
export async function checkInstallation(pageUrl: string, options: CheckOptions): Promise<CheckReport> {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    throw new TypeError(
      `the page URL must be absolute, like https://example.com/landing; got ${JSON.stringify(pageUrl)}`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`the page URL must start with http:// or https://; got ${JSON.stringify(pageUrl)}`);
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  const lines: CheckLine[] = [];
  const report = (installation: Installation | null, finalUrl: string | null): CheckReport => ({
    pageUrl: url.href,
    finalUrl,
    installation,
    lines,
    ok: lines.every((l) => l.status === 'pass'),
  });
  const skipRest = (why: string) => {
    for (const id of ['script', 'config', 'endpoint', 'cors', 'filters'] as const) {
      if (!lines.some((l) => l.id === id)) lines.push(skip(id, TITLES[id], why));
    }
  };

  // 1. The page, as the visitor gets it.
  let html: string;
  let finalUrl: string;
  try {
    const res = await get(url.href, timeoutMs, { headers: { Accept: 'text/html' } });
    finalUrl = res.url || url.href;
    html = await res.text();
    if (!res.ok) {
      lines.push({
        id: 'page',
        status: 'fail',
        title: TITLES.page,
        detail: `${finalUrl} answered HTTP ${res.status}`,
        fix: 'Check the address: give the URL of a page visitors open, as it is published.',
      });
      skipRest('the page did not load');
      return report(null, finalUrl);
    }
  } catch (error) {
    lines.push({
      id: 'page',
      status: 'fail',
      title: TITLES.page,
      detail: `${url.href} could not be fetched: ${networkProblem(error)}`,
      fix: 'Check the address and that the site is reachable from here.',
    });
    skipRest('the page did not load');
    return report(null, null);
  }
  const pageOrigin = new URL(finalUrl).origin;
  const scan = scanPage(html, finalUrl);
  let installation = scan.installation;
  // A loader pasted into Google Tag Manager lives in the container's code, not in the page.
  for (const container of installation ? [] : scan.tagManagerScripts) {
    try {
      const res = await get(container, timeoutMs);
      if (!res.ok) continue;
      const found = scanPage(decodeTagManagerContainer(await res.text()), finalUrl).installation;
      if (found) {
        installation = found;
        break;
      }
    } catch {
      // An unreachable container is reported as "not found" below, with the page's own findings.
    }
  }
  // A renamed file configured through MetricaChatsConfig: one of the page's scripts carries the marker.
  if (!installation && scan.inlineConfig) {
    for (const src of scan.externalScripts.slice(0, options.maxScriptsOpened ?? 10)) {
      try {
        const res = await get(src, timeoutMs);
        if (res.ok && SCRIPT_MARKER.test(await res.text())) {
          installation = {
            via: 'script tag',
            scriptUrl: src,
            config: scan.inlineConfig.config,
            ...(scan.inlineConfig.problem ? { configProblem: scan.inlineConfig.problem } : {}),
          };
          break;
        }
      } catch {}
    }
  }
  if (!installation) {
    const redirected = finalUrl !== url.href ? ` (redirected to ${finalUrl})` : '';
    lines.push({
      id: 'page',
      status: 'fail',
      title: TITLES.page,
      detail: `no metrica-chats script or tag manager loader found on ${url.href}${redirected}`,
      fix: `Add the script tag to the page, e.g. ${TAG_EXAMPLE}, or publish the Google Tag Manager tag (dist/gtm.html). A page built in the browser (an SPA) can only be checked in a browser.`,
    });
    skipRest('no script found');
    return report(null, finalUrl);
  }
  lines.push({
    id: 'page',
    status: 'pass',
    title: TITLES.page,
    detail: `${installation.via} found on ${finalUrl}`,
  });

  // 2. The script file.
  const scriptUrl = installation.scriptUrl;
  if (!scriptUrl) {
    lines.push({
      id: 'script',
      status: 'fail',
      title: TITLES.script,
      detail: 'the page configures the script but names no script file',
      fix: 'Give the script tag a src (or the loader its s.src) pointing to metrica-chats.min.js.',
    });
  } else {
    lines.push(await checkScript(scriptUrl, timeoutMs));
  }

  // 3. The configuration, judged by the page script's own rules.
  let endpoint: string | null = null;
  if (!installation.config) {
    lines.push({
      id: 'config',
      status: 'fail',
      title: TITLES.config,
      detail: installation.configProblem ?? 'no configuration found',
      fix: 'Set the endpoint and counter ID as literal values (data-endpoint, data-counter-id, or MetricaChatsConfig = {...}).',
    });
  } else {
    const resolved = validateConfig(installation.config);
    if (typeof resolved === 'string') {
      lines.push({
        id: 'config',
        status: 'fail',
        title: TITLES.config,
        detail: resolved,
        fix: `Fix ${resolved.split(':')[0]} in the ${installation.via === 'script tag' ? 'script tag (data- attribute) or MetricaChatsConfig' : 'loader’s MetricaChatsConfig'}; the script does nothing at all while its configuration is invalid.`,
      });
    } else {
      endpoint = new URL(resolved.endpoint, finalUrl).href;
      const counter = resolved.counterId ? `, counter ${resolved.counterId}` : ', no counter ID';
      lines.push({
        id: 'config',
        status: 'pass',
        title: TITLES.config,
        detail: `endpoint ${endpoint}${counter}${resolved.consent === 'required' ? ', consent required' : ''}`,
      });
    }
  }

  // 4 and 5. The collector: it answers, and it takes beacons from this page's origin.
  if (endpoint) {
    const answers = await checkEndpoint(endpoint, timeoutMs);
    lines.push(answers);
    lines.push(
      answers.status === 'pass'
        ? await checkCors(endpoint, pageOrigin, timeoutMs)
        : skip('cors', TITLES.cors, 'the endpoint did not answer'),
    );
  } else {
    lines.push(skip('endpoint', TITLES.endpoint, 'no valid endpoint in the configuration'));
    lines.push(skip('cors', TITLES.cors, 'no valid endpoint in the configuration'));
  }

  // 6. The content blockers.
  lines.push(await checkFilters(scriptUrl, endpoint, finalUrl, options.filters));
  return report(installation, finalUrl);
}

async function checkScript(scriptUrl: string, timeoutMs: number): Promise<CheckLine> {
  const base = { id: 'script', title: TITLES.script } as const;
  try {
    const res = await get(scriptUrl, timeoutMs);
    const body = await res.text();
    if (!res.ok) {
      return {
        ...base,
        status: 'fail',
        detail: `${scriptUrl} answered HTTP ${res.status}`,
        fix: 'Publish dist/metrica-chats.min.js (from the npm package) at that address, or point the src at where it is.',
      };
    }
    const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!/javascript|ecmascript/.test(type)) {
      return {
        ...base,
        status: 'fail',
        detail: `${scriptUrl} is served as ${JSON.stringify(type || 'no Content-Type')}; browsers refuse to run it (X-Content-Type-Options: nosniff)`,
        fix: 'Serve the file with Content-Type: text/javascript.',
      };
    }
    if (!SCRIPT_MARKER.test(body)) {
      return {
        ...base,
        status: 'fail',
        detail: `${scriptUrl} loads, but it is not the metrica-chats script`,
        fix: 'Replace it with dist/metrica-chats.min.js of the npm package.',
      };
    }
    return { ...base, status: 'pass', detail: `${scriptUrl} (${Buffer.byteLength(body)} bytes)` };
  } catch (error) {
    return {
      ...base,
      status: 'fail',
      detail: `${scriptUrl} could not be fetched: ${networkProblem(error)}`,
      fix: 'Check the src address and that its host is reachable.',
    };
  }
}

async function checkEndpoint(endpoint: string, timeoutMs: number): Promise<CheckLine> {
  const base = { id: 'endpoint', title: TITLES.endpoint } as const;
  try {
    // A preflight stores nothing, unlike a test beacon would.
    const res = await get(endpoint, timeoutMs, { method: 'OPTIONS', redirect: 'manual' });
    await res.arrayBuffer();
    if (res.status >= 300 && res.status < 400) {
      return {
        ...base,
        status: 'fail',
        detail: `${endpoint} redirects (HTTP ${res.status} to ${res.headers.get('location')}); beacons are not re-sent after a redirect`,
        fix: 'Set the endpoint to the final address (https, host, path prefix).',
      };
    }
    if (res.status === 404) {
      return {
        ...base,
        status: 'fail',
        detail: `nothing at ${endpoint} (HTTP 404)`,
        fix: 'Check the path: it is /v1/pairings, after the collector’s --path-prefix if it has one.',
      };
    }
    const methods = res.headers.get('access-control-allow-methods') ?? '';
    if (!res.ok || !/\bPOST\b/.test(methods)) {
      return {
        ...base,
        status: 'fail',
        detail: `${endpoint} answered HTTP ${res.status}, not as the metrica-chats collector does`,
        fix: 'Point the endpoint at the collector (metrica-chats serve), /v1/pairings.',
      };
    }
    return { ...base, status: 'pass', detail: `${endpoint} answered HTTP ${res.status}` };
  } catch (error) {
    return {
      ...base,
      status: 'fail',
      detail: `${endpoint} is unreachable: ${networkProblem(error)}`,
      fix: 'Start the collector (metrica-chats serve) and make sure this address reaches it from the internet.',
    };
  }
}

async function checkCors(endpoint: string, origin: string, timeoutMs: number): Promise<CheckLine> {
  const base = { id: 'cors', title: TITLES.cors } as const;
  try {
    const res = await get(endpoint, timeoutMs, {
      method: 'OPTIONS',
      redirect: 'manual',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
    });
    const body = await res.text();
    const allowed = res.headers.get('access-control-allow-origin');
    if (res.ok && (allowed === origin || allowed === '*')) {
      return { ...base, status: 'pass', detail: `${origin} is allowed` };
    }
    let said = '';
    try {
      const error = (JSON.parse(body) as { error?: unknown }).error;
      if (typeof error === 'string') said = `: ${error}`;
    } catch {}
    return {
      ...base,
      status: 'fail',
      detail: `the collector refuses beacons from ${origin} (HTTP ${res.status}${said})`,
      fix: `Start the collector with --allow-origin ${origin} (or add it to METRICA_CHATS_ALLOW_ORIGINS).`,
    };
  } catch (error) {
    return {
      ...base,
      status: 'fail',
      detail: `${endpoint} is unreachable: ${networkProblem(error)}`,
      fix: 'Start the collector and make sure this address reaches it.',
    };
  }
}

async function checkFilters(
  scriptUrl: string | null,
  endpoint: string | null,
  pageUrl: string,
  load: () => Promise<BlockedBy>,
): Promise<CheckLine> {
  const base = { id: 'filters', title: TITLES.filters } as const;
  if (!scriptUrl && !endpoint) return skip('filters', TITLES.filters, 'no script or endpoint to check');
  let blockedBy: BlockedBy;
  try {
    blockedBy = await load();
  } catch (error) {
    return {
      ...base,
      status: 'fail',
      detail: `the filter lists could not be loaded: ${(error as Error).message}`,
      fix: 'Run where easylist.to and ublockorigin.github.io are reachable, or give --filter-lists <folder> with the lists saved as .txt files.',
    };
  }
  const blocked: string[] = [];
  if (scriptUrl) {
    const rule = blockedBy(scriptUrl, 'script', pageUrl);
    if (rule) blocked.push(`the script ${scriptUrl} (rule ${rule})`);
  }
  if (endpoint) {
    const rule = blockedBy(endpoint, 'ping', pageUrl) ?? blockedBy(endpoint, 'xmlhttprequest', pageUrl);
    if (rule) blocked.push(`the endpoint ${endpoint} (rule ${rule})`);
  }
  if (blocked.length > 0) {
    return {
      ...base,
      status: 'fail',
      detail: `blocked: ${blocked.join('; ')}`,
      fix: 'Serve the script and the collector from your own origin under neutral names (keep metrica-chats.min.js, or e.g. /js/chat.js; collector --path-prefix /px) with no words like metrika, track, collect or analytics.',
    };
  }
  const what = [scriptUrl ? 'script' : null, endpoint ? 'endpoint' : null].filter(Boolean).join(' and ');
  return { ...base, status: 'pass', detail: `the ${what} pass EasyList, EasyPrivacy and uBlock Origin’s lists` };
}
