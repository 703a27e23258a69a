import type { ChatReport } from './validate.js';

/**
 * Bot webhooks → chat reports. Pure mapping of the messengers' update JSON; anything that is not
 * a chat (other update kinds, service events, messages without text) maps to null and is
 * acknowledged and ignored, so the messenger does not retry it.
 */

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
const str = (v: unknown, max: number): string | undefined =>
  typeof v === 'string' && v.length > 0 ? v.slice(0, max) : undefined;

/** A webhook chat: the report plus whether it always starts a chat (a start command or deep-link context). */
export interface BotChat {
  report: ChatReport;
  /** `/start` or `conversation_started`: a new conversation even from a partner seen before. */
  starts: boolean;
}

/** Telegram Bot API `Update`: `message.text`, `message.from.id`, `from.username`, `message.date`. */
export function telegramChat(update: Json, nowSeconds: number): BotChat | null {
  const message = obj(update.message);
  const from = obj(message?.from);
  if (!message || !from || from.is_bot === true) return null;
  const text = str(message.text, 4096);
  const id = from.id;
  if (text === undefined || (typeof id !== 'number' && typeof id !== 'string')) return null;
  const date = typeof message.date === 'number' && Number.isSafeInteger(message.date) ? message.date : nowSeconds;
  const report: ChatReport = {
    platform: 'telegram',
    dateTime: Math.min(date, nowSeconds),
    text,
    chatUserId: String(id),
  };
  const username = str(from.username, 64);
  if (username) report.chatUsername = username;
  return { report, starts: /^\s*\/start\b/i.test(text) };
}

/** Viber REST bot callbacks: `conversation_started` (with `context`) and `message` events. */
export function viberChat(event: Json, nowSeconds: number): BotChat | null {
  const kind = event.event;
  const seconds =
    typeof event.timestamp === 'number' && Number.isFinite(event.timestamp)
      ? Math.min(Math.floor(event.timestamp / 1000), nowSeconds)
      : nowSeconds;
  if (kind === 'conversation_started') {
    const user = obj(event.user);
    const id = str(user?.id, 128);
    if (!id) return null;
    const report: ChatReport = { platform: 'viber', dateTime: seconds, chatUserId: id };
    const name = str(user?.name, 100);
    if (name) report.chatUsername = name;
    const context = str(event.context, 256);
    if (context) report.context = context;
    return { report, starts: context !== undefined };
  }
  if (kind === 'message') {
    const sender = obj(event.sender);
    const message = obj(event.message);
    const id = str(sender?.id, 128);
    const text = message?.type === 'text' ? str(message.text, 4096) : undefined;
    if (!id || text === undefined) return null;
    const report: ChatReport = { platform: 'viber', dateTime: seconds, chatUserId: id, text };
    const name = str(sender?.name, 100);
    if (name) report.chatUsername = name;
    return { report, starts: false };
  }
  return null;
}
