import { type ChatIdFormat, DEFAULT_FORMAT, isChatId } from '../match/index.js';
import { CHAT_PLATFORMS, type ChatPlatform } from '../shared/conversion.js';
import { compactPhone } from '../storage/rows.js';
import type { ChatInput, PairingInput } from '../storage/types.js';
import { badField } from './errors.js';

/**
 * Strict schemas for what comes in: every field typed, length-capped and named in the error.
 * Pure functions of the parsed body and the clock, so every rule is unit-tested without HTTP.
 */

// Unicode oddities that have no business in an ID or a URL: control characters (C0, DEL, C1),
// lone surrogates, and bidi overrides that make a value display differently from what it is.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Earliest DateTime accepted (2000-01-01): anything before is a unit or parsing mistake. */
const MIN_SECONDS = 946_684_800;
/** How far a page's clock may run ahead of ours before its `ts` is refused. */
const FUTURE_SKEW_MS = 24 * 3600 * 1000;

type Body = Record<string, unknown>;

function shown(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return v.length > 40 ? `a string of ${v.length} characters` : JSON.stringify(v);
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

function rejectUnknown(body: Body, allowed: readonly string[]): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      throw badField(key, `unknown field ${JSON.stringify(key.slice(0, 64))}; expected only ${allowed.join(', ')}`);
    }
  }
}

/** A string field: absent (undefined or null) → undefined; otherwise checked and returned. */
function text(
  body: Body,
  field: string,
  max: number,
  options: { pattern?: RegExp; expected?: string; required?: boolean; multiline?: boolean } = {},
): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) {
    if (options.required) throw badField(field, `${field} is required`);
    return undefined;
  }
  if (typeof v !== 'string') throw badField(field, `${field} must be a string, got ${shown(v)}`);
  if (v.length === 0) {
    if (options.required) throw badField(field, `${field} must not be empty`);
    return undefined;
  }
  if (v.length > max) throw badField(field, `${field} must be at most ${max} characters, got ${v.length}`);
  if (LONE_SURROGATE.test(v)) throw badField(field, `${field} contains a broken Unicode character (lone surrogate)`);
  const control = options.multiline
    ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/
    : CONTROL;
  if (control.test(v)) throw badField(field, `${field} contains control or direction-override characters`);
  if (options.pattern && !options.pattern.test(v)) {
    throw badField(field, `${field} must be ${options.expected ?? `like ${options.pattern}`}, got ${shown(v)}`);
  }
  return v;
}

function httpUrl(body: Body, field: string): string | undefined {
  const v = text(body, field, 2048);
  if (v === undefined) return undefined;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw badField(field, `${field} must be an absolute http(s) URL, got ${shown(v)}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw badField(field, `${field} must be an http(s) URL, got the scheme ${JSON.stringify(u.protocol)}`);
  }
  return v;
}

function platformOf(body: Body, field: string, required: boolean): ChatPlatform | undefined {
  const v = body[field];
  if (v === undefined || v === null) {
    if (required) throw badField(field, `${field} is required: one of ${CHAT_PLATFORMS.join(', ')}`);
    return undefined;
  }
  if (typeof v !== 'string' || !(CHAT_PLATFORMS as readonly string[]).includes(v)) {
    throw badField(field, `${field} must be one of ${CHAT_PLATFORMS.join(', ')}, got ${shown(v)}`);
  }
  return v as ChatPlatform;
}

const PAIRING_FIELDS = [
  'v',
  'chatId',
  'clientId',
  'yclid',
  'userId',
  'purchaseId',
  'counterId',
  'url',
  'referrer',
  'platform',
  'ts',
] as const;

/** Validates a pairing beacon (v1). `now` is the collector's clock in Unix ms. */
export function parsePairing(body: Body, now: number, format: ChatIdFormat = DEFAULT_FORMAT): PairingInput {
  rejectUnknown(body, PAIRING_FIELDS);
  if (body.v !== 1) throw badField('v', `v must be the number 1 (the beacon format version), got ${shown(body.v)}`);
  const chatId = body.chatId;
  if (chatId === undefined || chatId === null) throw badField('chatId', 'chatId is required');
  if (!isChatId(chatId, format)) {
    throw badField(
      'chatId',
      `chatId must be "${format.prefix}" followed by ${format.length} characters of 2-9 A-H J-N P-Z, got ${shown(chatId)}`,
    );
  }
  let counterId: string | undefined;
  if (typeof body.counterId === 'number' && Number.isSafeInteger(body.counterId) && body.counterId > 0) {
    counterId = String(body.counterId);
  } else {
    counterId = text(body, 'counterId', 12, { pattern: /^[1-9][0-9]{0,11}$/, expected: 'a Metrica counter number' });
  }
  let ts: number | undefined;
  if (body.ts !== undefined && body.ts !== null) {
    if (typeof body.ts !== 'number' || !Number.isSafeInteger(body.ts)) {
      throw badField('ts', `ts must be an integer of Unix milliseconds, got ${shown(body.ts)}`);
    }
    if (body.ts < MIN_SECONDS * 1000) throw badField('ts', `ts must be Unix milliseconds after 2000, got ${body.ts}`);
    if (body.ts > now + FUTURE_SKEW_MS) throw badField('ts', `ts is more than a day in the future: ${body.ts}`);
    ts = body.ts;
  }
  const p: PairingInput = { chatId, receivedAt: now };
  const set = <K extends keyof PairingInput>(k: K, v: PairingInput[K] | undefined) => {
    if (v !== undefined) p[k] = v;
  };
  set('clientId', text(body, 'clientId', 20, { pattern: /^[0-9]{1,20}$/, expected: 'a string of 1–20 digits' }));
  set('yclid', text(body, 'yclid', 64, { pattern: /^[0-9]{1,64}$/, expected: 'a string of digits' }));
  set('userId', text(body, 'userId', 100));
  set('purchaseId', text(body, 'purchaseId', 100));
  set('counterId', counterId);
  set('url', httpUrl(body, 'url'));
  set('referrer', httpUrl(body, 'referrer'));
  set('platform', platformOf(body, 'platform', false));
  set('ts', ts);
  return p;
}

/**
 * A chat as reported by a CRM, an operator or a bot adapter, validated: the stored chat's fields
 * (without the attribution, which the collector works out) plus what carries the chat ID.
 */
export interface ChatReport extends Omit<ChatInput, 'attribution'> {
  text?: string;
  chatId?: string;
  /** Viber's deep-link `context`: carries the chat ID like a start payload. */
  context?: string;
}

const CHAT_FIELDS = [
  'platform',
  'dateTime',
  'text',
  'chatId',
  'chatUsername',
  'chatUserId',
  'phoneNumber',
  'answered',
  'tags',
  'price',
  'currency',
  'messengerTrackerUrl',
] as const;

/** Checks a DateTime in Unix seconds: an integer, after 2000, not in the future. */
export function checkDateTime(v: unknown, nowSeconds: number, field = 'dateTime'): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
    throw badField(field, `${field} must be an integer of Unix seconds, got ${shown(v)}`);
  }
  if (v > 1e11) throw badField(field, `${field} must be Unix seconds, got ${v} (milliseconds? divide by 1000)`);
  if (v < MIN_SECONDS) throw badField(field, `${field} must be Unix seconds after 2000-01-01, got ${v}`);
  if (v > nowSeconds)
    throw badField(field, `${field} is in the future (${v} > now ${nowSeconds}); Metrica accepts past times only`);
  return v;
}

/** Validates `POST /v1/chats`. `now` is the collector's clock in Unix ms. */
export function parseChatReport(body: Body, now: number, format: ChatIdFormat = DEFAULT_FORMAT): ChatReport {
  rejectUnknown(body, CHAT_FIELDS);
  const nowSeconds = Math.floor(now / 1000);
  const platform = platformOf(body, 'platform', true) as ChatPlatform;
  const dateTime =
    body.dateTime === undefined || body.dateTime === null ? nowSeconds : checkDateTime(body.dateTime, nowSeconds);
  const r: ChatReport = { platform, dateTime };
  const set = <K extends keyof ChatReport>(k: K, v: ChatReport[K] | undefined) => {
    if (v !== undefined) r[k] = v;
  };
  set('text', text(body, 'text', 4096, { multiline: true }));
  const chatId = body.chatId;
  if (chatId !== undefined && chatId !== null) {
    if (!isChatId(chatId, format)) {
      throw badField(
        'chatId',
        `chatId must be "${format.prefix}" followed by ${format.length} characters of 2-9 A-H J-N P-Z, got ${shown(chatId)}`,
      );
    }
    r.chatId = chatId;
  }
  set('chatUsername', text(body, 'chatUsername', 100));
  set('chatUserId', text(body, 'chatUserId', 128, { pattern: /^\S+$/, expected: 'an ID without spaces' }));
  const phone = text(body, 'phoneNumber', 32);
  if (phone !== undefined) {
    const compact = compactPhone(phone);
    if (compact === null) {
      throw badField('phoneNumber', 'phoneNumber must be 7–15 digits with the country code, e.g. +79001234567');
    }
    r.phoneNumber = compact;
  }
  if (!r.chatUserId && !r.chatUsername && !r.phoneNumber) {
    throw badField('chatUserId', 'one of chatUserId, chatUsername or phoneNumber is required (the chat partner)');
  }
  if (body.answered !== undefined && body.answered !== null) {
    if (typeof body.answered !== 'boolean') {
      throw badField('answered', `answered must be true or false, got ${shown(body.answered)}`);
    }
    r.answered = body.answered;
  }
  if (body.tags !== undefined && body.tags !== null) {
    const list = typeof body.tags === 'string' ? [body.tags] : body.tags;
    if (!Array.isArray(list) || list.some((t) => typeof t !== 'string')) {
      throw badField('tags', `tags must be a string or an array of strings, got ${shown(body.tags)}`);
    }
    const joined = (list as string[])
      .map((t) => t.trim())
      .filter(Boolean)
      .join(',');
    if (joined.length > 100)
      throw badField('tags', `tags must be at most 100 characters together, got ${joined.length}`);
    if (CONTROL.test(joined) || LONE_SURROGATE.test(joined)) {
      throw badField('tags', 'tags contain control characters or broken Unicode');
    }
    if (joined) r.tags = joined;
  }
  if (body.price !== undefined && body.price !== null) {
    const p = body.price;
    const s = typeof p === 'number' && Number.isFinite(p) ? String(p) : p;
    if (typeof s !== 'string' || !/^[0-9]{1,12}(\.[0-9]{1,2})?$/.test(s)) {
      throw badField('price', `price must be a non-negative amount with a full stop, e.g. 1500.50, got ${shown(p)}`);
    }
    r.price = s;
  }
  const currency = text(body, 'currency', 3, { pattern: /^[A-Za-z]{3}$/, expected: 'a three-letter ISO 4217 code' });
  if (currency !== undefined) r.currency = currency.toUpperCase();
  set('messengerTrackerUrl', httpUrl(body, 'messengerTrackerUrl'));
  return r;
}
