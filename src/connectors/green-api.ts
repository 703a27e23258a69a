import { ident, type Json, messageText, obj, phone, unixSeconds } from './fields.js';
import { type ConnectorResult, ignore } from './types.js';

/**
 * Green-API webhooks (https://green-api.com/en/docs/api/receiving/notifications-format/) → chats.
 * Green-API runs a regular or Business WhatsApp app number and posts every event of it.
 *
 * Chats come from `typeWebhook: "incomingMessageReceived"` with `messageData.typeMessage`
 * `textMessage` (`textMessageData.textMessage`), `extendedTextMessage` or `quotedMessage`
 * (`extendedTextMessageData.text`), and `editedMessage` (`editedMessageData.textMessage`, with
 * `stanzaId` the ID of the message that was edited, so the edit updates that message's chat).
 * `senderData.chatId` `79161234567@c.us` is a personal chat with +79161234567; `@g.us` is a group.
 * `timestamp` is the event's Unix time in seconds. Outgoing messages (from the phone or the API),
 * their statuses and the instance's own state webhooks are acknowledged only.
 */

const OUTGOING = ['outgoingMessageReceived', 'outgoingAPIMessageReceived'];
const STATUS = [
  'outgoingMessageStatus',
  'stateInstanceChanged',
  'statusInstanceChanged',
  'deviceInfo',
  'quotaExceeded',
];
const NOT_MESSAGES = ['incomingCall', 'incomingBlock'];

export function greenApiWebhook(body: Json, nowSeconds: number): ConnectorResult {
  const kind = body.typeWebhook;
  if (typeof kind !== 'string') return ignore('unknown_shape', 'no typeWebhook');
  if (OUTGOING.includes(kind)) return ignore('outgoing', kind);
  if (STATUS.includes(kind)) return ignore('status', kind);
  if (NOT_MESSAGES.includes(kind)) return ignore('not_message', kind);
  if (kind !== 'incomingMessageReceived') return ignore('unknown_shape', `typeWebhook ${kind.slice(0, 60)}`);

  const sender = obj(body.senderData);
  const data = obj(body.messageData);
  const idMessage = ident(body.idMessage, 256);
  const dateTime = unixSeconds(body.timestamp, nowSeconds);
  const chatId = typeof sender?.chatId === 'string' ? sender.chatId : undefined;
  if (!data || !idMessage || dateTime === undefined || !chatId) {
    return ignore('unknown_shape', 'incomingMessageReceived without idMessage, timestamp, chatId or messageData');
  }
  if (chatId.endsWith('@g.us')) return ignore('group', 'group chat');
  const personal = /^([0-9]{7,15})@c\.us$/.exec(chatId);
  const phoneNumber = personal ? phone(personal[1]) : undefined;
  if (!phoneNumber) return ignore('no_partner', 'chatId is not a personal WhatsApp chat');

  const type = data.typeMessage;
  if (type === 'deletedMessage') return ignore('deleted', type);
  let text: string | undefined;
  let messageId = idMessage;
  let edited = false;
  if (type === 'textMessage') text = messageText(obj(data.textMessageData)?.textMessage);
  else if (type === 'extendedTextMessage' || type === 'quotedMessage') {
    text = messageText(obj(data.extendedTextMessageData)?.text);
  } else if (type === 'editedMessage') {
    const edit = obj(data.editedMessageData);
    text = messageText(edit?.textMessage);
    // The edit is remembered under the edited message's ID, so it lands on that message's chat.
    messageId = ident(edit?.stanzaId, 256) ?? idMessage;
    edited = true;
  }
  if (text === undefined) return ignore('not_text', `typeMessage ${String(type).slice(0, 40)}`);
  return {
    chats: [{ platform: 'whatsapp', dateTime, text, phoneNumber, messageId, edited, starts: false }],
    ignored: [],
  };
}

/**
 * The token of the `Authorization` header Green-API adds when the instance has a `webhookUrlToken`
 * (SetSettings). The docs name the setting, not the header's exact form, so both
 * `Bearer <token>` and the bare token are read.
 */
export function greenApiToken(header: string | undefined): string | undefined {
  const m = header === undefined ? null : /^(?:Bearer\s+)?(\S+)\s*$/i.exec(header.trim());
  return m ? m[1] : undefined;
}
