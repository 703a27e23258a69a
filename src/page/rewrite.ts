/**
 * Messenger-link rewriting, as pure string work: no DOM, no URL object. `new URL()` and
 * URLSearchParams re-encode the whole link (`+` becomes `%2B`, `'` becomes `%27`, the host is
 * lower-cased), which would change bytes the business chose; here the link is split by hand
 * and only the carrier parameter is replaced or appended.
 */
import { CHAT_ID_ALPHABET, type ChatIdFormat } from '../match/format.js';

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

// head (scheme://messenger-host(:port)/path, or scheme:(//)name/ for app links), then ?query and
// #fragment. Only messenger hosts match, so every other link is rejected by this one test.
const LINK =
  /^((?:https?:)?\/\/(?:www\.)?(t\.me|telegram\.(?:me|dog)|wa\.me|(?:api|web)\.whatsapp\.com)(?::\d*)?(\/[^?#]*)?|(tg|whatsapp|viber):(?:\/\/)?(\w+)\/?)(\?[^#]*)?(#[\s\S]*)?$/i;

// Telegram usernames: a letter first, then letters, digits, `_`; 4–32 characters; no `__`, no trailing `_`;
// and not one of t.me's own pages (shorter ones like `s`, `c`, `iv` fail the length already).
const USERNAME =
  /^(?!(joinchat|add(stickers|emoji|theme|list)|share|proxy|socks|login|invoice|boost|contact|setlanguage|confirmphone)$)[a-z](?!\w*__)\w{2,30}[a-z\d]$/i;
// Parameters of links that start something other than a chat (groups, Mini Apps, the affiliate
// program, games): their start parameter belongs to someone else. `post` makes tg://resolve a
// channel post link.
const NOT_A_CHAT = /[?&](start[a-z]|(ref|game|post)\b)/;

/** Telegram's limit for a start parameter; applied to Viber's context too. */
const MAX_START = 64;

/** Query values as forms encode them: `+` is a space. Throws on malformed percent-encoding. */
const decode = (s: string): string => decodeURIComponent(s.replace(/\+/g, ' '));

/** The index of the first `key` parameter among the query's `k=v` parts, or -1. */
const find = (parts: string[], key: string): number => parts.findIndex((p) => p === key || p.startsWith(`${key}=`));

// Compiled per format: building a RegExp costs more than running it, on 10,000 links.
const compiled: Record<string, RegExp> = {};

/** IDs of the format not glued to other letters or digits (`_` and `-` separate, as in `promo-CT7KQ2M9XA`). */
export function idPattern(format: ChatIdFormat): RegExp {
  const key = format.prefix + format.length;
  if (!compiled[key])
    compiled[key] = RegExp(`(^|[^A-Za-z\\d])${format.prefix}[${CHAT_ID_ALPHABET}]{${format.length}}(?![A-Za-z\\d])`);
  return compiled[key];
}

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

/** [kind, head, the query's `k=v` parts, fragment] of a messenger link, or undefined. */
type Parsed = [LinkKind, string, string[], string];

function parse(url: string, bots: string[]): Parsed | undefined {
  try {
    const m = LINK.exec(url)!;
    const path = m[3] || '';
    const query = m[6] || '';
    decodeURIComponent(path + query); // malformed percent-encoding: not a link to edit
    const parts = query.slice(1).split('&');
    const get = (k: string): string | undefined => {
      const i = find(parts, k);
      return i < 0 ? undefined : decode((parts[i] as string).slice(k.length + 1));
    };
    const where = (m[2] || `${m[4]}:${m[5]}`).toLowerCase();
    const found = (kind: LinkKind | false | undefined | ''): Parsed | undefined =>
      kind ? [kind, m[1]!, parts, m[7] || ''] : undefined;
    const tg = where === 'tg:resolve';
    if (tg || /^te|^t\./.test(where)) {
      // t.me/<username> or t.me/+<digits>; tg://resolve?domain=<username> or ?phone=<digits>
      const seg = tg ? ['', get('phone'), get('domain')] : /^\/(?:\+(\d{1,32})|([^/+]+))\/?$/.exec(path);
      if (!seg) return;
      const phone = seg[1];
      const user = seg[2];
      const start = get('start');
      if (NOT_A_CHAT.test(query) || /^_tgr_/.test(`${start}`)) return;
      if (phone != null) return found(/^\d{1,32}$/.test(phone) && ['telegram', 'text']);
      if (!user || !USERNAME.test(user)) return;
      const bot = start != null || /bot$/i.test(user) || bots.some((b) => b.toLowerCase() === user.toLowerCase());
      return found(['telegram', bot ? 'start' : 'text']);
    }
    const wa: LinkKind = ['whatsapp', 'text'];
    if (where === 'wa.me') return found(/^\/\d{1,15}\/?$/.test(path) && wa);
    if (/^whatsapp:send$|\./.test(where))
      return found(/^(\/send\/?)?$/i.test(path) && /\d/.test(`${get('phone')}`) && wa);
    if (where === 'viber:chat')
      return found(/\d/.test(`${get('number')}`) && ['viber', get('text') == null ? 'draft' : 'text']);
    return found(where === 'viber:pa' && get('chatURI') && ['viber', 'context']);
  } catch {}
}

/**
 * Which messenger a link opens and which parameter carries the chat ID; undefined for every
 * link to leave alone (invites, posts, share links, invalid usernames, other sites).
 * @example
 * classify('https://wa.me/79161234567') // ['whatsapp', 'text']
 */
export const classify = (url: string, bots: string[] = []): LinkKind | undefined => (parse(url, bots) || [])[0];

/**
 * Writes the chat ID into a messenger link, and says what kind of link it is. Returns every
 * other link, and any link it cannot handle, exactly as given. A second call with the same ID
 * returns its input.
 */
export function rewriteLink(url: string, o: RewriteOptions): [url: string, kind?: LinkKind] {
  const parsed = parse(url, o.bots || []);
  if (!parsed) return [url];
  const [kind, head, parts, fragment] = parsed;
  try {
    const carrier = kind[1];
    const i = find(parts, carrier);
    const old = i < 0 ? '' : decode((parts[i] as string).slice(carrier.length + 1));
    let value = old;
    if (!old.includes(o.id)) {
      const ids = idPattern(o.format);
      value = ids.test(old)
        ? old.replace(ids, `$1${o.id}`) // another chat ID of ours: the new one replaces it
        : carrier === 'start' || carrier === 'context'
          ? old
            ? `${old.slice(0, MAX_START - o.id.length - 1)}-${o.id}`
            : o.id
          : renderMessage(o.message, old, o.id, o.greeting);
    }
    if (value === old) return [url, kind];
    // Only the carrier changes: replaced where it stands, or added after the last parameter
    // (a bare `?` or a trailing `&` leaves an empty part to fill).
    const pair = `${carrier}=${encodeURIComponent(value)}`;
    const last = parts.length - 1;
    const next = parts.slice();
    if (i >= 0) next[i] = pair;
    else if (next[last]) next.push(pair);
    else next[last] = pair;
    return [`${head}?${next.join('&')}${fragment}`, kind];
  } catch {
    return [url, kind];
  }
}

/**
 * Writes the chat ID into a messenger link; returns every other link, and any link it cannot
 * handle, exactly as given. A second call with the same ID returns its input.
 * @example
 * rewrite('https://t.me/shop_bot', opts) // 'https://t.me/shop_bot?start=CT7KQ2M9XA'
 */
export const rewrite = (url: string, o: RewriteOptions): string => rewriteLink(url, o)[0];
