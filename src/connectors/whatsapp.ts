import { createHmac, timingSafeEqual } from 'node:crypto';
import { ident, type Json, list, messageText, obj, phone, unixSeconds } from './fields.js';
import { type ConnectorChat, type ConnectorResult, combine, ignore } from './types.js';

/**
 * WhatsApp Business Platform (Cloud API) webhooks → chats. Meta's Graph API webhooks
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started and the WhatsApp
 * "Webhooks" reference): a GET verification request, then signed POST notifications
 * `{object: "whatsapp_business_account", entry: [{id, changes: [{field: "messages", value}]}]}`
 * where `value.messages[]` are customers' messages (`from` is the customer's number, digits only;
 * `timestamp` Unix seconds as a string) and `value.statuses[]` are delivery reports of what the
 * business sent.
 *
 * Text comes from `text.body`, a template quick-reply button's `button.text`, and an interactive
 * reply's `button_reply.title` or `list_reply.title`. The docs list no webhook for an edited
 * customer message at the time of writing (edits arrived as `type: "unsupported"`), so none is
 * read: such a message is acknowledged as not text.
 */

/** The `hub.*` query of Meta's verification request, answered by {@link whatsappHandshake}. */
export type Handshake = { status: 200; challenge: string } | { status: 403; field: string; reason: string };

/**
 * Meta's verification request: `hub.mode=subscribe`, `hub.verify_token` equal to the token set in
 * the app dashboard, answered with the `hub.challenge` value as the body; anything else is 403.
 * `tokenAccepted` compares in constant time.
 */
export function whatsappHandshake(query: URLSearchParams, tokenAccepted: (token: string) => boolean): Handshake {
  if (query.get('hub.mode') !== 'subscribe') {
    return { status: 403, field: 'hub.mode', reason: 'hub.mode must be "subscribe"' };
  }
  const token = query.get('hub.verify_token');
  if (token === null || !tokenAccepted(token)) {
    return { status: 403, field: 'hub.verify_token', reason: 'hub.verify_token must be the webhook secret' };
  }
  const challenge = query.get('hub.challenge');
  if (challenge === null || challenge === '' || challenge.length > 256) {
    return { status: 403, field: 'hub.challenge', reason: 'hub.challenge must be 1–256 characters' };
  }
  return { status: 200, challenge };
}

/**
 * Checks `X-Hub-Signature-256: sha256=<hex>`, the HMAC-SHA256 of the raw body bytes with the app
 * secret, in constant time. The bytes must be the ones received: re-serialised JSON differs.
 */
export function whatsappSignatureValid(rawBody: Uint8Array, header: string | undefined, appSecret: string): boolean {
  if (!appSecret || header === undefined) return false;
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!m) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(m[1] as string, 'hex'));
}

export function whatsappNotification(body: Json, nowSeconds: number): ConnectorResult {
  if (body.object !== 'whatsapp_business_account' || !Array.isArray(body.entry)) {
    return ignore('unknown_shape', `object ${JSON.stringify(String(body.object)).slice(0, 60)}`);
  }
  const changes = body.entry.flatMap((entry) => list(obj(entry)?.changes));
  if (changes.length === 0) return ignore('unknown_shape', 'entry without changes');
  return combine(changes.map((change) => whatsappChange(obj(change) ?? {}, nowSeconds)));
}

function whatsappChange(change: Json, nowSeconds: number): ConnectorResult {
  const value = obj(change.value);
  if (change.field !== 'messages' || !value) {
    // Template reviews, quality ratings, message echoes of the Business app: no customer message.
    return ignore('not_message', `field ${JSON.stringify(String(change.field)).slice(0, 60)}`);
  }
  const results: ConnectorResult[] = list(value.statuses).map(() => ignore('status', 'statuses'));
  for (const message of list(value.messages)) results.push(whatsappMessage(obj(message) ?? {}, nowSeconds));
  return results.length > 0
    ? combine(results)
    : ignore('unknown_shape', 'messages change without messages or statuses');
}

/** The text a customer sent: typed, or the label of the button or list row they tapped. */
function textOf(message: Json): string | undefined {
  switch (message.type) {
    case 'text':
      return messageText(obj(message.text)?.body);
    case 'button':
      return messageText(obj(message.button)?.text);
    case 'interactive': {
      const interactive = obj(message.interactive);
      return messageText(obj(interactive?.button_reply)?.title) ?? messageText(obj(interactive?.list_reply)?.title);
    }
    default:
      return undefined;
  }
}

function whatsappMessage(message: Json, nowSeconds: number): ConnectorResult {
  const messageId = ident(message.id, 256);
  const dateTime = unixSeconds(message.timestamp, nowSeconds);
  if (!messageId || dateTime === undefined) return ignore('unknown_shape', 'message without id or timestamp');
  const phoneNumber = phone(message.from);
  if (!phoneNumber) return ignore('no_partner', 'message without a phone number in from');
  const text = textOf(message);
  if (text === undefined) return ignore('not_text', `message of type ${String(message.type).slice(0, 40)}`);
  const chat: ConnectorChat = {
    platform: 'whatsapp',
    dateTime,
    text,
    phoneNumber,
    messageId,
    edited: false,
    starts: false,
  };
  return { chats: [chat], ignored: [] };
}
