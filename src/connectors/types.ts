import type { ChatPlatform } from '../shared/conversion.js';

/**
 * What every connector turns a platform's webhook into: the chats it carries, and what it
 * acknowledged without storing, with the reason. Pure data; the collector decides what to write.
 */

/** One customer message that may start (or update) a chat. */
export interface ConnectorChat {
  platform: ChatPlatform;
  /** The message's own time, Unix seconds: the chat's DateTime. */
  dateTime: number;
  /** The message text, where the chat ID tag is looked for. */
  text?: string;
  /** Viber's deep-link `context`: carries the chat ID like a start payload. */
  context?: string;
  chatUserId?: string;
  chatUsername?: string;
  /** `+` and 7–15 digits with the country code. */
  phoneNumber?: string;
  /**
   * The platform's identity of the message, the same on every redelivery and on an edit of it;
   * the collector remembers it so that neither makes a second chat.
   */
  messageId: string;
  /** An edit of a message sent earlier: it updates that chat, never starts another. */
  edited: boolean;
  /** A bot's `/start`: a new conversation even from a partner seen before. */
  starts: boolean;
}

/** Why something in a webhook was acknowledged and not stored. */
export type IgnoreReason =
  /** The platform's reachability check (Wazzup's `{"test": true}`). */
  | 'test'
  /** An update that carries no customer message: a button press, a membership change, a connection. */
  | 'not_message'
  /** Written by the business side: the owner, an operator, a bot on its behalf, an echo. */
  | 'outgoing'
  /** Delivery, read or account status; connection changes. */
  | 'status'
  /** A deleted message: the chat it belonged to still happened. */
  | 'deleted'
  /** A group chat: not a conversation with one customer. */
  | 'group'
  /** A channel Metrica does not take chats from (Instagram, VK, Avito…). */
  | 'other_channel'
  /** A photo, voice note, sticker… with no text to carry a chat ID. */
  | 'not_text'
  /** The sender cannot be told: no user ID, username or phone number. */
  | 'no_partner'
  /** A shape this connector does not know; logged once so that a platform change is noticed. */
  | 'unknown_shape';

export interface Ignored {
  reason: IgnoreReason;
  /** What was ignored, for the log: an update kind, a type name. Never message text or a phone number. */
  detail: string;
}

export interface ConnectorResult {
  chats: ConnectorChat[];
  ignored: Ignored[];
}

/** A result that stores nothing, for one reason. */
export const ignore = (reason: IgnoreReason, detail: string): ConnectorResult => ({
  chats: [],
  ignored: [{ reason, detail }],
});

/** Joins the results of the items of one webhook (a batch of messages). */
export function combine(results: readonly ConnectorResult[]): ConnectorResult {
  return { chats: results.flatMap((r) => r.chats), ignored: results.flatMap((r) => r.ignored) };
}
