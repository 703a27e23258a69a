import { ident, type Json, label, messageText, obj, unixSeconds } from './fields.js';
import { type ConnectorChat, type ConnectorResult, ignore } from './types.js';

/**
 * Telegram Bot API updates (https://core.telegram.org/bots/api#update) → chats.
 *
 * - `message` / `edited_message`: a customer writing to the business's own bot. A `/start`
 *   payload always starts a chat.
 * - `business_message` / `edited_business_message`: the bot is connected to the owner's Telegram
 *   Business account (Settings → Telegram Business → Chatbots) and sees the owner's personal chats.
 *   Only the customer's messages are chats. In a business chat `chat` is the customer's private
 *   chat, so the customer is the sender whose ID is the chat's ID; the owner writing in it has
 *   another ID, and a message the bot sent on the owner's behalf carries `sender_business_bot`.
 * - `business_connection` (connected, changed, disabled) and `deleted_business_messages`
 *   (a deleted message does not undo the conversation it started) are acknowledged only.
 *
 * `Message.date` is the time the message was sent, also on an edited message (the edit's own time
 * is `edit_date`), so an edit lands on the chat of the original message.
 */

/** Update fields that carry something other than a customer's message to the business. */
const NOT_MESSAGES = [
  'business_connection',
  'callback_query',
  'inline_query',
  'chosen_inline_result',
  'my_chat_member',
  'chat_member',
  'chat_join_request',
  'message_reaction',
  'message_reaction_count',
  'poll',
  'poll_answer',
  'channel_post',
  'edited_channel_post',
  'shipping_query',
  'pre_checkout_query',
  'purchased_paid_media',
  'chat_boost',
  'removed_chat_boost',
] as const;

export function telegramUpdate(update: Json, nowSeconds: number): ConnectorResult {
  for (const kind of ['business_message', 'edited_business_message'] as const) {
    const message = obj(update[kind]);
    if (message) return businessMessage(message, kind === 'edited_business_message', nowSeconds, kind);
  }
  for (const kind of ['message', 'edited_message'] as const) {
    const message = obj(update[kind]);
    if (message) return botMessage(message, kind === 'edited_message', nowSeconds, kind);
  }
  if (obj(update.deleted_business_messages)) return ignore('deleted', 'deleted_business_messages');
  const other = NOT_MESSAGES.find((k) => update[k] !== undefined);
  if (other) return ignore('not_message', other);
  return ignore('unknown_shape', `update with fields ${Object.keys(update).slice(0, 8).join(', ') || 'none'}`);
}

/** The customer side of a message: sender ID and username, or why there is none. */
function sender(message: Json): { userId: string; username?: string } | 'bot' | undefined {
  const from = obj(message.from);
  if (!from) return undefined;
  if (from.is_bot === true) return 'bot';
  const userId = ident(from.id, 64);
  if (!userId) return undefined;
  const username = label(from.username, 64);
  return username ? { userId, username } : { userId };
}

function chat(
  message: Json,
  who: { userId: string; username?: string },
  messageId: string,
  edited: boolean,
  nowSeconds: number,
): ConnectorChat | undefined {
  const dateTime = unixSeconds(message.date, nowSeconds);
  const text = messageText(message.text) ?? messageText(message.caption);
  if (dateTime === undefined || text === undefined) return undefined;
  return {
    platform: 'telegram',
    dateTime,
    text,
    chatUserId: who.userId,
    ...(who.username ? { chatUsername: who.username } : {}),
    messageId,
    edited,
    starts: !edited && /^\s*\/start\b/i.test(text),
  };
}

function botMessage(message: Json, edited: boolean, nowSeconds: number, kind: string): ConnectorResult {
  const who = sender(message);
  if (who === 'bot') return ignore('outgoing', `${kind} from a bot`);
  if (!who) return ignore('no_partner', `${kind} without a sender`);
  const chatId = ident(obj(message.chat)?.id, 64) ?? who.userId;
  const messageId = ident(message.message_id, 32);
  if (!messageId) return ignore('unknown_shape', `${kind} without message_id`);
  const found = chat(message, who, `${chatId}:${messageId}`, edited, nowSeconds);
  return found ? { chats: [found], ignored: [] } : ignore('not_text', `${kind} without text`);
}

function businessMessage(message: Json, edited: boolean, nowSeconds: number, kind: string): ConnectorResult {
  const connection = ident(message.business_connection_id, 256);
  const room = obj(message.chat);
  const messageId = ident(message.message_id, 32);
  const chatId = ident(room?.id, 64);
  if (!connection || !chatId || !messageId) {
    return ignore('unknown_shape', `${kind} without business_connection_id, chat.id or message_id`);
  }
  if (room?.type !== 'private') return ignore('group', `${kind} in a ${String(room?.type)} chat`);
  if (message.sender_business_bot !== undefined) return ignore('outgoing', `${kind} sent by the bot for the owner`);
  const who = sender(message);
  if (who === 'bot') return ignore('outgoing', `${kind} from a bot`);
  if (!who) return ignore('no_partner', `${kind} without a sender`);
  // The chat is the customer's: anyone else writing in it is the business account's owner.
  if (who.userId !== chatId) return ignore('outgoing', `${kind} written by the business account`);
  const found = chat(message, who, `${connection}:${chatId}:${messageId}`, edited, nowSeconds);
  return found ? { chats: [{ ...found, starts: false }], ignored: [] } : ignore('not_text', `${kind} without text`);
}
