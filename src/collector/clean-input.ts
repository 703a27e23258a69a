import { cleanCopiedValue, plainSpaces, removeBidiControls, removeInvisible } from '../match/index.js';

/**
 * What a CRM copied into a chat report, cleaned before it is validated. Phones copy numbers with
 * bidi isolates around them (Android: U+2068…U+2069), direction marks and no-break spaces; a CRM
 * passes them on, and a CRM does not retry a 400, so refusing them lost the chat. Only a value
 * that is still invalid after cleaning is refused.
 *
 * - Values that are one token (a phone number, an ID, a price, a URL, tags): every invisible
 *   character dropped and odd spaces read as spaces.
 * - The message text: the same; it is only searched for the chat ID, never stored.
 * - Names and partner user IDs: only the bidi embeddings, overrides and isolates, which were never
 *   accepted, so a name or ID stored before keeps its exact spelling (it is part of Metrica's key).
 *   Zero-width joiners inside emoji and direction marks in right-to-left names are kept.
 */

type Body = Record<string, unknown>;

const TOKEN_FIELDS = ['phoneNumber', 'chatId', 'price', 'currency', 'messengerTrackerUrl'] as const;
const NAME_FIELDS = ['chatUsername', 'chatUserId'] as const;

const mapString = (v: unknown, clean: (s: string) => string): unknown => (typeof v === 'string' ? clean(v) : v);

/** A copy of the body with the copied-in invisible characters cleaned out; other values untouched. */
export function cleanChatBody(body: Body): Body {
  const out: Body = { ...body };
  for (const field of TOKEN_FIELDS) if (field in out) out[field] = mapString(out[field], cleanCopiedValue);
  for (const field of NAME_FIELDS) if (field in out) out[field] = mapString(out[field], removeBidiControls);
  if ('text' in out) out.text = mapString(out.text, (t) => plainSpaces(removeInvisible(t)));
  if (Array.isArray(out.tags)) out.tags = out.tags.map((t) => mapString(t, cleanCopiedValue));
  else if ('tags' in out) out.tags = mapString(out.tags, cleanCopiedValue);
  return out;
}
