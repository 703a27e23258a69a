import { ident, type Json, label, messageText, obj, unixSeconds } from './fields.js';
import { type ConnectorChat, type ConnectorResult, ignore } from './types.js';

/**
 * Viber REST bot callbacks (https://developers.viber.com/docs/api/rest-bot-api/#callbacks) → chats:
 * `conversation_started` (its `context` carries the chat ID of a `viber://pa?…&context=` link and
 * always starts a chat) and `message` events with text. `timestamp` is in milliseconds;
 * `message_token` identifies the event on every retry. Everything else (`webhook`, `subscribed`,
 * `delivered`, `seen`…) is acknowledged only.
 */

const NOT_MESSAGES = ['webhook', 'subscribed', 'unsubscribed', 'delivered', 'seen', 'failed', 'client_status'];

export function viberCallback(event: Json, nowSeconds: number): ConnectorResult {
  const kind = typeof event.event === 'string' ? event.event : '';
  if (kind !== 'conversation_started' && kind !== 'message') {
    return NOT_MESSAGES.includes(kind)
      ? ignore('not_message', kind)
      : ignore('unknown_shape', `event ${JSON.stringify(kind).slice(0, 60)}`);
  }
  const dateTime = unixSeconds(
    typeof event.timestamp === 'number' ? Math.floor(event.timestamp / 1000) : undefined,
    nowSeconds,
  );
  const user = obj(kind === 'message' ? event.sender : event.user);
  const userId = ident(user?.id, 128);
  if (dateTime === undefined) return ignore('unknown_shape', `${kind} without timestamp`);
  if (!userId) return ignore('no_partner', `${kind} without a user id`);
  // Without a token (not seen in practice) the event is told apart by what it is, who and when.
  const token = ident(event.message_token, 64) ?? `${kind}:${userId}:${String(event.timestamp)}`;
  const name = label(user?.name, 100);
  const base = {
    platform: 'viber' as const,
    dateTime,
    chatUserId: userId,
    ...(name ? { chatUsername: name } : {}),
    messageId: token,
    edited: false,
  };
  if (kind === 'conversation_started') {
    const context = label(event.context, 256);
    // The context is read like a start payload: the chat ID found in it starts a chat.
    const chat: ConnectorChat = { ...base, ...(context ? { context } : {}), starts: context !== undefined };
    return { chats: [chat], ignored: [] };
  }
  const message = obj(event.message);
  const text = message?.type === 'text' ? messageText(message.text) : undefined;
  if (text === undefined) return ignore('not_text', `message of type ${String(message?.type).slice(0, 40)}`);
  return { chats: [{ ...base, text, starts: false }], ignored: [] };
}
