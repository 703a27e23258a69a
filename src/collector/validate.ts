import {
  CHAT_PLATFORMS,
  type ChatPlatform,
  clientIdVerdict,
  currencyVerdict,
  dateTimeVerdict,
  isChatPlatform,
  normalizeCurrency,
  normalizePhone,
  partnerUserIdVerdict,
  priceVerdict,
  siteIdVerdict,
  tagVerdict,
  textProblem,
  URL_MAX_LENGTH,
  urlVerdict,
  usernameVerdict,
  type Verdict,
  yclidVerdict,
} from '../domain/index.js';
import { type ChatIdFormat, DEFAULT_FORMAT, isChatId } from '../match/index.js';
import type { ChatInput, PairingInput } from '../storage/types.js';
import { badField } from './errors.js';

/**
 * Strict schemas for what comes in: every field typed, length-capped and named in the error.
 * The value rules are the domain's (`domain/`), the same the uploader applies before sending, so
 * whatever is accepted here can be uploaded. Pure functions of the parsed body and the clock, so
 * every rule is unit-tested without HTTP.
 */

/** How far a page's clock may run ahead of ours before its `ts` is refused. */
const FUTURE_SKEW_MS = 24 * 3600 * 1000;
const MIN_TS_MS = 946_684_800_000;

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

/** Refuses the value with the domain rule's words: `field must be …, got … (hint)`. */
function refuse(field: string, value: unknown, verdict: Exclude<Verdict, null>): never {
  const hint = verdict.hint ? ` (${verdict.hint})` : '';
  throw badField(field, `${field} must be ${verdict.expected}, got ${shown(value)}${hint}`);
}

/**
 * A string field: absent (undefined or null) → undefined; otherwise typed, length-capped, free of
 * control characters, then held to `rule` (a domain rule) when one is given.
 */
function text(
  body: Body,
  field: string,
  max: number,
  options: { rule?: (v: string) => Verdict; required?: boolean; multiline?: boolean } = {},
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
  const bad = textProblem(v, { multiline: options.multiline === true });
  if (bad) throw badField(field, `${field} ${bad}`);
  const verdict = options.rule?.(v) ?? null;
  if (verdict) refuse(field, v, verdict);
  return v;
}

const httpUrl = (body: Body, field: string): string | undefined =>
  text(body, field, URL_MAX_LENGTH, { rule: urlVerdict });

function platformOf(body: Body, field: string, required: boolean): ChatPlatform | undefined {
  const v = body[field];
  if (v === undefined || v === null) {
    if (required) throw badField(field, `${field} is required: one of ${CHAT_PLATFORMS.join(', ')}`);
    return undefined;
  }
  if (!isChatPlatform(v)) {
    throw badField(field, `${field} must be one of ${CHAT_PLATFORMS.join(', ')}, got ${shown(v)}`);
  }
  return v;
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
    counterId = text(body, 'counterId', 12, {
      rule: (v) => (/^[1-9][0-9]{0,11}$/.test(v) ? null : { expected: 'a Metrica counter number' }),
    });
  }
  let ts: number | undefined;
  if (body.ts !== undefined && body.ts !== null) {
    if (typeof body.ts !== 'number' || !Number.isSafeInteger(body.ts)) {
      throw badField('ts', `ts must be an integer of Unix milliseconds, got ${shown(body.ts)}`);
    }
    if (body.ts < MIN_TS_MS) throw badField('ts', `ts must be Unix milliseconds after 2000, got ${body.ts}`);
    if (body.ts > now + FUTURE_SKEW_MS) throw badField('ts', `ts is more than a day in the future: ${body.ts}`);
    ts = body.ts;
  }
  const p: PairingInput = { chatId, receivedAt: now };
  const set = <K extends keyof PairingInput>(k: K, v: PairingInput[K] | undefined) => {
    if (v !== undefined) p[k] = v;
  };
  set('clientId', text(body, 'clientId', 19, { rule: clientIdVerdict }));
  set('yclid', text(body, 'yclid', 24, { rule: yclidVerdict }));
  set('userId', text(body, 'userId', 400, { rule: siteIdVerdict }));
  set('purchaseId', text(body, 'purchaseId', 400, { rule: siteIdVerdict }));
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

/** Checks a DateTime in Unix seconds (the domain's rule): an integer, after 2000, not in the future. */
export function checkDateTime(v: unknown, nowSeconds: number, field = 'dateTime'): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
    throw badField(field, `${field} must be an integer of Unix seconds, got ${shown(v)}`);
  }
  const verdict = dateTimeVerdict(String(v), nowSeconds);
  if (verdict) refuse(field, v, verdict);
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
  set('chatUsername', text(body, 'chatUsername', 400, { rule: usernameVerdict }));
  set('chatUserId', text(body, 'chatUserId', 400, { rule: partnerUserIdVerdict }));
  const phone = text(body, 'phoneNumber', 64);
  if (phone !== undefined) {
    const normal = normalizePhone(phone);
    if (normal === null) {
      throw badField(
        'phoneNumber',
        `phoneNumber must be a phone number with the country code, e.g. +79161234567, got ${shown(phone)}`,
      );
    }
    r.phoneNumber = normal;
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
    const verdict = tagVerdict(joined);
    if (verdict) refuse('tags', joined, verdict);
    if (joined) r.tags = joined;
  }
  if (body.price !== undefined && body.price !== null) {
    const p = body.price;
    const s = typeof p === 'number' && Number.isFinite(p) ? String(p) : p;
    if (typeof s !== 'string') refuse('price', p, { expected: 'a non-negative amount with a full stop, e.g. 1500.50' });
    const verdict = priceVerdict(s);
    if (verdict) refuse('price', p, verdict);
    r.price = s;
  }
  const currency = text(body, 'currency', 3);
  if (currency !== undefined) {
    // A CRM's `rub` is RUB: the clean version is stored; a code that is no currency in any case is refused.
    const normal = normalizeCurrency(currency);
    if (normal === null) refuse('currency', currency, currencyVerdict(currency) ?? { expected: 'an ISO 4217 code' });
    r.currency = normal;
  }
  set('messengerTrackerUrl', httpUrl(body, 'messengerTrackerUrl'));
  return r;
}
