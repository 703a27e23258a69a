import { createHash } from 'node:crypto';

/** What the demo panel's business side sends to the collector, built without I/O. */

/** Demo-only webhook secret: the local collector accepts it, nothing else does. */
export const DEMO_WEBHOOK_SECRET = 'demo-webhook-secret';

/** A stable numeric user ID for a partner typed in the panel, as a messenger would assign one. */
function numericId(partner: string): number {
  return Number.parseInt(createHash('sha256').update(partner).digest('hex').slice(0, 10), 16);
}

/** Builds what the business side sends, for the channel picked in the panel. */
export function businessRequest(
  input: { channel?: string; platform?: string; text?: string; partner?: string },
  now: Date,
): { path: string; body: unknown; auth: boolean } {
  const partner = String(input.partner ?? '').trim();
  const text = String(input.text ?? '');
  const seconds = Math.floor(now.getTime() / 1000);
  if (input.channel === 'telegram-webhook') {
    const id = numericId(partner || 'telegram-visitor');
    const username = /^@?[A-Za-z][A-Za-z0-9_]{3,31}$/.test(partner) ? partner.replace(/^@/, '') : undefined;
    return {
      path: `/v1/webhooks/telegram/${DEMO_WEBHOOK_SECRET}`,
      auth: false,
      body: {
        update_id: seconds,
        message: {
          message_id: 1,
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
