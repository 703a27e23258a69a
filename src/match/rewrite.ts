/**
 * Messenger-link rewriting, as pure string work: no DOM, no URL object. `new URL()` and
 * URLSearchParams re-encode the whole link (`+` becomes `%2B`, `'` becomes `%27`, the host is
 * lower-cased), which would change bytes the business chose; here the link is split by hand
 * and only the carrier parameter is replaced or appended.
 */
import { CHAT_ID_ALPHABET, type ChatIdFormat } from './format.js';

/** The messenger a link opens. */
export type Platform = 'telegram' | 'whatsapp' | 'viber';
/** The messenger, and the query parameter that carries the chat ID. */
export type LinkKind = [platform: Platform, carrier: 'start' | 'text' | 'draft' | 'context'];

export interface RewriteOptions {
  /** The visitor's chat ID. */
  id: string;
  /** The chat-ID format, to recognise an earlier or another ID in an existing value. */
  format: ChatIdFormat;
  /** First-message template with `{id}` and optionally `{text}` (the link's own text). */
  message: string;
  /** Stands in for an empty link text (a short greeting); empty for custom templates. */
  greeting?: string;
  /** Extra Telegram bot usernames that do not end in `bot`, any case. */
  bots?: string[];
}

// scheme://messenger-host(:port)/path, or scheme:(//)action/ for app links, then ?query and
// #fragment. Only messenger hosts match, so every other link is rejected by this one test.
// Captures: 1 host, 2 path, 3 app scheme, 4 app action.
const LINK =
  /^(?:(?:https?:)?\/\/(?:www\.)?(t\.me|telegram\.(?:me|dog)|wa\.me|(?:api|web)\.whatsapp\.com)(?::\d*)?(\/[^?#]*)?|(tg|whatsapp|viber):(?:\/\/)?(\w+)\/?)(?:\?[^#]*)?(?:#[\s\S]*)?$/i;

// Telegram usernames: a letter first, then letters, digits, `_`; 4–32 characters; no `__`, no trailing `_`;
// and not one of t.me's own pages (shorter ones like `s`, `c`, `iv` fail the length already).
const USERNAME =
  /^(?!(joinchat|add(stickers|emoji|theme|list)|share|proxy|socks|login|invoice|boost|contact|setlanguage|confirmphone)$)[a-z](?!\w*__)\w{2,30}[a-z\d]$/i;
// Parameters of links that start something other than a chat (groups, Mini Apps, the affiliate
// program, games): their start parameter belongs to someone else. `post` makes tg://resolve a
// channel post link.
const NOT_A_CHAT = /[?&](start[a-z]|(ref|game|post)\b)/;

// One shared tuple per kind: a page of links allocates none.
const TG_START: LinkKind = ['telegram', 'start'];
const TG_TEXT: LinkKind = ['telegram', 'text'];
const WA: LinkKind = ['whatsapp', 'text'];

/** Telegram's limit for a start parameter; applied to Viber's context too. */
const MAX_START = 64;

/**
 * Query values as forms encode them: `+` is a space. A `%` not followed by two hex digits is a
 * literal `%` (widgets build `text=Is the 20% discount on?` without encoding it). Throws on
 * escapes that are not UTF-8, such as `%FF`.
 */
const decode = (s: string): string => decodeURIComponent(s.replace(/\+/g, ' ').replace(/%(?![\da-f]{2})/gi, '%25'));

/**
 * Where a link's query starts (its `?`) and ends (its `#`, or the end). Indexes rather than
 * substrings: on a page of 10,000 links, every string allocated per link is garbage to collect.
 */
function bounds(url: string): [query: number, end: number] {
  let end = url.indexOf('#');
  if (end < 0) end = url.length;
  const q = url.indexOf('?');
  return [q < 0 || q > end ? end : q, end];
}

/**
 * Where the first `key` parameter (`key=value` or a bare `key`) stands in url[q, end):
 * [start, end], or undefined.
 */
function locate(url: string, [q, end]: number[], key: string): number[] | undefined {
  for (let i = url.indexOf(key, q! + 1); i > 0 && i < end!; i = url.indexOf(key, i + 1)) {
    const after = url[i + key.length];
    // After the query's own `?` or an `&`: a `?` inside a value (`?x=a?text=b`) separates nothing.
    if ((i - 1 === q || url[i - 1] === '&') && (i + key.length === end || after === '=' || after === '&')) {
      const amp = url.indexOf('&', i);
      return [i, amp < 0 || amp > end! ? end! : amp];
    }
  }
}

/** The decoded value of the first `key` parameter (empty for a bare `key`), or undefined. */
function param(url: string, b: number[], key: string): string | undefined {
  const at = locate(url, b, key);
  return at && decode(url.slice(at[0]! + key.length + 1, at[1]));
}

/** IDs of the format not glued to other letters or digits (`_` and `-` separate, as in `promo-CT7KQ2M9XA`). */
export const idPattern = (format: ChatIdFormat): RegExp =>
  RegExp(`(^|[^A-Za-z\\d])${format.prefix}[${CHAT_ID_ALPHABET}]{${format.length}}(?![A-Za-z\\d])`);

/** The first message: the link's own text (or the greeting) and the tag, per the template. */
export function renderMessage(template: string, text: string, id: string, greeting = ''): string {
  const t = text || greeting;
  return (/\{text\}/.test(template) || !t ? template : `{text}\n${template}`)
    .split('{text}')
    .join(t)
    .split('{id}')
    .join(id)
    .trim();
}

/** The kind of a messenger link, given its query bounds; undefined for any other link. */
function kindOf(url: string, b: number[], bots: string[]): LinkKind | undefined {
  const m = LINK.exec(url);
  if (!m) return;
  try {
    const path = m[2] || '';
    const where = (m[1] || `${m[3]}:${m[4]}`).toLowerCase();
    const tg = where === 'tg:resolve';
    if (tg || /^te|^t\./.test(where)) {
      // t.me/<username> or t.me/+<digits>; tg://resolve?domain=<username> or ?phone=<digits>
      const seg = tg
        ? ['', param(url, b, 'phone'), param(url, b, 'domain')]
        : /^\/(?:\+(\d{1,32})|([^/+]+))\/?$/.exec(path);
      const start = param(url, b, 'start');
      if (!seg || NOT_A_CHAT.test(url.slice(b[0], b[1])) || /^_tgr_/.test(`${start}`)) return;
      const phone = seg[1];
      const user = seg[2];
      if (phone != null) return /^\d{1,32}$/.test(phone) ? TG_TEXT : undefined;
      if (user && USERNAME.test(user))
        return start != null || /bot$/i.test(user) || bots.some((b) => b.toLowerCase() === user.toLowerCase())
          ? TG_START
          : TG_TEXT;
    } else if (where === 'wa.me') {
      if (/^\/\d{1,15}\/?$/.test(path)) return WA;
    } else if (/^whatsapp:send$|\./.test(where)) {
      if (/^(\/send\/?)?$/i.test(path) && /\d/.test(`${param(url, b, 'phone')}`)) return WA;
    } else if (where === 'viber:chat') {
      if (/\d/.test(`${param(url, b, 'number')}`)) return ['viber', locate(url, b, 'text') ? 'text' : 'draft'];
    } else if (where === 'viber:pa' && param(url, b, 'chatURI')) return ['viber', 'context'];
  } catch {}
}

/**
 * Which messenger a link opens and which parameter carries the chat ID; undefined for every
 * link to leave alone (invites, posts, share links, invalid usernames, other sites).
 * @example
 * classify('https://wa.me/79161234567') // ['whatsapp', 'text']
 */
export const classify = (url: string, bots: string[] = []): LinkKind | undefined => kindOf(url, bounds(url), bots);

/** Rewrites links for one set of options; see `rewriter`. */
export type Rewriter = (url: string) => [url: string, kind?: LinkKind];

/**
 * A function that writes the chat ID into a messenger link and says what kind of link it is.
 * It returns every other link, and any link it cannot handle (such as one whose carrier value
 * has malformed percent-encoding), exactly as given; given its own output, it returns that
 * output. The new carrier value depends only on the old one, and pages repeat a few texts over
 * many links, so each is worked out once.
 */
export function rewriter(o: RewriteOptions): Rewriter {
  const ids = idPattern(o.format);
  const pairs = new Map<string, string>();
  // `carrier=<new value>` for an old raw value (empty: no change). Throws on malformed encoding.
  const pair = (carrier: string, raw?: string): string => {
    const key = raw == null ? carrier : `${carrier}=${raw}`;
    let next = pairs.get(key);
    if (next == null) {
      const old = raw ? decode(raw) : '';
      let value = old;
      if (!old.includes(o.id))
        value = ids.test(old)
          ? old.replace(ids, `$1${o.id}`) // another chat ID of ours: the new one replaces it
          : carrier === 'start' || carrier === 'context'
            ? old
              ? `${old.slice(0, MAX_START - o.id.length - 1)}-${o.id}`
              : o.id
            : renderMessage(o.message, old, o.id, o.greeting);
      next = value === old ? '' : `${carrier}=${encodeURIComponent(value)}`;
      pairs.set(key, next);
    }
    return next;
  };
  return (url) => {
    const b = bounds(url);
    const kind = kindOf(url, b, o.bots || []);
    if (!kind) return [url];
    try {
      const carrier = kind[1];
      const q = b[0]!;
      const end = b[1]!;
      const at = locate(url, b, carrier);
      const next = pair(carrier, at && url.slice(at[0]! + carrier.length + 1, at[1]));
      if (!next) return [url, kind];
      // Replaced where it stands; or added after the last parameter, where a bare `?` or a
      // trailing `&` is filled, not doubled.
      return [
        at
          ? url.slice(0, at[0]) + next + url.slice(at[1])
          : url.slice(0, end) +
            (q === end ? '?' : end - q === 1 || url[end - 1] === '&' ? '' : '&') +
            next +
            url.slice(end),
        kind,
      ];
    } catch {
      return [url, kind];
    }
  };
}

/**
 * Writes the chat ID into a messenger link; returns every other link, and any link it cannot
 * handle, exactly as given. A second call with the same ID returns its input. For many links,
 * make one `rewriter(options)` and call it instead: it compiles and caches once.
 * @example
 * rewrite('https://t.me/shop_bot', opts) // 'https://t.me/shop_bot?start=CT7KQ2M9XA'
 */
export const rewrite = (url: string, o: RewriteOptions): string => rewriter(o)(url)[0];
