import { Parser } from 'htmlparser2';
import JSON5 from 'json5';
import { readDataset } from '../page/config.js';

/**
 * Finding the page script in a page's HTML, without running any of the page's code: the script
 * tag (`data-endpoint`, or a file named metrica-chats), the Google Tag Manager loader (`dist/gtm.html`:
 * `MetricaChatsConfig = {...}` and an injected script), or a `MetricaChatsConfig` set before a
 * renamed file. The configuration is assembled as the script's own start-up does (auto.ts): the
 * `MetricaChatsConfig` object first, the tag's `data-` attributes over it.
 */

export interface ScriptElement {
  /** Attributes by lower-case name. */
  attributes: Record<string, string>;
  /** Inline code (empty for an external script). */
  text: string;
}

export interface Installation {
  /** How the script is included. */
  via: 'script tag' | 'tag manager loader';
  /** Absolute URL of the script file; null when the page names none (a renamed file, say). */
  scriptUrl: string | null;
  /** The configuration as the script would assemble it; null when it could not be read. */
  config: Record<string, unknown> | null;
  /** Why the configuration could not be read without running the page's code. */
  configProblem?: string;
}

export interface PageScan {
  installation: Installation | null;
  /** External scripts of the page (absolute URLs): a renamed script file may be among them. */
  externalScripts: string[];
  /** A `MetricaChatsConfig` object set by the page's inline code, if any. */
  inlineConfig: { config: Record<string, unknown> | null; problem?: string } | null;
  /** Google Tag Manager containers the page loads, where a loader tag may live. */
  tagManagerScripts: string[];
}

/** The `<script>` elements of an HTML document, in order. */
export function scriptElements(html: string): ScriptElement[] {
  const found: ScriptElement[] = [];
  let current: ScriptElement | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'script') current = { attributes: { ...attributes }, text: '' };
      },
      ontext(text) {
        if (current) current.text += text;
      },
      onclosetag(name) {
        if (name === 'script' && current) {
          found.push(current);
          current = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

/** `data-counter-id` → `counterId`, as the browser's `dataset` names them. */
function datasetOf(attributes: Record<string, string>): Record<string, string> {
  const dataset: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('data-'))
      dataset[name.slice(5).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return dataset;
}

/** The object literal starting at `text[start]` (`{`), up to its matching brace, strings skipped. */
function objectLiteralAt(text: string, start: number): string | null {
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}

/**
 * The `MetricaChatsConfig = {...}` object of inline code, read as a literal (JSON5: quotes of
 * either kind, unquoted keys). Code in it (`userId: user.id`) cannot be read without running it.
 */
export function readInlineConfig(code: string): { config: Record<string, unknown> | null; problem?: string } | null {
  const assignment = /MetricaChatsConfig\s*=(?!=)(?:\s*[\w.]*MetricaChatsConfig\s*\|\|)?\s*/.exec(code);
  if (!assignment) return null;
  const start = assignment.index + assignment[0].length;
  if (code[start] !== '{') {
    return { config: null, problem: 'MetricaChatsConfig is set from code, not an object literal' };
  }
  const literal = objectLiteralAt(code, start);
  if (!literal) return { config: null, problem: 'MetricaChatsConfig: the object literal is not closed' };
  try {
    const value: unknown = JSON5.parse(literal);
    return { config: value as Record<string, unknown> };
  } catch (error) {
    return {
      config: null,
      problem: `MetricaChatsConfig uses code, not only literal values (${(error as Error).message}): only a browser can evaluate it`,
    };
  }
}

/** The URL a loader injects: `s.src = '...'` after a `createElement('script')`. */
function injectedScriptUrl(code: string): string | null {
  if (!/createElement\(\s*['"]script['"]\s*\)/.test(code)) return null;
  const m = /\.src\s*=\s*(['"])([^'"]+)\1/.exec(code);
  return m ? (m[2] as string) : null;
}

function absolute(url: string, base: string): string | null {
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}

/** Looks for the page script in a page's HTML (or a tag manager container's decoded code). */
export function scanPage(html: string, pageUrl: string): PageScan {
  const scripts = scriptElements(html);
  let inlineConfig: PageScan['inlineConfig'] = null;
  let loader: Installation | null = null;
  let tag: ScriptElement | null = null;
  const externalScripts: string[] = [];
  const tagManagerScripts: string[] = [];
  for (const s of scripts) {
    const src = s.attributes.src;
    if (src !== undefined) {
      const url = absolute(src, pageUrl);
      if (!url) continue;
      externalScripts.push(url);
      if (/googletagmanager\.com\/gtm\.js/i.test(url)) tagManagerScripts.push(url);
      if (!tag && ('data-endpoint' in s.attributes || /metrica-chats/i.test(new URL(url).pathname))) tag = s;
      continue;
    }
    const config = readInlineConfig(s.text);
    if (config && !inlineConfig) inlineConfig = config;
    const injected = injectedScriptUrl(s.text);
    if (config && injected && !loader) {
      loader = {
        via: 'tag manager loader',
        scriptUrl: absolute(injected, pageUrl),
        config: config.config,
        ...(config.problem ? { configProblem: config.problem } : {}),
      };
    }
  }
  if (tag) {
    const config: Record<string, unknown> = { ...(inlineConfig?.config ?? {}) };
    // The tag's data- attributes win over the object, as in the script's own start-up.
    readDataset(config, datasetOf(tag.attributes) as DOMStringMap);
    const problem = inlineConfig?.problem && !('endpoint' in config) ? inlineConfig.problem : undefined;
    return {
      installation: {
        via: 'script tag',
        scriptUrl: absolute(tag.attributes.src as string, pageUrl),
        config: problem ? null : config,
        ...(problem ? { configProblem: problem } : {}),
      },
      externalScripts,
      inlineConfig,
      tagManagerScripts,
    };
  }
  return { installation: loader, externalScripts, inlineConfig, tagManagerScripts };
}

/**
 * The HTML a Google Tag Manager container carries: Custom HTML tags sit in its code as JavaScript
 * strings (`"vtp_html":"\u003cscript\u003e..."`). Decoded, the loader reads as it was pasted.
 */
export function decodeTagManagerContainer(code: string): string {
  const html: string[] = [];
  for (const m of code.matchAll(/"vtp_html"\s*:\s*("(?:[^"\\]|\\.)*")/g)) {
    try {
      html.push(JSON.parse(m[1] as string) as string);
    } catch {
      // A string JSON cannot read (a \x escape, say) is not a tag this check can use.
    }
  }
  return html.join('\n');
}
