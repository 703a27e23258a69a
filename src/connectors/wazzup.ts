import { ident, isoSeconds, type Json, label, list, messageText, obj, phone } from './fields.js';
import { type ConnectorChat, type ConnectorResult, combine, ignore } from './types.js';

/**
 * Wazzup API v3 webhooks (https://wazzup24.com/help/api-documentation-en/webhooks/) → chats.
 * Wazzup connects WhatsApp, Telegram, Viber, Instagram, VK, Avito… numbers and accounts to a CRM,
 * and posts `{messages: [...], statuses: [...]}`; when the webhook URL is set it first posts
 * `{"test": true}` and needs a 200.
 *
 * A message: `messageId` (guid), `dateTime` (ISO 8601, UTC), `channelId`, `chatType`, `chatId`,
 * `type` (`text`, `image`…), `isEcho` (true: sent from the business side), `text`, `contact`
 * (`name`, and for Telegram `username` and `phone` when known), `isEdited`, `isDeleted`.
 *
 * Unclear in the docs: what `chatId` holds for Telegram (read here as the customer's Telegram user
 * ID), and whether Viber is sent as `chatType: "viber"` (read here as a phone-number chat, like
 * WhatsApp). `whatsgroup` and `telegroup` are group chats.
 */

const GROUPS = ['whatsgroup', 'telegroup'];

export function wazzupWebhook(body: Json, nowSeconds: number): ConnectorResult {
  if (body.test === true) return ignore('test', 'test request');
  const messages = list(body.messages);
  const statuses = list(body.statuses);
  if (messages.length === 0 && statuses.length === 0) {
    // createContact / createDeal / channelsUpdates / templateStatus: CRM and channel events.
    const kinds = Object.keys(body).slice(0, 8).join(', ') || 'none';
    return ['createContact', 'createDeal', 'channelsUpdates', 'templateStatus'].some((k) => k in body)
      ? ignore('not_message', kinds)
      : ignore('unknown_shape', `webhook with fields ${kinds}`);
  }
  return combine([
    ...statuses.map(() => ignore('status', 'statuses')),
    ...messages.map((m) => wazzupMessage(obj(m) ?? {}, nowSeconds)),
  ]);
}

function wazzupMessage(message: Json, nowSeconds: number): ConnectorResult {
  const chatType = typeof message.chatType === 'string' ? message.chatType : '';
  const messageId = ident(message.messageId, 256);
  const dateTime = isoSeconds(message.dateTime, nowSeconds);
  if (!messageId || dateTime === undefined || !chatType) {
    return ignore('unknown_shape', 'message without messageId, dateTime or chatType');
  }
  if (message.isEcho === true) return ignore('outgoing', `${chatType} echo`);
  if (message.isDeleted === true) return ignore('deleted', chatType);
  if (GROUPS.includes(chatType)) return ignore('group', chatType);
  const partner = partnerOf(chatType, message);
  if (partner === 'other') return ignore('other_channel', chatType.slice(0, 40));
  if (!partner) return ignore('no_partner', `${chatType} message without a usable chatId`);
  const text = message.type === 'text' ? messageText(message.text) : undefined;
  if (text === undefined) return ignore('not_text', `type ${String(message.type).slice(0, 40)}`);
  const chat: ConnectorChat = {
    ...partner,
    dateTime,
    text,
    messageId,
    edited: message.isEdited === true,
    starts: false,
  };
  return { chats: [chat], ignored: [] };
}

type Partner = Pick<ConnectorChat, 'platform' | 'chatUserId' | 'chatUsername' | 'phoneNumber'>;

function partnerOf(chatType: string, message: Json): Partner | 'other' | undefined {
  if (chatType === 'whatsapp' || chatType === 'viber') {
    const phoneNumber = phone(message.chatId);
    return phoneNumber ? { platform: chatType, phoneNumber } : undefined;
  }
  if (chatType !== 'telegram') return 'other';
  const contact = obj(message.contact);
  const chatUserId = ident(message.chatId, 64);
  const username = label(contact?.username, 64)?.replace(/^@/, '');
  const phoneNumber = phone(contact?.phone);
  if (!chatUserId && !username && !phoneNumber) return undefined;
  return {
    platform: 'telegram',
    ...(chatUserId ? { chatUserId } : {}),
    ...(username ? { chatUsername: username } : {}),
    ...(phoneNumber ? { phoneNumber } : {}),
  };
}
