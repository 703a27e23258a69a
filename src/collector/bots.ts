import { cleanText } from '../domain/index.js';
import type { ChatReport } from './validate.js';

/**
 * Bot webhooks → chat reports. Pure mapping of the messengers' update JSON; anything that is not
 * a chat (other update kinds, service events, messages without text) maps to null and is
 * acknowledged and ignored, so the messenger does not retry it.
 */

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
// A messenger's name or context cannot be refused: its clean version is kept (control and broken
// characters dropped, cut on a character boundary). An ID that has them is not an ID.
const str = (v: unknown, max: number): string | undefined => (typeof v === 'string' ? cleanText(v, max) : undefined);
const id = (v: unknown, max: number): string | undefined =>
  typeof v === 'number' && Number.isSafeInteger(v)
    ? String(v)
    : typeof v === 'string' && v.length > 0 && v.length <= max && !/[\s\u0000-\u001f\u007f-\u009f]/.test(v)
      ? v
      : undefined;
/** Earliest DateTime taken from an update (2000-01-01); anything else falls back to the time it arrived. */
const MIN_SECONDS = 946_684_800;
const seconds = (v: number | undefined, nowSeconds: number): number =>
  v !== undefined && Number.isSafeInteger(v) && v >= MIN_SECONDS ? Math.min(v, nowSeconds) : nowSeconds;

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
  const text = typeof message.text === 'string' && message.text.length > 0 ? message.text.slice(0, 4096) : undefined;
  const userId = id(from.id, 64);
  if (text === undefined || userId === undefined) return null;
  const report: ChatReport = {
    platform: 'telegram',
    dateTime: seconds(typeof message.date === 'number' ? message.date : undefined, nowSeconds),
    text,
    chatUserId: userId,
  };
  const username = str(from.username, 64);
  if (username) report.chatUsername = username;
  return { report, starts: /^\s*\/start\b/i.test(text) };
}

/** Viber REST bot callbacks: `conversation_started` (with `context`) and `message` events. */
export function viberChat(event: Json, nowSeconds: number): BotChat | null {
  const kind = event.event;
  const at = seconds(
    typeof event.timestamp === 'number' && Number.isFinite(event.timestamp)
      ? Math.floor(event.timestamp / 1000)
      : undefined,
    nowSeconds,
  );
  if (kind === 'conversation_started') {
    const user = obj(event.user);
    const userId = id(user?.id, 128);
    if (!userId) return null;
    const report: ChatReport = { platform: 'viber', dateTime: at, chatUserId: userId };
    const name = str(user?.name, 100);
    if (name) report.chatUsername = name;
    const context = str(event.context, 256);
    if (context) report.context = context;
    return { report, starts: context !== undefined };
  }
  if (kind === 'message') {
    const sender = obj(event.sender);
    const message = obj(event.message);
    const userId = id(sender?.id, 128);
    const text =
      message?.type === 'text' && typeof message.text === 'string' && message.text.length > 0
        ? message.text.slice(0, 4096)
        : undefined;
    if (!userId || text === undefined) return null;
    const report: ChatReport = { platform: 'viber', dateTime: at, chatUserId: userId, text };
    const name = str(sender?.name, 100);
    if (name) report.chatUsername = name;
    return { report, starts: false };
  }
  return null;
}
