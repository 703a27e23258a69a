import { createHash, createHmac, randomBytes } from 'node:crypto';

/** What the demo panel's business side sends to the collector, built without I/O. */

/**
 * Demo-only webhook secret, new on every run: the local collector accepts it, nothing else does.
 * 48 characters, well over the collector's minimum.
 */
export const DEMO_WEBHOOK_SECRET = randomBytes(24).toString('hex');
/** Demo-only Meta app secret: the demo signs its WhatsApp Cloud API notifications with it. */
export const DEMO_WHATSAPP_APP_SECRET = 'demo-whatsapp-app-secret';

/** A stable numeric user ID for a partner typed in the panel, as a messenger would assign one. */
function numericId(partner: string): number {
  return Number.parseInt(createHash('sha256').update(partner).digest('hex').slice(0, 10), 16);
}

/** A new message ID for every message the panel sends, as the platform would give it. */
let sentMessages = 0;
const nextMessageId = (): number => ++sentMessages;

/** A request to the collector: its path and body, whether it needs the API key, any other headers. */
export interface BusinessRequest {
  path: string;
  body: unknown;
  auth: boolean;
  headers?: Record<string, string>;
}

/**
 * What a channel connector's platform sends for a customer's message (the documented shapes, at
 * their smallest), for the connector channels of the panel; undefined for the others.
 */
function connectorRequest(
  channel: string | undefined,
  platform: string,
  partner: string,
  text: string,
  now: Date,
): BusinessRequest | undefined {
  const seconds = Math.floor(now.getTime() / 1000);
  const digits = partner.replace(/\D/g, '') || '79990001122';
  const id = nextMessageId();
  const hook = (name: string) => `/v1/webhooks/${name}/${DEMO_WEBHOOK_SECRET}`;
  if (channel === 'telegram-business') {
    const userId = numericId(partner || 'telegram-visitor');
    const from = { id: userId, is_bot: false, first_name: 'Visitor' };
    const chat = { id: userId, type: 'private' };
    const message = { message_id: id, business_connection_id: 'demo-business', from, chat, date: seconds, text };
    return { path: hook('telegram'), auth: false, body: { update_id: id, business_message: message } };
  }
  if (channel === 'whatsapp-cloud') {
    const message = {
      from: digits,
      id: `wamid.demo${id}`,
      timestamp: String(seconds),
      type: 'text',
      text: { body: text },
    };
    const value = {
      messaging_product: 'whatsapp',
      contacts: [{ profile: { name: 'Visitor' }, wa_id: digits }],
      messages: [message],
    };
    const body = {
      object: 'whatsapp_business_account',
      entry: [{ id: 'demo', changes: [{ field: 'messages', value }] }],
    };
    // Meta signs the exact bytes; the demo server sends JSON.stringify(body), the same bytes.
    const signature = createHmac('sha256', DEMO_WHATSAPP_APP_SECRET).update(JSON.stringify(body)).digest('hex');
    return { path: hook('whatsapp'), auth: false, body, headers: { 'X-Hub-Signature-256': `sha256=${signature}` } };
  }
  if (channel === 'green-api') {
    const chatId = `${digits}@c.us`;
    const body = {
      typeWebhook: 'incomingMessageReceived',
      timestamp: seconds,
      idMessage: `DEMO${id}`,
      senderData: { chatId, sender: chatId, senderName: 'Visitor' },
      messageData: { typeMessage: 'textMessage', textMessageData: { textMessage: text } },
    };
    return { path: hook('green-api'), auth: false, body };
  }
  if (channel === 'wazzup') {
    const chatId = platform === 'telegram' ? String(numericId(partner || 'telegram-visitor')) : digits;
    const message = { messageId: `demo-${id}`, dateTime: now.toISOString(), chatType: platform, chatId, type: 'text' };
    return { path: hook('wazzup'), auth: false, body: { messages: [{ ...message, isEcho: false, text }] } };
  }
  return undefined;
}

/** Builds what the business side sends, for the channel picked in the panel. */
export function businessRequest(
  input: { channel?: string; platform?: string; text?: string; partner?: string },
  now: Date,
): BusinessRequest {
  const partner = String(input.partner ?? '').trim();
  const text = String(input.text ?? '');
  const seconds = Math.floor(now.getTime() / 1000);
  const connector = connectorRequest(input.channel, input.platform ?? 'whatsapp', partner, text, now);
  if (connector) return connector;
  if (input.channel === 'telegram-webhook') {
    const id = numericId(partner || 'telegram-visitor');
    const username = /^@?[A-Za-z][A-Za-z0-9_]{3,31}$/.test(partner) ? partner.replace(/^@/, '') : undefined;
    return {
      path: `/v1/webhooks/telegram/${DEMO_WEBHOOK_SECRET}`,
      auth: false,
      body: {
        update_id: seconds,
        message: {
          message_id: nextMessageId(),
          date: seconds,
          text,
          from: { id, is_bot: false, first_name: 'Visitor', ...(username ? { username } : {}) },
          chat: { id, type: 'private' },
        },
      },
    };
  }
  if (input.channel === 'viber-webhook') {
    const id = `${numericId(partner || 'viber-visitor').toString(36)}==`;
    return {
      path: `/v1/webhooks/viber/${DEMO_WEBHOOK_SECRET}`,
      auth: false,
      body: {
        event: 'conversation_started',
        timestamp: now.getTime(),
        message_token: seconds,
        type: 'open',
        context: text,
        user: { id, name: 'Visitor' },
        subscribed: false,
      },
    };
  }
  const partnerField = /^\+?\d{6,15}$/.test(partner)
    ? { phoneNumber: partner.startsWith('+') ? partner : `+${partner}` }
    : /^\d+$/.test(partner)
      ? { chatUserId: partner }
      : { chatUsername: partner.replace(/^@/, '') || 'visitor' };
  return {
    path: '/v1/chats',
    auth: true,
    body: { platform: input.platform ?? 'whatsapp', dateTime: seconds, text, ...partnerField },
  };
}
