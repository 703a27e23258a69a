/**
 * Named bridge links: `NAME=URL` pairs configured by the operator. A bridge link is served at
 * `/go/NAME` and redirects to its messenger URL with a fresh chat ID written in, for ads, QR codes
 * and e-mails that open a messenger without a page (and so without the page script) in between.
 *
 * A URL is accepted only when the page script's own rewriting rules write a chat ID into it: the
 * check is a trial rewrite, not a second copy of the rules. Pure; no I/O.
 */
import { DEFAULT_FORMAT } from '../match/format.js';
import { defaultMessage } from '../match/message.js';
import { classify, type LinkKind, rewriter } from '../match/rewrite.js';

/** A link name: the last path segment of `/go/NAME`. */
export const LINK_NAME = /^[a-z0-9-]{1,32}$/;

export interface BridgeLink {
  /** `[a-z0-9-]{1,32}`. */
  name: string;
  /** The messenger URL exactly as configured. */
  url: string;
  /** The messenger, and the query parameter that will carry the chat ID. */
  kind: LinkKind;
}

/** A bridge link that cannot be served; the message names the value and says what was expected. */
export class LinkConfigError extends Error {
  override name = 'LinkConfigError';
}

// Only checked after the rules refused a URL, to say why in the operator's terms. The decision
// itself is the rules' (classify and a trial rewrite), so these hints can never accept a link.
const HINTS: Array<[RegExp, string]> = [
  [
    /^(?:https?:)?\/\/(?:www\.)?(?:t\.me|telegram\.(?:me|dog))\/(?:\+(?!\d+\/?(?:[?#]|$))|joinchat\b)|^tg:(?:\/\/)?join\b/i,
    'it is an invite link, which has no parameter to carry a chat ID: link to the bot (t.me/<bot>) or the account (t.me/<username>) instead',
  ],
  [
    /^(?:https?:)?\/\/wa\.me\/message\//i,
    'a wa.me/message/… short link carries a fixed pre-filled text, not a per-visitor one: use https://wa.me/<phone digits> instead',
  ],
  [
    /^(?:https?:)?\/\/(?:www\.)?(?:t\.me|telegram\.(?:me|dog))\/(?:share|s|c|addstickers|addemoji|proxy|socks)\b|^tg:(?:\/\/)?(?:msg_url|share)\b/i,
    'it is a share, sticker, proxy or channel link, which opens no chat with you',
  ],
  [
    /^(?:https?:)?\/\/(?:www\.)?(?:t\.me|telegram\.(?:me|dog))\/[^/?#]+\/\d+/i,
    'it is a link to a channel post, which opens no chat with you',
  ],
  [
    /[?&](?:startapp|startgroup|startchannel|startattach|ref|game)\b/i,
    'it opens a Mini App, a group, a game or an affiliate program, not a chat whose first message can carry a chat ID',
  ],
  [/[?&]start=_tgr_/i, 'its start value begins with _tgr_, which Telegram reserves for affiliate links'],
  [
    /^(?:(?:https?:)?\/\/(?:wa\.me|(?:api|web)\.whatsapp\.com)|whatsapp:)/i,
    'it has no phone number, so WhatsApp would offer to share the text with anyone instead of opening your chat: use https://wa.me/<phone digits>',
  ],
];

/**
 * Why the rules cannot carry a chat ID in this URL, or null when they can.
 * @example
 * linkProblem('https://t.me/+AbCdEf123') // 'it is an invite link, …'
 */
export function linkProblem(url: string): string | null {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    return 'it must be an absolute messenger link with its scheme, e.g. https://t.me/shop_bot or viber://pa?chatURI=shop';
  }
  // The URL goes into a Location header as it is: Node refuses other bytes there, and a space or a
  // raw non-ASCII letter is something a browser would have to guess how to encode.
  if (/[^\x21-\x7e]/.test(url)) {
    return 'it contains a space, a control character or a non-ASCII character: percent-encode it (e.g. text=%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82)';
  }
  if (classify(url)) return trialRewrite(url);
  for (const [pattern, reason] of HINTS) if (pattern.test(url)) return reason;
  return 'it is not a link to a Telegram bot or account, a WhatsApp number or a Viber chat or bot that a chat ID can be written into';
}

const TRIAL_ID = `${DEFAULT_FORMAT.prefix}${'2'.repeat(DEFAULT_FORMAT.length)}`;
const trial = rewriter({ id: TRIAL_ID, format: DEFAULT_FORMAT, ...defaultMessage('en') });

/** A link the rules recognise can still be one they leave as it is, e.g. when its text is malformed. */
function trialRewrite(url: string): string | null {
  const [out] = trial(url);
  return out !== url && out.includes(TRIAL_ID)
    ? null
    : 'its existing start, text, draft or context value cannot be extended (malformed percent-encoding?)';
}

/**
 * Splits one `NAME=URL` pair (a `--link` flag or an entry of `METRICA_CHATS_LINKS`).
 * @example
 * parseLinkSpec('promo=https://t.me/shop_bot') // ['promo', 'https://t.me/shop_bot']
 */
export function parseLinkSpec(spec: string): [name: string, url: string] {
  const eq = spec.indexOf('=');
  const name = eq < 0 ? '' : spec.slice(0, eq).trim();
  const url = eq < 0 ? '' : spec.slice(eq + 1).trim();
  if (eq < 0 || !url) {
    throw new LinkConfigError(`link ${JSON.stringify(spec)} must be NAME=URL, e.g. promo=https://t.me/shop_bot`);
  }
  return [name, url];
}

/**
 * Checks a link's name and URL. Throws LinkConfigError naming the link and the reason.
 * @example
 * checkLink('promo', 'https://t.me/shop_bot') // { name: 'promo', url: 'https://t.me/shop_bot', kind: ['telegram', 'start'] }
 */
export function checkLink(name: string, url: string): BridgeLink {
  if (!LINK_NAME.test(name)) {
    throw new LinkConfigError(
      `link name ${JSON.stringify(name)} must be 1–32 characters of lower-case a-z, 0-9 and -, e.g. promo or autumn-2026`,
    );
  }
  const problem = linkProblem(url);
  const kind = classify(url);
  if (problem || !kind) throw new LinkConfigError(`link ${name}: ${JSON.stringify(url)} is refused: ${problem}`);
  return { name, url, kind };
}

/** Checks every link and keys them by name; a name given twice is refused rather than one silently winning. */
export function linkTable(entries: Iterable<readonly [name: string, url: string]>): ReadonlyMap<string, BridgeLink> {
  const links = new Map<string, BridgeLink>();
  for (const [name, url] of entries) {
    const link = checkLink(name, url);
    if (links.has(link.name)) throw new LinkConfigError(`link name ${JSON.stringify(link.name)} is given twice`);
    links.set(link.name, link);
  }
  return links;
}

/**
 * Splits `METRICA_CHATS_LINKS`: `NAME=URL` pairs separated by commas. A URL may contain commas
 * itself, so a comma separates pairs only where the next pair's `NAME=scheme:` follows it.
 * @example
 * splitLinkList('a=https://t.me/a_bot, b=https://wa.me/79161234567') // ['a=https://t.me/a_bot', 'b=https://wa.me/79161234567']
 */
export const splitLinkList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(/,(?=\s*[^\s,=]+=[a-z][a-z0-9+.-]*:)/i)
    .map((s) => s.trim())
    .filter((s) => /[^\s,]/.test(s));
