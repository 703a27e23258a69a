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
/** A copy of the body with the copied-in invisible characters cleaned out; other values untouched. */
export declare function cleanChatBody(body: Body): Body;
export {};
