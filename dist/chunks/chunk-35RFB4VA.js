#!/usr/bin/env node
import {
  REASON_TEXT
} from "./chunk-3UQKVSVT.js";
import {
  CHAT_ID_ALPHABET,
  DEFAULT_FORMAT,
  LINK_NAME,
  chatIdFormatProblem,
  defaultMessage,
  isChatId,
  linkTable,
  newChatId,
  rewrite
} from "./chunk-TDIG5AFX.js";
import {
  exportPending
} from "./chunk-DJ2W7AGI.js";
import {
  SAME_VISIT_MS,
  UTM_KEYS,
  openStorage
} from "./chunk-5OEX7AUI.js";
import {
  URL_MAX_LENGTH,
  characterCount,
  chatKey,
  cleanText,
  clientIdVerdict,
  currencyVerdict,
  dateTimeVerdict,
  hasMetricaId,
  isChatPlatform,
  normalizeCurrency,
  normalizePhone,
  partnerUserIdVerdict,
  partnersOf,
  priceVerdict,
  siteIdVerdict,
  tagVerdict,
  textProblem,
  urlVerdict,
  usernameVerdict,
  yclidVerdict
} from "./chunk-4YCAPLBT.js";
import {
  CHAT_PLATFORMS
} from "./chunk-5GHHCO5G.js";
import {
  jsonLogger,
  mask,
  onceLogger,
  silentLogger
} from "./chunk-SULML3OP.js";
import {
  FILTER_LIST_URLS,
  checkInstallation,
  loadFilterLists
} from "./chunk-II6ICZSI.js";

// src/match/clean.ts
var INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD\u180E]|\u034F/g;
var ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
var BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
function removeBidiControls(text2) {
  return text2.replace(BIDI_CONTROLS, "");
}
function removeInvisible(text2) {
  return text2.replace(INVISIBLE, "");
}
function plainSpaces(text2) {
  return text2.replace(ODD_SPACES, " ");
}
function cleanCopiedValue(text2) {
  return plainSpaces(removeInvisible(text2)).trim();
}

// src/match/fold.ts
var LOOK_ALIKES = {
  \u0410: "A",
  \u0412: "B",
  \u0415: "E",
  \u041A: "K",
  \u041C: "M",
  \u041D: "H",
  \u041E: "O",
  \u0420: "P",
  \u0421: "C",
  \u0422: "T",
  \u0425: "X",
  \u0423: "Y",
  \u0430: "A",
  \u0432: "B",
  \u0435: "E",
  \u043A: "K",
  \u043C: "M",
  \u043D: "H",
  \u043E: "O",
  \u0440: "P",
  \u0441: "C",
  \u0442: "T",
  \u0445: "X",
  \u0443: "Y"
};
var DASHES = /* @__PURE__ */ new Set(["-", "\u2010", "\u2011", "\u2013", "\u2212"]);
var FULL_WIDTH_FIRST = 65281;
var FULL_WIDTH_LAST = 65374;
var FULL_WIDTH_OFFSET = 65248;
var LETTER = new RegExp("^\\p{L}$", "u");
var LATIN_LETTER = new RegExp("^\\p{Script=Latin}$", "u");
var DIGIT_OR_MARK = /^[\p{N}\p{M}]$/u;
var ASCII_KINDS = Array.from({ length: 128 }, (_, code) => {
  const c = String.fromCharCode(code);
  if (/[A-Za-z0-9]/.test(c)) return "latin";
  if (c === " " || c === "	") return "space";
  return c === "-" ? "dash" : "other";
});
function foldChar(c, out) {
  let code = c.codePointAt(0) ?? 0;
  if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) code -= FULL_WIDTH_OFFSET;
  if (code < 128) {
    const kind = ASCII_KINDS[code];
    out.chars.push(kind === "latin" ? String.fromCharCode(code).toUpperCase() : String.fromCharCode(code));
    out.kinds.push(kind);
    return;
  }
  const lookAlike = LOOK_ALIKES[c];
  out.chars.push(lookAlike ?? c);
  out.kinds.push(lookAlike ? "lookalike" : kindOf(c));
}
var KIND_CACHE = /* @__PURE__ */ new Map();
var KIND_CACHE_LIMIT = 4096;
function kindOf(c) {
  let kind = KIND_CACHE.get(c);
  if (kind) return kind;
  kind = "other";
  if (DASHES.has(c)) kind = "dash";
  else if (LETTER.test(c)) kind = LATIN_LETTER.test(c) ? "word" : "foreign";
  else if (DIGIT_OR_MARK.test(c)) kind = "word";
  if (KIND_CACHE.size < KIND_CACHE_LIMIT) KIND_CACHE.set(c, kind);
  return kind;
}
function foldText(text2) {
  const out = { chars: [], kinds: [] };
  for (const c of plainSpaces(removeInvisible(text2))) foldChar(c, out);
  return out;
}

// src/match/extract.ts
var MAX_TEXT = 65536;
var MAX_SPACES_INSIDE = 3;
var MIN_LETTER_DIGIT_CHANGES = 2;
var MIN_PIECE = 2;
var LATIN_THEN_CYRILLIC = /^L+C+$/;
var isDigit = (c) => c >= "0" && c <= "9";
function letterDigitChanges(body, slipAt) {
  let changes = 0;
  for (let k = 1; k < body.length; k++) {
    if (k !== slipAt && isDigit(body[k]) !== isDigit(body[k - 1])) changes++;
  }
  return changes;
}
function neighbour(kind) {
  if (kind === "latin" || kind === "word") return "block";
  if (kind === "lookalike" || kind === "foreign") return "glue";
  return "edge";
}
function slipLength(t, j) {
  let k = j;
  while (k - j < MAX_SPACES_INSIDE && t.kinds[k] === "space") k++;
  if (t.kinds[k] !== "dash") return k - j;
  if (k - j > 1) return 0;
  k++;
  if (t.kinds[k] === "space") k++;
  return k - j;
}
function readAt(t, i, prefix, format) {
  let j = i;
  let scripts = "";
  const note = (c, kind) => {
    if (!isDigit(c) && (kind === "latin" || kind === "lookalike")) scripts += kind === "latin" ? "L" : "C";
  };
  for (const p of prefix) {
    if (t.chars[j] !== p) return null;
    note(p, t.kinds[j]);
    j++;
  }
  const body = [];
  let slipAt = -1;
  while (body.length < format.length) {
    const c = t.chars[j];
    const kind = t.kinds[j];
    if (c !== void 0 && (kind === "latin" || kind === "lookalike") && CHAT_ID_ALPHABET.includes(c)) {
      note(c, kind);
      body.push(c);
      j++;
      continue;
    }
    const slip = slipAt === -1 ? slipLength(t, j) : 0;
    if (slip === 0) return null;
    slipAt = body.length;
    j += slip;
  }
  const before = neighbour(t.kinds[i - 1]);
  const after = neighbour(t.kinds[j]);
  if (before === "block" || after === "block") return null;
  if (LATIN_THEN_CYRILLIC.test(scripts)) return null;
  const id = format.prefix + body.join("");
  const glued = before === "glue" || after === "glue";
  if (slipAt === -1 && !glued) return { id, repair: null, end: j };
  if (slipAt !== -1 && glued) return null;
  if (scripts.includes("C") || prefix.length === 0 || letterDigitChanges(body, slipAt) < MIN_LETTER_DIGIT_CHANGES)
    return null;
  if (slipAt !== -1 && (prefix.length + slipAt < MIN_PIECE || format.length - slipAt < MIN_PIECE)) return null;
  return { id, repair: slipAt === -1 ? "glued" : "split", end: j };
}
function findChatIds(text2, format = DEFAULT_FORMAT) {
  if (typeof text2 !== "string" || text2.length === 0) return [];
  const t = foldText(text2.length > MAX_TEXT ? text2.slice(0, MAX_TEXT) : text2);
  const prefix = format.prefix.toUpperCase();
  const found = /* @__PURE__ */ new Map();
  for (let i = 0; i < t.chars.length; ) {
    const reading = prefix.length === 0 || t.chars[i] === prefix[0] ? readAt(t, i, prefix, format) : null;
    if (!reading) {
      i++;
      continue;
    }
    if (!found.has(reading.id) || reading.repair === null) found.set(reading.id, reading.repair);
    i = reading.end;
  }
  return [...found].map(([id, repair]) => ({ id, repair }));
}
function parseStartPayload(text2) {
  if (typeof text2 !== "string") return null;
  const m = /^\s*\/start(?:@[A-Za-z0-9_]{1,64})?(?:\s+([\s\S]*?))?\s*$/i.exec(removeInvisible(text2));
  if (!m) return null;
  return m[1] ?? "";
}

// src/connectors/fields.ts
var obj = (v) => v !== null && typeof v === "object" && !Array.isArray(v) ? v : void 0;
var list = (v) => Array.isArray(v) ? v : [];
function label(v, max) {
  return typeof v === "string" ? cleanText(v, max) : void 0;
}
var messageText = (v) => typeof v === "string" && v.length > 0 ? v.slice(0, 4096) : void 0;
function ident(v, max) {
  if (typeof v === "number" && Number.isSafeInteger(v)) return String(v);
  if (typeof v === "string" && v.length > 0 && v.length <= max && !/[\s\u0000-\u001f\u007f-\u009f]/.test(v)) return v;
  return void 0;
}
var MIN_SECONDS = 946684800;
function unixSeconds(v, nowSeconds) {
  const n = typeof v === "string" && /^[0-9]{9,11}$/.test(v) ? Number(v) : v;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < MIN_SECONDS) return void 0;
  return Math.min(n, nowSeconds);
}
function isoSeconds(v, nowSeconds) {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return void 0;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(v) ? v : `${v}Z`;
  const ms = Date.parse(zoned);
  return Number.isFinite(ms) ? unixSeconds(Math.floor(ms / 1e3), nowSeconds) : void 0;
}
function phone(digits) {
  if (typeof digits !== "string" && typeof digits !== "number") return void 0;
  return normalizePhone(cleanCopiedValue(String(digits))) ?? void 0;
}

// src/connectors/types.ts
var ignore = (reason, detail) => ({
  chats: [],
  ignored: [{ reason, detail }]
});
function combine(results) {
  return { chats: results.flatMap((r) => r.chats), ignored: results.flatMap((r) => r.ignored) };
}

// src/connectors/green-api.ts
var OUTGOING = ["outgoingMessageReceived", "outgoingAPIMessageReceived"];
var STATUS = [
  "outgoingMessageStatus",
  "stateInstanceChanged",
  "statusInstanceChanged",
  "deviceInfo",
  "quotaExceeded"
];
var NOT_MESSAGES = ["incomingCall", "incomingBlock"];
function greenApiWebhook(body, nowSeconds) {
  const kind = body.typeWebhook;
  if (typeof kind !== "string") return ignore("unknown_shape", "no typeWebhook");
  if (OUTGOING.includes(kind)) return ignore("outgoing", kind);
  if (STATUS.includes(kind)) return ignore("status", kind);
  if (NOT_MESSAGES.includes(kind)) return ignore("not_message", kind);
  if (kind !== "incomingMessageReceived") return ignore("unknown_shape", `typeWebhook ${kind.slice(0, 60)}`);
  const sender2 = obj(body.senderData);
  const data = obj(body.messageData);
  const idMessage = ident(body.idMessage, 256);
  const dateTime = unixSeconds(body.timestamp, nowSeconds);
  const chatId = typeof sender2?.chatId === "string" ? sender2.chatId : void 0;
  if (!data || !idMessage || dateTime === void 0 || !chatId) {
    return ignore("unknown_shape", "incomingMessageReceived without idMessage, timestamp, chatId or messageData");
  }
  if (chatId.endsWith("@g.us")) return ignore("group", "group chat");
  const personal = /^([0-9]{7,15})@c\.us$/.exec(chatId);
  const phoneNumber = personal ? phone(personal[1]) : void 0;
  if (!phoneNumber) return ignore("no_partner", "chatId is not a personal WhatsApp chat");
  const type = data.typeMessage;
  if (type === "deletedMessage") return ignore("deleted", type);
  let text2;
  let messageId = idMessage;
  let edited = false;
  if (type === "textMessage") text2 = messageText(obj(data.textMessageData)?.textMessage);
  else if (type === "extendedTextMessage" || type === "quotedMessage") {
    text2 = messageText(obj(data.extendedTextMessageData)?.text);
  } else if (type === "editedMessage") {
    const edit = obj(data.editedMessageData);
    text2 = messageText(edit?.textMessage);
    messageId = ident(edit?.stanzaId, 256) ?? idMessage;
    edited = true;
  }
  if (text2 === void 0) return ignore("not_text", `typeMessage ${String(type).slice(0, 40)}`);
  return {
    chats: [{ platform: "whatsapp", dateTime, text: text2, phoneNumber, messageId, edited, starts: false }],
    ignored: []
  };
}
function greenApiToken(header2) {
  const m = header2 === void 0 ? null : /^(?:Bearer\s+)?(\S+)\s*$/i.exec(header2.trim());
  return m ? m[1] : void 0;
}

// src/connectors/telegram.ts
var NOT_MESSAGES2 = [
  "business_connection",
  "callback_query",
  "inline_query",
  "chosen_inline_result",
  "my_chat_member",
  "chat_member",
  "chat_join_request",
  "message_reaction",
  "message_reaction_count",
  "poll",
  "poll_answer",
  "channel_post",
  "edited_channel_post",
  "shipping_query",
  "pre_checkout_query",
  "purchased_paid_media",
  "chat_boost",
  "removed_chat_boost"
];
function telegramUpdate(update, nowSeconds) {
  for (const kind of ["business_message", "edited_business_message"]) {
    const message = obj(update[kind]);
    if (message) return businessMessage(message, kind === "edited_business_message", nowSeconds, kind);
  }
  for (const kind of ["message", "edited_message"]) {
    const message = obj(update[kind]);
    if (message) return botMessage(message, kind === "edited_message", nowSeconds, kind);
  }
  if (obj(update.deleted_business_messages)) return ignore("deleted", "deleted_business_messages");
  const other = NOT_MESSAGES2.find((k) => update[k] !== void 0);
  if (other) return ignore("not_message", other);
  return ignore("unknown_shape", `update with fields ${Object.keys(update).slice(0, 8).join(", ") || "none"}`);
}
function sender(message) {
  const from = obj(message.from);
  if (!from) return void 0;
  if (from.is_bot === true) return "bot";
  const userId = ident(from.id, 64);
  if (!userId) return void 0;
  const username = label(from.username, 64);
  return username ? { userId, username } : { userId };
}
function chat(message, who, messageId, edited, nowSeconds) {
  const dateTime = unixSeconds(message.date, nowSeconds);
  const text2 = messageText(message.text) ?? messageText(message.caption);
  if (dateTime === void 0 || text2 === void 0) return void 0;
  return {
    platform: "telegram",
    dateTime,
    text: text2,
    chatUserId: who.userId,
    ...who.username ? { chatUsername: who.username } : {},
    messageId,
    edited,
    starts: !edited && /^\s*\/start\b/i.test(text2)
  };
}
function botMessage(message, edited, nowSeconds, kind) {
  const who = sender(message);
  if (who === "bot") return ignore("outgoing", `${kind} from a bot`);
  if (!who) return ignore("no_partner", `${kind} without a sender`);
  const chatId = ident(obj(message.chat)?.id, 64) ?? who.userId;
  const messageId = ident(message.message_id, 32);
  if (!messageId) return ignore("unknown_shape", `${kind} without message_id`);
  const found = chat(message, who, `${chatId}:${messageId}`, edited, nowSeconds);
  return found ? { chats: [found], ignored: [] } : ignore("not_text", `${kind} without text`);
}
function businessMessage(message, edited, nowSeconds, kind) {
  const connection = ident(message.business_connection_id, 256);
  const room = obj(message.chat);
  const messageId = ident(message.message_id, 32);
  const chatId = ident(room?.id, 64);
  if (!connection || !chatId || !messageId) {
    return ignore("unknown_shape", `${kind} without business_connection_id, chat.id or message_id`);
  }
  if (room?.type !== "private") return ignore("group", `${kind} in a ${String(room?.type)} chat`);
  if (message.sender_business_bot !== void 0) return ignore("outgoing", `${kind} sent by the bot for the owner`);
  const who = sender(message);
  if (who === "bot") return ignore("outgoing", `${kind} from a bot`);
  if (!who) return ignore("no_partner", `${kind} without a sender`);
  if (who.userId !== chatId) return ignore("outgoing", `${kind} written by the business account`);
  const found = chat(message, who, `${connection}:${chatId}:${messageId}`, edited, nowSeconds);
  return found ? { chats: [{ ...found, starts: false }], ignored: [] } : ignore("not_text", `${kind} without text`);
}

// src/connectors/viber.ts
var NOT_MESSAGES3 = ["webhook", "subscribed", "unsubscribed", "delivered", "seen", "failed", "client_status"];
function viberCallback(event, nowSeconds) {
  const kind = typeof event.event === "string" ? event.event : "";
  if (kind !== "conversation_started" && kind !== "message") {
    return NOT_MESSAGES3.includes(kind) ? ignore("not_message", kind) : ignore("unknown_shape", `event ${JSON.stringify(kind).slice(0, 60)}`);
  }
  const dateTime = unixSeconds(
    typeof event.timestamp === "number" ? Math.floor(event.timestamp / 1e3) : void 0,
    nowSeconds
  );
  const user = obj(kind === "message" ? event.sender : event.user);
  const userId = ident(user?.id, 128);
  if (dateTime === void 0) return ignore("unknown_shape", `${kind} without timestamp`);
  if (!userId) return ignore("no_partner", `${kind} without a user id`);
  const token = ident(event.message_token, 64) ?? `${kind}:${userId}:${String(event.timestamp)}`;
  const name = label(user?.name, 100);
  const base = {
    platform: "viber",
    dateTime,
    chatUserId: userId,
    ...name ? { chatUsername: name } : {},
    messageId: token,
    edited: false
  };
  if (kind === "conversation_started") {
    const context = label(event.context, 256);
    const chat2 = { ...base, ...context ? { context } : {}, starts: context !== void 0 };
    return { chats: [chat2], ignored: [] };
  }
  const message = obj(event.message);
  const text2 = message?.type === "text" ? messageText(message.text) : void 0;
  if (text2 === void 0) return ignore("not_text", `message of type ${String(message?.type).slice(0, 40)}`);
  return { chats: [{ ...base, text: text2, starts: false }], ignored: [] };
}

// src/connectors/wazzup.ts
var GROUPS = ["whatsgroup", "telegroup"];
function wazzupWebhook(body, nowSeconds) {
  if (body.test === true) return ignore("test", "test request");
  const messages = list(body.messages);
  const statuses = list(body.statuses);
  if (messages.length === 0 && statuses.length === 0) {
    const kinds = Object.keys(body).slice(0, 8).join(", ") || "none";
    return ["createContact", "createDeal", "channelsUpdates", "templateStatus"].some((k) => k in body) ? ignore("not_message", kinds) : ignore("unknown_shape", `webhook with fields ${kinds}`);
  }
  return combine([
    ...statuses.map(() => ignore("status", "statuses")),
    ...messages.map((m) => wazzupMessage(obj(m) ?? {}, nowSeconds))
  ]);
}
function wazzupMessage(message, nowSeconds) {
  const chatType = typeof message.chatType === "string" ? message.chatType : "";
  const messageId = ident(message.messageId, 256);
  const dateTime = isoSeconds(message.dateTime, nowSeconds);
  if (!messageId || dateTime === void 0 || !chatType) {
    return ignore("unknown_shape", "message without messageId, dateTime or chatType");
  }
  if (message.isEcho === true) return ignore("outgoing", `${chatType} echo`);
  if (message.isDeleted === true) return ignore("deleted", chatType);
  if (GROUPS.includes(chatType)) return ignore("group", chatType);
  const partner = partnerOf(chatType, message);
  if (partner === "other") return ignore("other_channel", chatType.slice(0, 40));
  if (!partner) return ignore("no_partner", `${chatType} message without a usable chatId`);
  const text2 = message.type === "text" ? messageText(message.text) : void 0;
  if (text2 === void 0) return ignore("not_text", `type ${String(message.type).slice(0, 40)}`);
  const chat2 = {
    ...partner,
    dateTime,
    text: text2,
    messageId,
    edited: message.isEdited === true,
    starts: false
  };
  return { chats: [chat2], ignored: [] };
}
function partnerOf(chatType, message) {
  if (chatType === "whatsapp" || chatType === "viber") {
    const phoneNumber2 = phone(message.chatId);
    return phoneNumber2 ? { platform: chatType, phoneNumber: phoneNumber2 } : void 0;
  }
  if (chatType !== "telegram") return "other";
  const contact = obj(message.contact);
  const chatUserId = ident(message.chatId, 64);
  const username = label(contact?.username, 64)?.replace(/^@/, "");
  const phoneNumber = phone(contact?.phone);
  if (!chatUserId && !username && !phoneNumber) return void 0;
  return {
    platform: "telegram",
    ...chatUserId ? { chatUserId } : {},
    ...username ? { chatUsername: username } : {},
    ...phoneNumber ? { phoneNumber } : {}
  };
}

// src/connectors/whatsapp.ts
import { createHmac, timingSafeEqual } from "node:crypto";
function whatsappHandshake(query, tokenAccepted) {
  if (query.get("hub.mode") !== "subscribe") {
    return { status: 403, field: "hub.mode", reason: 'hub.mode must be "subscribe"' };
  }
  const token = query.get("hub.verify_token");
  if (token === null || !tokenAccepted(token)) {
    return { status: 403, field: "hub.verify_token", reason: "hub.verify_token must be the webhook secret" };
  }
  const challenge = query.get("hub.challenge");
  if (challenge === null || challenge === "" || challenge.length > 256) {
    return { status: 403, field: "hub.challenge", reason: "hub.challenge must be 1\u2013256 characters" };
  }
  return { status: 200, challenge };
}
function whatsappSignatureValid(rawBody, header2, appSecret) {
  if (!appSecret || header2 === void 0) return false;
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(header2.trim());
  if (!m) return false;
  const expected = createHmac("sha256", appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(m[1], "hex"));
}
function whatsappNotification(body, nowSeconds) {
  if (body.object !== "whatsapp_business_account" || !Array.isArray(body.entry)) {
    return ignore("unknown_shape", `object ${JSON.stringify(String(body.object)).slice(0, 60)}`);
  }
  const changes = body.entry.flatMap((entry) => list(obj(entry)?.changes));
  if (changes.length === 0) return ignore("unknown_shape", "entry without changes");
  return combine(changes.map((change) => whatsappChange(obj(change) ?? {}, nowSeconds)));
}
function whatsappChange(change, nowSeconds) {
  const value = obj(change.value);
  if (change.field !== "messages" || !value) {
    return ignore("not_message", `field ${JSON.stringify(String(change.field)).slice(0, 60)}`);
  }
  const results = list(value.statuses).map(() => ignore("status", "statuses"));
  for (const message of list(value.messages)) results.push(whatsappMessage(obj(message) ?? {}, nowSeconds));
  return results.length > 0 ? combine(results) : ignore("unknown_shape", "messages change without messages or statuses");
}
function textOf(message) {
  switch (message.type) {
    case "text":
      return messageText(obj(message.text)?.body);
    case "button":
      return messageText(obj(message.button)?.text);
    case "interactive": {
      const interactive = obj(message.interactive);
      return messageText(obj(interactive?.button_reply)?.title) ?? messageText(obj(interactive?.list_reply)?.title);
    }
    default:
      return void 0;
  }
}
function whatsappMessage(message, nowSeconds) {
  const messageId = ident(message.id, 256);
  const dateTime = unixSeconds(message.timestamp, nowSeconds);
  if (!messageId || dateTime === void 0) return ignore("unknown_shape", "message without id or timestamp");
  const phoneNumber = phone(message.from);
  if (!phoneNumber) return ignore("no_partner", "message without a phone number in from");
  const text2 = textOf(message);
  if (text2 === void 0) return ignore("not_text", `message of type ${String(message.type).slice(0, 40)}`);
  const chat2 = {
    platform: "whatsapp",
    dateTime,
    text: text2,
    phoneNumber,
    messageId,
    edited: false,
    starts: false
  };
  return { chats: [chat2], ignored: [] };
}

// src/collector/attribution.ts
function findChatIdCandidates(report, format = DEFAULT_FORMAT) {
  if (report.chatId) return [{ id: report.chatId, repair: null }];
  if (report.text !== void 0) {
    const payload = parseStartPayload(report.text);
    if (payload !== null) return findChatIds(payload, format);
  }
  if (report.context) {
    const found = findChatIds(report.context, format);
    if (found.length > 0) return found;
  }
  return report.text === void 0 ? [] : findChatIds(report.text, format);
}
function findChatId(report, format = DEFAULT_FORMAT) {
  const candidates = findChatIdCandidates(report, format);
  return candidates.length === 1 ? candidates[0].id : null;
}
function chooseAmongCandidates(candidates, cutoff) {
  const paired = candidates.filter((c) => c.pairing !== null);
  if (paired.length <= 1) return paired[0] ?? null;
  const before = paired.filter((c) => c.pairing.receivedAt <= cutoff).sort((a, b) => b.pairing.receivedAt - a.pairing.receivedAt);
  const [latest, next] = before;
  if (!latest) return null;
  if (next && next.pairing.receivedAt === latest.pairing.receivedAt) return null;
  return latest;
}
function upgradeOf(chat2, matchedWith, later) {
  if (!matchedWith) return null;
  let upgrade = null;
  for (const p of later) {
    if (p.receivedAt < matchedWith.receivedAt || p.receivedAt > matchedWith.receivedAt + SAME_VISIT_MS) continue;
    const keeps = ["clientId", "userId", "yclid", "purchaseId"].every((k) => !chat2[k] || p[k] === chat2[k]);
    if (!keeps || p.yclid && !chat2.yclid || p.purchaseId && !chat2.purchaseId) continue;
    const adds = {
      ...!chat2.clientId && p.clientId ? { clientId: p.clientId } : {},
      ...!chat2.userId && p.userId ? { userId: p.userId } : {}
    };
    if (Object.keys(adds).length > 0) upgrade = adds;
  }
  return upgrade;
}
var linkablePartners = (platform, partners) => platform === "viber" ? partners.filter((p) => p.kind !== "ChatUsername") : partners;
function chooseChatId(found, existing, linked) {
  if (found) return { chatId: found, chatIdSource: "message" };
  const stored = existing?.chatId ?? null;
  if (stored !== null) return { chatId: stored, chatIdSource: existing?.chatIdSource ?? "message" };
  return { chatId: linked, chatIdSource: linked === null ? null : "partner" };
}
var pairingCutoff = (dateTime) => dateTime * 1e3 + 999;
function attributionOf(chatId, chatIdSource, pairing2) {
  if (chatId === null) return { chatId: null, chatIdSource, reason: "no_chat_id" };
  if (!pairing2) return { chatId, chatIdSource, reason: "chat_id_not_paired" };
  if (!hasMetricaId(pairing2)) return { chatId, chatIdSource, reason: "pairing_without_metrica_id" };
  return {
    chatId,
    chatIdSource,
    reason: null,
    ...pairing2.clientId ? { clientId: pairing2.clientId } : {},
    ...pairing2.userId ? { userId: pairing2.userId } : {},
    ...pairing2.yclid ? { yclid: pairing2.yclid } : {},
    ...pairing2.purchaseId ? { purchaseId: pairing2.purchaseId } : {},
    ...pairing2.url ? { url: pairing2.url } : {}
  };
}
function keepsStoredAttribution(existing, attribution) {
  return existing !== null && (existing.unattributedReason === null || attribution.reason !== null && existing.chatId !== null);
}
function chatInputOf(report, attribution) {
  return {
    dateTime: report.dateTime,
    platform: report.platform,
    ...report.chatUsername ? { chatUsername: report.chatUsername } : {},
    ...report.chatUserId ? { chatUserId: report.chatUserId } : {},
    ...report.phoneNumber ? { phoneNumber: report.phoneNumber } : {},
    ...report.answered !== void 0 ? { answered: report.answered } : {},
    ...report.tags ? { tags: report.tags } : {},
    ...report.price ? { price: report.price } : {},
    ...report.currency ? { currency: report.currency } : {},
    ...report.messengerTrackerUrl ? { messengerTrackerUrl: report.messengerTrackerUrl } : {},
    ...attribution === null ? {} : { attribution }
  };
}
var awaitsPairing = (row) => row.chatId !== null && (row.unattributedReason === "chat_id_not_paired" || row.unattributedReason === "pairing_without_metrica_id");
function chatResultOf(row, created, changed) {
  const ids = {
    ...row.clientId ? { clientId: row.clientId } : {},
    ...row.userId ? { userId: row.userId } : {},
    ...row.yclid ? { yclid: row.yclid } : {},
    ...row.purchaseId ? { purchaseId: row.purchaseId } : {}
  };
  return {
    key: row.key,
    revision: row.revision,
    created,
    changed,
    chatId: row.chatId,
    matched: row.unattributedReason === null ? ids : null,
    unattributedReason: row.unattributedReason
  };
}

// src/collector/attribute.ts
async function recordChat(storage, report, format = DEFAULT_FORMAT) {
  if (typeof format !== "object" || format === null) {
    throw new TypeError(
      `recordChat(storage, report, format): format must be a chat-ID format object, got ${JSON.stringify(format)}`
    );
  }
  return storeAndAttribute(storage, report, format, true);
}
async function findInChat(storage, report, format) {
  const candidates = findChatIdCandidates(report, format);
  const [only] = candidates;
  if (candidates.length <= 1)
    return { chatId: only?.id ?? null, repair: only?.repair ?? null, count: candidates.length };
  const cutoff = pairingCutoff(report.dateTime);
  const paired = await Promise.all(
    candidates.map(async (c) => ({ ...c, pairing: await storage.findPairing(c.id, cutoff) }))
  );
  const chosen = chooseAmongCandidates(paired, cutoff);
  return chosen ? { chatId: chosen.id, repair: chosen.repair, count: candidates.length, pairing: chosen.pairing } : { chatId: null, repair: null, count: candidates.length };
}
async function storeAndAttribute(storage, report, format, recheck) {
  const partners = partnersOf(report);
  const first = partners[0];
  if (!first) throw new Error("a chat needs a partner identifier");
  const same = await storage.findSameChat(report.dateTime, report.platform, report);
  const key = same?.key ?? chatKey(report.dateTime, report.platform, first);
  const inChat = await findInChat(storage, report, format);
  const found = inChat.chatId;
  const ambiguous = found === null && inChat.count > 1;
  const links = linkablePartners(report.platform, partners);
  if (found) await storage.linkPartner(report.platform, links, found, report.dateTime * 1e3);
  const existing = found ? null : await storage.getChat(key);
  const linked = found || ambiguous || existing?.chatId ? null : await storage.findLinkedChatId(report.platform, links);
  const { chatId, chatIdSource } = chooseChatId(found, ambiguous ? null : existing, linked);
  const cutoff = pairingCutoff(report.dateTime);
  const pairing2 = chatId === null ? null : inChat.pairing !== void 0 ? inChat.pairing : await storage.findPairing(chatId, cutoff);
  const attribution = ambiguous ? { chatId: null, chatIdSource: null, reason: "several_chat_ids", idCount: inChat.count } : {
    ...attributionOf(chatId, chatIdSource, pairing2),
    ...found ? { repair: inChat.repair, idCount: inChat.count } : {}
  };
  const keep = keepsStoredAttribution(existing, attribution);
  const { row, created, changed } = await storage.upsertChat(key, chatInputOf(report, keep ? null : attribution));
  if (recheck && awaitsPairing(row)) {
    const late = await storage.findPairing(row.chatId, cutoff);
    if (late && hasMetricaId(late)) {
      const again = await storeAndAttribute(storage, report, format, false);
      return { ...again, created: created || again.created, changed: true };
    }
  }
  const upgraded = await upgradeChat(storage, row);
  return chatResultOf(upgraded ?? row, created, changed || upgraded !== null);
}
async function upgradeChat(storage, row) {
  if (row.chatId === null || row.unattributedReason !== null || row.clientId && row.userId) return null;
  const matchedWith = await storage.findPairing(row.chatId, pairingCutoff(row.dateTime));
  if (!matchedWith) return null;
  const later = await storage.pairingsBetween(
    row.chatId,
    matchedWith.receivedAt,
    matchedWith.receivedAt + SAME_VISIT_MS
  );
  const ids = upgradeOf(row, matchedWith, later);
  return ids ? storage.upgradeChat(row.key, ids) : null;
}
async function upgradeChatsWith(storage, pairing2) {
  if (!pairing2.clientId && !pairing2.userId) return 0;
  let upgraded = 0;
  for (const row of await storage.upgradableChats(pairing2.chatId)) {
    if (await upgradeChat(storage, row)) upgraded++;
  }
  return upgraded;
}

// src/collector/errors.ts
var HttpError = class extends Error {
  constructor(status, message, field, headers = {}) {
    super(message);
    this.status = status;
    this.field = field;
    this.headers = headers;
  }
  status;
  field;
  headers;
  name = "HttpError";
};
var badField = (field, message) => new HttpError(400, message, field);

// src/collector/secrets.ts
var MIN_SECRET_LENGTH = 16;
var SECRET_OPTION_NAMES = { apiKeys: "apiKeys", webhookSecret: "webhookSecret" };
function shortSecretProblem(apiKeys, webhookSecret, names = SECRET_OPTION_NAMES) {
  const expected = `at least ${MIN_SECRET_LENGTH} characters (for example the output of \`openssl rand -hex 24\`)`;
  const short = apiKeys.findIndex((k) => k.length < MIN_SECRET_LENGTH);
  if (short >= 0) {
    const which = apiKeys.length > 1 ? `key ${short + 1} of ${apiKeys.length}` : "the key";
    return `${names.apiKeys}: ${which} has ${apiKeys[short]?.length} characters; each key needs ${expected}`;
  }
  if (webhookSecret !== void 0 && webhookSecret.length < MIN_SECRET_LENGTH)
    return `${names.webhookSecret} has ${webhookSecret.length} characters; it needs ${expected}`;
  return null;
}

// src/collector/validate.ts
var FUTURE_SKEW_MS = 24 * 3600 * 1e3;
var MIN_TS_MS = 9466848e5;
function shown(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return v.length > 40 ? `a string of ${v.length} characters` : JSON.stringify(v);
  if (typeof v === "object") return "an object";
  return `${typeof v} ${String(v)}`;
}
function rejectUnknown(body, allowed) {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      throw badField(key, `unknown field ${JSON.stringify(key.slice(0, 64))}; expected only ${allowed.join(", ")}`);
    }
  }
}
function refuse(field, value, verdict) {
  const hint = verdict.hint ? ` (${verdict.hint})` : "";
  throw badField(field, `${field} must be ${verdict.expected}, got ${shown(value)}${hint}`);
}
function text(body, field, max, options = {}) {
  const v = body[field];
  if (v === void 0 || v === null) {
    if (options.required) throw badField(field, `${field} is required`);
    return void 0;
  }
  if (typeof v !== "string") throw badField(field, `${field} must be a string, got ${shown(v)}`);
  if (v.length === 0) {
    if (options.required) throw badField(field, `${field} must not be empty`);
    return void 0;
  }
  if (v.length > max) throw badField(field, `${field} must be at most ${max} characters, got ${v.length}`);
  const bad = textProblem(v, { multiline: options.multiline === true });
  if (bad) throw badField(field, `${field} ${bad}`);
  const verdict = options.rule?.(v) ?? null;
  if (verdict) refuse(field, v, verdict);
  return v;
}
var httpUrl = (body, field) => text(body, field, URL_MAX_LENGTH, { rule: urlVerdict });
function platformOf(body, field, required) {
  const v = body[field];
  if (v === void 0 || v === null) {
    if (required) throw badField(field, `${field} is required: one of ${CHAT_PLATFORMS.join(", ")}`);
    return void 0;
  }
  if (!isChatPlatform(v)) {
    throw badField(field, `${field} must be one of ${CHAT_PLATFORMS.join(", ")}, got ${shown(v)}`);
  }
  return v;
}
var PAIRING_FIELDS = [
  "v",
  "chatId",
  "clientId",
  "yclid",
  "userId",
  "purchaseId",
  "counterId",
  "url",
  "referrer",
  "platform",
  "ts"
];
function parsePairing(body, now, format = DEFAULT_FORMAT) {
  rejectUnknown(body, PAIRING_FIELDS);
  if (body.v !== 1) throw badField("v", `v must be the number 1 (the beacon format version), got ${shown(body.v)}`);
  const chatId = body.chatId;
  if (chatId === void 0 || chatId === null) throw badField("chatId", "chatId is required");
  if (!isChatId(chatId, format)) {
    throw badField(
      "chatId",
      `chatId must be "${format.prefix}" followed by ${format.length} characters of 2-9 A-H J-N P-Z, got ${shown(chatId)}`
    );
  }
  let counterId;
  if (typeof body.counterId === "number" && Number.isSafeInteger(body.counterId) && body.counterId > 0) {
    counterId = String(body.counterId);
  } else {
    counterId = text(body, "counterId", 12, {
      rule: (v) => /^[1-9][0-9]{0,11}$/.test(v) ? null : { expected: "a Metrica counter number" }
    });
  }
  let ts;
  if (body.ts !== void 0 && body.ts !== null) {
    if (typeof body.ts !== "number" || !Number.isSafeInteger(body.ts)) {
      throw badField("ts", `ts must be an integer of Unix milliseconds, got ${shown(body.ts)}`);
    }
    if (body.ts < MIN_TS_MS) throw badField("ts", `ts must be Unix milliseconds after 2000, got ${body.ts}`);
    if (body.ts > now + FUTURE_SKEW_MS) throw badField("ts", `ts is more than a day in the future: ${body.ts}`);
    ts = body.ts;
  }
  const p = { chatId, receivedAt: now };
  const set = (k, v) => {
    if (v !== void 0) p[k] = v;
  };
  set("clientId", text(body, "clientId", 19, { rule: clientIdVerdict }));
  set("yclid", text(body, "yclid", 24, { rule: yclidVerdict }));
  set("userId", text(body, "userId", 400, { rule: siteIdVerdict }));
  set("purchaseId", text(body, "purchaseId", 400, { rule: siteIdVerdict }));
  set("counterId", counterId);
  set("url", httpUrl(body, "url"));
  set("referrer", httpUrl(body, "referrer"));
  set("platform", platformOf(body, "platform", false));
  set("ts", ts);
  return p;
}
var CHAT_FIELDS = [
  "platform",
  "dateTime",
  "text",
  "chatId",
  "chatUsername",
  "chatUserId",
  "phoneNumber",
  "answered",
  "tags",
  "price",
  "currency",
  "messengerTrackerUrl"
];
function checkDateTime(v, nowSeconds, field = "dateTime") {
  if (typeof v !== "number" || !Number.isSafeInteger(v)) {
    throw badField(field, `${field} must be an integer of Unix seconds, got ${shown(v)}`);
  }
  const verdict = dateTimeVerdict(String(v), nowSeconds);
  if (verdict) refuse(field, v, verdict);
  return v;
}
function parseChatReport(body, now, format = DEFAULT_FORMAT) {
  rejectUnknown(body, CHAT_FIELDS);
  const nowSeconds = Math.floor(now / 1e3);
  const platform = platformOf(body, "platform", true);
  const dateTime = body.dateTime === void 0 || body.dateTime === null ? nowSeconds : checkDateTime(body.dateTime, nowSeconds);
  const r = { platform, dateTime };
  const set = (k, v) => {
    if (v !== void 0) r[k] = v;
  };
  set("text", text(body, "text", 4096, { multiline: true }));
  const chatId = body.chatId;
  if (chatId !== void 0 && chatId !== null) {
    if (!isChatId(chatId, format)) {
      throw badField(
        "chatId",
        `chatId must be "${format.prefix}" followed by ${format.length} characters of 2-9 A-H J-N P-Z, got ${shown(chatId)}`
      );
    }
    r.chatId = chatId;
  }
  set("chatUsername", text(body, "chatUsername", 400, { rule: usernameVerdict }));
  set("chatUserId", text(body, "chatUserId", 400, { rule: partnerUserIdVerdict }));
  const phone2 = text(body, "phoneNumber", 64);
  if (phone2 !== void 0) {
    const normal = normalizePhone(phone2);
    if (normal === null) {
      throw badField(
        "phoneNumber",
        `phoneNumber must be a phone number with the country code, e.g. +79161234567, got ${shown(phone2)}`
      );
    }
    r.phoneNumber = normal;
  }
  if (!r.chatUserId && !r.chatUsername && !r.phoneNumber) {
    throw badField("chatUserId", "one of chatUserId, chatUsername or phoneNumber is required (the chat partner)");
  }
  if (body.answered !== void 0 && body.answered !== null) {
    if (typeof body.answered !== "boolean") {
      throw badField("answered", `answered must be true or false, got ${shown(body.answered)}`);
    }
    r.answered = body.answered;
  }
  if (body.tags !== void 0 && body.tags !== null) {
    const list2 = typeof body.tags === "string" ? [body.tags] : body.tags;
    if (!Array.isArray(list2) || list2.some((t) => typeof t !== "string")) {
      throw badField("tags", `tags must be a string or an array of strings, got ${shown(body.tags)}`);
    }
    const joined = list2.map((t) => t.trim()).filter(Boolean).join(",");
    const verdict = tagVerdict(joined);
    if (verdict) refuse("tags", joined, verdict);
    if (joined) r.tags = joined;
  }
  if (body.price !== void 0 && body.price !== null) {
    const p = body.price;
    const s = typeof p === "number" && Number.isFinite(p) ? String(p) : p;
    if (typeof s !== "string") refuse("price", p, { expected: "a non-negative amount with a full stop, e.g. 1500.50" });
    const verdict = priceVerdict(s);
    if (verdict) refuse("price", p, verdict);
    r.price = s;
  }
  const currency = text(body, "currency", 3);
  if (currency !== void 0) {
    const normal = normalizeCurrency(currency);
    if (normal === null) refuse("currency", currency, currencyVerdict(currency) ?? { expected: "an ISO 4217 code" });
    r.currency = normal;
  }
  set("messengerTrackerUrl", httpUrl(body, "messengerTrackerUrl"));
  return r;
}

// src/collector/clean-input.ts
var TOKEN_FIELDS = ["phoneNumber", "chatId", "price", "currency", "messengerTrackerUrl"];
var NAME_FIELDS = ["chatUsername", "chatUserId"];
var mapString = (v, clean) => typeof v === "string" ? clean(v) : v;
function cleanChatBody(body) {
  const out = { ...body };
  for (const field of TOKEN_FIELDS) if (field in out) out[field] = mapString(out[field], cleanCopiedValue);
  for (const field of NAME_FIELDS) if (field in out) out[field] = mapString(out[field], removeBidiControls);
  if ("text" in out) out.text = mapString(out.text, (t) => plainSpaces(removeInvisible(t)));
  if (Array.isArray(out.tags)) out.tags = out.tags.map((t) => mapString(t, cleanCopiedValue));
  else if ("tags" in out) out.tags = mapString(out.tags, cleanCopiedValue);
  return out;
}

// src/collector/body.ts
function readBody(req, limit) {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(new HttpError(413, `body is ${declared} bytes; at most ${limit} bytes are accepted`));
  }
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let done = false;
    const finish = (error, body) => {
      if (done) return;
      done = true;
      if (error) reject(error);
      else resolve(body);
    };
    const onData = (chunk) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish(new HttpError(413, `body is over ${limit} bytes; at most ${limit} bytes are accepted`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(null, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    const onError = (e) => finish(new HttpError(400, `request body could not be read: ${e.message}`));
    const onAborted = () => finish(new HttpError(400, "request was aborted before the body ended"));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("aborted", onAborted);
  });
}

// src/collector/json.ts
var decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
function decodeUtf8(body) {
  try {
    return decoder.decode(body);
  } catch {
    throw new HttpError(400, "body is not valid UTF-8");
  }
}
function parseJsonObject(text2) {
  if (text2.trim() === "") throw new HttpError(400, "body is empty: expected a JSON object");
  let value;
  try {
    value = JSON.parse(text2);
  } catch (error) {
    throw new HttpError(400, `body is not valid JSON: ${error.message}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new HttpError(
      400,
      `body must be a JSON object, got ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value}`
    );
  }
  const dup = duplicateKey(text2);
  if (dup !== null) throw badField(dup, `field ${JSON.stringify(dup)} is given more than once`);
  return value;
}
function duplicateKey(json) {
  const stack = [];
  let i = 0;
  while (i < json.length) {
    const c = json[i];
    if (c === "{") stack.push(/* @__PURE__ */ new Set());
    else if (c === "[") stack.push(null);
    else if (c === "}" || c === "]") stack.pop();
    else if (c === '"') {
      let j = i + 1;
      while (json[j] !== '"') j += json[j] === "\\" ? 2 : 1;
      let k = j + 1;
      while (k < json.length && " 	\r\n".includes(json[k])) k++;
      if (json[k] === ":") {
        const key = JSON.parse(json.slice(i, j + 1));
        const keys = stack[stack.length - 1];
        if (keys) {
          if (keys.has(key)) return key;
          keys.add(key);
        }
      }
      i = j;
    }
    i++;
  }
  return null;
}

// src/collector/http.ts
var JSON_TYPE = "application/json; charset=utf-8";
var BASE_HEADERS = { "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" };
function send(res, status, body, headers = {}) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const all = { ...BASE_HEADERS, ...headers };
  if (body === void 0) {
    res.writeHead(status, all);
    res.end();
    return;
  }
  const payload = JSON.stringify(body);
  all["Content-Type"] = JSON_TYPE;
  all["Content-Length"] = String(Buffer.byteLength(payload));
  res.writeHead(status, all);
  res.end(payload);
}
function mediaType(req) {
  return (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}
function requireType(req, allowed) {
  const type = mediaType(req);
  if (!allowed.includes(type)) {
    throw new HttpError(
      415,
      `Content-Type must be ${allowed.join(" or ")}, got ${JSON.stringify(type || "none")}`,
      "Content-Type"
    );
  }
}
async function readJsonObject(req, limit) {
  return parseJsonObject(decodeUtf8(await readBody(req, limit)));
}
function clientAddress(req, trustProxy) {
  if (trustProxy) {
    const xff = req.headers["x-forwarded-for"];
    const last = (Array.isArray(xff) ? xff.join(",") : xff ?? "").split(",").pop()?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? "unknown";
}
function isHttps(req, trustProxy) {
  if (req.socket.encrypted) return true;
  if (!trustProxy) return false;
  const proto = req.headers["x-forwarded-proto"];
  return (Array.isArray(proto) ? proto.join(",") : proto ?? "").split(",").pop()?.trim().toLowerCase() === "https";
}
function isDatabaseDown(error) {
  const e = error;
  const code = typeof e?.code === "string" ? e.code : "";
  const message = typeof e?.message === "string" ? e.message : "";
  return /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|READONLY|CORRUPT|NOTADB|FULL)/.test(code) || /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|EPIPE)$/.test(code) || /^(08...|57P0.|53...|3D000)$/.test(code) || /storage is closed|database connection is not open|Connection terminated|connection timeout|Client has encountered a connection error/i.test(
    message
  );
}
function sendError(res, error) {
  if (!(error instanceof HttpError)) {
    if (isDatabaseDown(error)) {
      send(res, 503, { error: "the database is unavailable; try again later" }, { "Retry-After": "5" });
      return;
    }
    send(res, 500, { error: "internal error" });
    return;
  }
  const headers = { ...error.headers };
  if (error.status === 413) headers.Connection = "close";
  send(
    res,
    error.status,
    error.field ? { error: error.message, field: error.field } : { error: error.message },
    headers
  );
}

// src/collector/handlers/chats.ts
var CHAT_BODY_LIMIT = 64 * 1024;
var chats = async (ctx, { req, res }) => {
  requireType(req, ["application/json"]);
  const body = await readJsonObject(req, CHAT_BODY_LIMIT);
  const report = parseChatReport(cleanChatBody(body), ctx.now(), ctx.format);
  const result = await recordChat(ctx.storage, report, ctx.format);
  send(res, result.created ? 201 : 200, result);
};

// src/collector/rate-limit.ts
var RateLimiter = class {
  constructor(options, now = Date.now) {
    this.now = now;
    if (!(options.perMinute > 0))
      throw new Error(`rate limit must be a positive number per minute, got ${options.perMinute}`);
    this.rate = options.perMinute / 6e4;
    this.burst = options.burst ?? Math.max(10, Math.ceil(options.perMinute / 4));
    this.maxClients = options.maxClients ?? 1e5;
  }
  now;
  buckets = /* @__PURE__ */ new Map();
  rate;
  burst;
  maxClients;
  /** Takes one token; returns 0 when allowed, else the seconds to wait (for Retry-After). */
  take(client) {
    const t = this.now();
    let b = this.buckets.get(client);
    if (b) {
      b.tokens = Math.min(this.burst, b.tokens + (t - b.at) * this.rate);
      b.at = t;
    } else {
      if (this.buckets.size >= this.maxClients) this.evict(t);
      b = { tokens: this.burst, at: t };
      this.buckets.set(client, b);
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.rate / 1e3));
  }
  evict(t) {
    for (const [k, b] of this.buckets) {
      if (b.tokens + (t - b.at) * this.rate >= this.burst) this.buckets.delete(k);
    }
    for (const k of this.buckets.keys()) {
      if (this.buckets.size < this.maxClients) break;
      this.buckets.delete(k);
    }
  }
};
function clientKey(address) {
  let ip = address.trim();
  const bracketed = /^\[([^\]]*)\](?::\d+)?$/.exec(ip);
  if (bracketed) ip = bracketed[1];
  ip = ip.replace(/%.*$/, "");
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(ip);
  if (v4) return v4[1];
  if (!ip.includes(":")) return address;
  let canonical;
  try {
    canonical = new URL(`http://[${ip}]`).hostname.slice(1, -1);
  } catch {
    return address;
  }
  const [head = "", tail] = canonical.split("::");
  const first = head ? head.split(":") : [];
  const last = tail ? tail.split(":") : [];
  const groups = tail === void 0 ? first : [...first, ...Array(8 - first.length - last.length).fill("0"), ...last];
  if (groups.slice(0, 5).every((g) => g === "0") && groups[5] === "ffff") {
    const [hi, lo] = [Number.parseInt(groups[6], 16), Number.parseInt(groups[7], 16)];
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
  }
  return `${groups.slice(0, 4).join(":")}::/64`;
}

// src/collector/handlers/pairings.ts
var PAIRING_BODY_LIMIT = 4096;
var pairing = async (ctx, { req, res, cors }) => {
  if (ctx.limiter) {
    const wait = ctx.limiter.take(clientKey(ctx.clientAddress(req)));
    if (wait > 0) throw new HttpError(429, "too many requests", void 0, { "Retry-After": String(wait), ...cors });
  }
  requireType(req, ["text/plain", "application/json"]);
  const body = await readJsonObject(req, PAIRING_BODY_LIMIT);
  const input = parsePairing(body, ctx.now(), ctx.format);
  const stored = await ctx.storage.insertPairing(input);
  if (stored.upgradable) await upgradeChatsWith(ctx.storage, input);
  send(res, 204, void 0, cors);
};

// src/collector/handlers/webhooks.ts
var WEBHOOK_BODY_LIMIT = 1024 * 1024;
var LOGGED = /* @__PURE__ */ new Set(["group", "other_channel", "not_text", "no_partner"]);
var reportOf = (chat2, dateTime) => ({
  platform: chat2.platform,
  dateTime,
  ...chat2.text !== void 0 ? { text: chat2.text } : {},
  ...chat2.context !== void 0 ? { context: chat2.context } : {},
  ...chat2.chatUserId ? { chatUserId: chat2.chatUserId } : {},
  ...chat2.chatUsername ? { chatUsername: chat2.chatUsername } : {},
  ...chat2.phoneNumber ? { phoneNumber: chat2.phoneNumber } : {}
});
async function storeConnectorChats(ctx, source, result) {
  const answer = { ok: true, chats: [], ignored: [] };
  for (const item of result.ignored) {
    answer.ignored.push(item.reason);
    if (item.reason === "unknown_shape")
      ctx.warnOnce(`${source}:${item.detail}`, "webhook payload not understood", { source, detail: item.detail });
    else if (LOGGED.has(item.reason))
      ctx.log.info("webhook message ignored", { source, reason: item.reason, detail: item.detail });
  }
  for (const chat2 of result.chats) {
    if (!chat2.starts && findChatIdCandidates(chat2, ctx.format).length === 0) {
      const partner = partnersOf(chat2)[0];
      if (partner && await ctx.storage.partnerHasChat(chat2.platform, partner)) {
        answer.ignored.push("known_partner");
        continue;
      }
    }
    const dateTime = await ctx.storage.rememberMessage(source, chat2.messageId, chat2.dateTime);
    const stored = await recordChat(ctx.storage, reportOf(chat2, dateTime), ctx.format);
    answer.chats.push({ chatId: stored.chatId, unattributedReason: stored.unattributedReason });
  }
  return answer;
}
function connectorWebhook(source, parse, check) {
  return async (ctx, { req, res }) => {
    requireType(req, ["application/json"]);
    const raw = await readBody(req, WEBHOOK_BODY_LIMIT);
    check?.(ctx, req, raw);
    const body = parseJsonObject(decodeUtf8(raw));
    const result = parse(body, Math.floor(ctx.now() / 1e3));
    send(res, 200, await storeConnectorChats(ctx, source, result));
  };
}
var header = (req, name) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};
var whatsappSigned = (ctx, req, raw) => {
  const secret = ctx.connectors.whatsappAppSecret;
  if (!secret) {
    throw new HttpError(
      401,
      "WhatsApp notifications are refused until METRICA_CHATS_WHATSAPP_APP_SECRET is set",
      "X-Hub-Signature-256"
    );
  }
  const signature = header(req, "x-hub-signature-256");
  if (signature === void 0) throw new HttpError(401, "X-Hub-Signature-256 is missing", "X-Hub-Signature-256");
  if (!whatsappSignatureValid(raw, signature, secret)) {
    throw new HttpError(
      401,
      "X-Hub-Signature-256 does not match the body signed with the app secret",
      "X-Hub-Signature-256"
    );
  }
};
var greenApiAuthorized = (ctx, req) => {
  if (!ctx.connectors.greenApiTokenAccepted) return;
  const token = greenApiToken(header(req, "authorization"));
  if (token === void 0 || !ctx.connectors.greenApiTokenAccepted(token)) {
    throw new HttpError(401, "Authorization must carry the Green-API webhook token", "Authorization", {
      "WWW-Authenticate": "Bearer"
    });
  }
};
var telegramWebhook = connectorWebhook("telegram", telegramUpdate);
var viberWebhook = connectorWebhook("viber", viberCallback);
var greenApiHook = connectorWebhook("green-api", greenApiWebhook, greenApiAuthorized);
var wazzupHook = connectorWebhook("wazzup", wazzupWebhook);
var whatsappPost = connectorWebhook("whatsapp", whatsappNotification, whatsappSigned);
var whatsappHook = async (ctx, request) => {
  if (request.req.method !== "GET") return whatsappPost(ctx, request);
  const answer = whatsappHandshake(request.url.searchParams, ctx.webhookSecretAccepted);
  if (answer.status === 403) throw new HttpError(403, answer.reason, answer.field);
  request.res.writeHead(200, { ...BASE_HEADERS, "Content-Type": "text/plain; charset=utf-8" });
  request.res.end(answer.challenge);
};

// src/collector/activity.ts
var METRICA_IDS = ["clientId", "yclid", "userId", "purchaseId"];
function observeStorage(storage, log, intervalMs = 6e4) {
  let pairings = 0;
  const flush = () => {
    if (pairings === 0) return;
    log.info("pairings stored", { count: pairings, perMinutes: intervalMs / 6e4 });
    pairings = 0;
  };
  const timer = setInterval(flush, intervalMs);
  timer.unref?.();
  const upsertChat = async (key, input) => {
    const result = await storage.upsertChat(key, input);
    const { row } = result;
    if (result.created || result.changed) {
      const matched = METRICA_IDS.filter((id) => row[id]);
      log.info(result.created ? "chat stored" : "chat updated", {
        platform: row.platform,
        chatId: row.chatId,
        matched: matched.length > 0 ? matched.join(",") : null,
        unattributedReason: row.unattributedReason,
        revision: row.revision
      });
    }
    return result;
  };
  const insertPairing = async (pairing2) => {
    const result = await storage.insertPairing(pairing2);
    pairings++;
    return result;
  };
  const observed = new Proxy(storage, {
    get(target, property) {
      if (property === "upsertChat") return upsertChat;
      if (property === "insertPairing") return insertPairing;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    }
  });
  return {
    storage: observed,
    activity: {
      close() {
        clearInterval(timer);
        flush();
      }
    }
  };
}

// src/collector/auth.ts
import { createHash, timingSafeEqual as timingSafeEqual2 } from "node:crypto";
var digest = (s) => createHash("sha256").update(s, "utf8").digest();
function secretMatcher(secrets) {
  const digests = secrets.filter((s) => s.length > 0).map(digest);
  return (candidate) => {
    const d = digest(candidate);
    let ok = false;
    for (const k of digests) ok = timingSafeEqual2(k, d) || ok;
    return ok;
  };
}
function bearerAuthorizer(keys) {
  const keyAccepted = secretMatcher(keys);
  const hasKeys = keys.some((k) => k.length > 0);
  return (req) => {
    const header2 = req.headers.authorization;
    const m = header2 ? /^Bearer\s+(\S+)\s*$/i.exec(header2) : null;
    if (!m) {
      throw new HttpError(401, "Authorization: Bearer <key> is required", "Authorization", {
        "WWW-Authenticate": "Bearer"
      });
    }
    if (!hasKeys || !keyAccepted(m[1])) throw new HttpError(403, "API key not accepted", "Authorization");
  };
}
var BASIC_CHALLENGE = 'Basic realm="metrica-chats dashboard", charset="UTF-8"';
function basicAuthorizer(keys) {
  const keyAccepted = secretMatcher(keys);
  const hasKeys = keys.some((k) => k.length > 0);
  return (req) => {
    const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.headers.authorization ?? "");
    const decoded = m ? Buffer.from(m[1], "base64").toString("utf8") : "";
    const colon = decoded.indexOf(":");
    const password = colon >= 0 ? decoded.slice(colon + 1) : "";
    if (!hasKeys || !password || !keyAccepted(password)) {
      throw new HttpError(
        401,
        hasKeys ? "the dashboard needs an API key as the password" : "the dashboard is off: set METRICA_CHATS_API_KEYS",
        "Authorization",
        { "WWW-Authenticate": BASIC_CHALLENGE }
      );
    }
  };
}

// src/collector/lifecycle.ts
import { createServer } from "node:http";
function createLifecycle(options) {
  const { storage, log, now, prefix } = options;
  let inFlight = 0;
  let closing = false;
  let idle = null;
  const servers = [];
  let retentionTimer = null;
  if (options.retentionDays !== void 0) {
    const days = options.retentionDays;
    if (!(days > 0)) throw new Error(`retentionDays must be a positive number of days, got ${days}`);
    const purge = () => {
      storage.purgeOlderThan(now() - days * 864e5).then(
        ({ pairings, webhookMessages }) => pairings + webhookMessages > 0 && log.info("old pairings and connector messages purged", { pairings, webhookMessages, olderThanDays: days })
      ).catch((e) => log.error("purge failed", { error: e.message }));
    };
    purge();
    retentionTimer = setInterval(purge, 36e5);
    retentionTimer.unref();
  }
  const schedule = options.uploadSchedule?.(storage, log) ?? null;
  schedule?.start({ immediately: true });
  async function doClose() {
    closing = true;
    if (retentionTimer) clearInterval(retentionTimer);
    const scheduleStopped = schedule?.stop();
    const timeout = options.shutdownTimeoutMs ?? 1e4;
    const stopped = servers.map(
      (server) => new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      })
    );
    if (inFlight > 0) {
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, timeout);
        idle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    for (const server of servers) server.closeAllConnections();
    await Promise.all(stopped);
    await scheduleStopped;
    await storage.close();
    log.info("collector stopped");
  }
  let closed = null;
  return {
    track(res, work) {
      inFlight++;
      if (closing) res.setHeader("Connection", "close");
      work().finally(() => {
        inFlight--;
        if (inFlight === 0 && idle) idle();
      });
    },
    listen(handler, port, host) {
      const server = createServer(
        { keepAliveTimeout: 65e3, requestTimeout: 3e4, headersTimeout: 2e4 },
        handler
      );
      servers.push(server);
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          const { port: p } = server.address();
          const h = host.includes(":") ? `[${host}]` : host;
          const url = `http://${h}:${p}${prefix}`;
          log.info("collector listening", { url, db: storage.kind });
          resolve({ url });
        });
      });
    },
    close() {
      closed ??= doClose();
      return closed;
    },
    uploadSchedule: () => schedule?.state() ?? null
  };
}

// src/collector/origins.ts
function normalizeOrigin(origin) {
  const wildcard = origin.includes("://*.");
  const probe = wildcard ? origin.replace("://*.", "://wildcard.") : origin;
  let u;
  try {
    u = new URL(probe);
  } catch {
    throw new Error(`allowed origin ${JSON.stringify(origin)} is not an origin like https://example.com`);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:" || u.pathname !== "/" || u.search || u.hash || u.username) {
    throw new Error(
      `allowed origin ${JSON.stringify(origin)} must be scheme://host[:port] with no path, like https://example.com`
    );
  }
  if (/\/./.test(origin.replace(/^[a-z]+:\/\//i, ""))) {
    throw new Error(`allowed origin ${JSON.stringify(origin)} must not have a path`);
  }
  if (wildcard && u.hostname.split(".").length < 3) {
    throw new Error(
      `allowed origin ${JSON.stringify(origin)} is too broad: a wildcard must cover one domain's subdomains, like https://*.example.com`
    );
  }
  return wildcard ? u.origin.replace("://wildcard.", "://*.") : u.origin;
}
function originMatcher(allowed) {
  const exact = /* @__PURE__ */ new Set();
  const suffixes = [];
  for (const raw of allowed) {
    const o = normalizeOrigin(raw.trim());
    if (o.includes("://*.")) {
      const [scheme, rest] = o.split("://*");
      suffixes.push({ scheme: `${scheme}://`, suffix: rest });
    } else exact.add(o);
  }
  return (origin) => {
    let o;
    try {
      o = new URL(origin).origin;
    } catch {
      return false;
    }
    if (o === "null") return false;
    if (exact.has(o)) return true;
    return suffixes.some(({ scheme, suffix }) => {
      if (!o.startsWith(scheme)) return false;
      const host = o.slice(scheme.length);
      return host.endsWith(suffix) && host.length > suffix.length;
    });
  };
}

// src/bridge/hit.ts
import { isbot } from "isbot";
var MAX_UTM_LENGTH = 256;
var shown2 = (v) => v.length > 40 ? `a value of ${v.length} characters` : JSON.stringify(v);
function readBridgeQuery(search) {
  const out = { utm: {}, ignored: [] };
  const single = (field) => {
    const all = search.getAll(field);
    if (all.length > 1) {
      out.ignored.push({ field, reason: `${field} is given ${all.length} times; expected once` });
      return void 0;
    }
    return all[0] === "" ? void 0 : all[0];
  };
  const yclid = single("yclid");
  if (yclid !== void 0) {
    const verdict = yclidVerdict(yclid);
    if (verdict === null) out.yclid = yclid;
    else out.ignored.push({ field: "yclid", reason: `yclid must be ${verdict.expected}, got ${shown2(yclid)}` });
  }
  for (const key of UTM_KEYS) {
    const v = single(key);
    if (v === void 0) continue;
    const length = characterCount(v);
    const problem = textProblem(v);
    if (length > MAX_UTM_LENGTH) {
      out.ignored.push({ field: key, reason: `${key} must be at most ${MAX_UTM_LENGTH} characters, got ${length}` });
    } else if (problem) out.ignored.push({ field: key, reason: `${key} ${problem}` });
    else out.utm[key] = v;
  }
  return out;
}
var isRobot = (userAgent) => !userAgent?.trim() || isbot(userAgent);
function bridgeTarget(link, chatId, format, acceptLanguage) {
  const lang = acceptLanguage?.split(",")[0]?.split(";")[0]?.trim();
  return rewrite(link.url, { id: chatId, format, ...defaultMessage(lang) });
}
var REUSE_COOKIE = "_mc_go";
var REUSE_SECONDS = 30 * 60;
function reuseCookie(chatId, path, secure) {
  return `${REUSE_COOKIE}=${chatId}; Max-Age=${REUSE_SECONDS}; Path=${path}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
function readReuseCookie(cookieHeader, isChatId2) {
  for (const part of (cookieHeader ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== REUSE_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (isChatId2(value)) return value;
  }
  return null;
}

// src/collector/handlers/bridge.ts
var BRIDGE_HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };
var redirect = (res, location, headers = {}) => send(res, 302, void 0, { ...BRIDGE_HEADERS, ...headers, Location: location });
async function alreadyStored(storage, p) {
  const latest = await storage.findPairing(p.chatId, p.receivedAt);
  return latest !== null && latest.link === p.link && latest.yclid === p.yclid && UTM_KEYS.every((key) => latest.utm?.[key] === p.utm?.[key]);
}
var bridge = async (ctx, { req, res, url, params }) => {
  const name = params.name ?? "";
  const link = LINK_NAME.test(name) ? ctx.links.get(name) : void 0;
  if (!link) throw new HttpError(404, `no bridge link is named ${JSON.stringify(name.slice(0, 40))}`);
  if (req.method === "HEAD" || isRobot(req.headers["user-agent"])) {
    redirect(res, link.url);
    return;
  }
  if (ctx.limiter && ctx.limiter.take(clientKey(ctx.clientAddress(req))) > 0) {
    ctx.log.warn("bridge link: over the rate limit, redirected without a chat ID", { link: name });
    redirect(res, link.url);
    return;
  }
  const query = readBridgeQuery(url.searchParams);
  for (const ignored of query.ignored) {
    ctx.log.warn("bridge link: value ignored", { link: name, field: ignored.field, error: ignored.reason });
  }
  const reused = readReuseCookie(req.headers.cookie, (id) => isChatId(id, ctx.format));
  const pairing2 = {
    chatId: reused ?? newChatId(ctx.format),
    receivedAt: ctx.now(),
    platform: link.kind[0],
    link: name,
    ...query.yclid ? { yclid: query.yclid } : {},
    ...Object.keys(query.utm).length > 0 ? { utm: query.utm } : {}
  };
  try {
    if (!reused || !await alreadyStored(ctx.storage, pairing2)) await ctx.storage.insertPairing(pairing2);
  } catch (error) {
    ctx.log.error("bridge link: pairing not stored, visitor redirected all the same", {
      link: name,
      chatId: pairing2.chatId,
      error: error instanceof Error ? error.message : String(error)
    });
  }
  redirect(res, bridgeTarget(link, pairing2.chatId, ctx.format, req.headers["accept-language"]), {
    "Set-Cookie": reuseCookie(pairing2.chatId, `${ctx.prefix}/go/${name}`, ctx.isHttps(req))
  });
};

// src/collector/handlers/conversions.ts
function sinceParam(url, nowMs) {
  const raw = url.searchParams.get("since");
  if (raw === null || raw === "") return void 0;
  if (!/^\d+$/.test(raw))
    throw new HttpError(400, `since must be Unix seconds, got ${JSON.stringify(raw.slice(0, 40))}`, "since");
  return checkDateTime(Number(raw), Math.floor(nowMs / 1e3), "since");
}
var conversionsCsv = async (ctx, { res, url }) => {
  const since = sinceParam(url, ctx.now());
  const chunks = exportPending(ctx.storage, since === void 0 ? {} : { since });
  const head = [];
  for (let next = await chunks.next(); ; next = await chunks.next()) {
    if (next.done) break;
    head.push(next.value);
    if (head.length >= 2) break;
  }
  res.writeHead(200, {
    ...BASE_HEADERS,
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": 'attachment; filename="conversions.csv"'
  });
  for (const chunk of head) res.write(chunk);
  for await (const chunk of { [Symbol.asyncIterator]: () => chunks }) {
    if (!res.write(chunk)) await new Promise((r) => res.once("drain", r));
  }
  res.end();
};
async function readStats(ctx, since) {
  const counts = await ctx.storage.chatStats(since === void 0 ? {} : { since });
  const schedule = ctx.uploadSchedule();
  return schedule ? { ...counts, scheduledUpload: schedule } : counts;
}
var stats = async (ctx, { res, url }) => {
  send(res, 200, await readStats(ctx, sinceParam(url, ctx.now())));
};

// src/report/html.ts
function escapeHtml(value) {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]
  );
}

// src/report/chart.ts
var WIDTH = 560;
var HEIGHT = 220;
var PAD = { top: 14, right: 24, bottom: 34, left: 44 };
function tickStep(max) {
  const rough = Math.max(1, max / 3);
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const m of [1, 2, 5, 10]) if (m * power >= rough) return m * power;
  return 10 * power;
}
function chatsPerDayChart(days) {
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const max = Math.max(0, ...days.map((d) => d.attributed + d.unattributed));
  const step = tickStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const y = (v) => PAD.top + plotH - v / top * plotH;
  const slot = plotW / Math.max(1, days.length);
  const barW = Math.max(1, slot * 0.72);
  const out = [];
  for (let v = 0; v <= top; v += step) {
    const at = y(v).toFixed(1);
    out.push(`<line class="grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${at}" y2="${at}"/>`);
    out.push(
      `<text class="axis" x="${PAD.left - 6}" y="${at}" text-anchor="end" dominant-baseline="middle">${v}</text>`
    );
  }
  const labelEvery = Math.max(1, Math.ceil(days.length / 7));
  days.forEach((d, i) => {
    const x = PAD.left + i * slot + (slot - barW) / 2;
    const total = d.attributed + d.unattributed;
    const title = `<title>${escapeHtml(d.day)}: ${total} chats, ${d.attributed} attributed, ${d.unattributed} not attributed</title>`;
    out.push(
      `<g class="day" data-day="${escapeHtml(d.day)}" data-attributed="${d.attributed}" data-unattributed="${d.unattributed}">${title}`
    );
    if (d.attributed > 0) {
      out.push(
        `<rect class="bar-attributed" x="${x.toFixed(1)}" y="${y(d.attributed).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(0) - y(d.attributed)).toFixed(1)}"/>`
      );
    }
    if (d.unattributed > 0) {
      out.push(
        `<rect class="bar-unattributed" x="${x.toFixed(1)}" y="${y(total).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(d.attributed) - y(total)).toFixed(1)}"/>`
      );
    }
    out.push("</g>");
    if ((days.length - 1 - i) % labelEvery === 0) {
      out.push(
        `<text class="axis" x="${(x + barW / 2).toFixed(1)}" y="${HEIGHT - 10}" text-anchor="middle">${escapeHtml(d.day.slice(5))}</text>`
      );
    }
  });
  const sum = (k) => days.reduce((n, d) => n + d[k], 0);
  const label2 = `Chats per day from ${days[0]?.day ?? "\u2013"} to ${days[days.length - 1]?.day ?? "\u2013"}: ${sum("attributed")} attributed, ${sum("unattributed")} not attributed`;
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(label2)}" xmlns="http://www.w3.org/2000/svg">${out.join("")}</svg>`;
}
function dailySeries(counts, days, nowMs) {
  const byDay = new Map(counts.map((c) => [c.day, c]));
  const today = Math.floor(nowMs / 864e5);
  const series = [];
  for (let d = today - days + 1; d <= today; d++) {
    const day = new Date(d * 864e5).toISOString().slice(0, 10);
    const c = byDay.get(day);
    series.push({ day, attributed: c?.attributed ?? 0, unattributed: c?.unattributed ?? 0 });
  }
  return series;
}

// src/report/dashboard.ts
var PERIODS = [7, 30, 90];
var percent = (part, whole) => whole === 0 ? "\u2013" : `${Math.round(part / whole * 100)}%`;
var utc = (ms) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");
var num = (n) => n === void 0 ? "\u2013" : String(n);
function card(label2, value, note, id) {
  return `<div class="card" data-stat="${id}"><div class="value">${value}</div><div class="label">${escapeHtml(label2)}</div><div class="note">${escapeHtml(note)}</div></div>`;
}
function table(head, rows, empty, cls = "") {
  if (rows.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
  const th = head.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("");
  return `<div class="scroll"><table${cls ? ` class="${cls}"` : ""}><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}
function metricaIds(c) {
  const ids = [
    c.clientId ? `ClientID ${escapeHtml(c.clientId)}` : null,
    c.yclid ? `yclid ${escapeHtml(c.yclid)}` : null,
    c.userId ? `UserID ${escapeHtml(c.userId)}` : null,
    c.purchaseId ? `PurchaseID ${escapeHtml(c.purchaseId)}` : null
  ].filter(Boolean);
  return ids.length > 0 ? ids.join("<br>") : "\u2013";
}
function checkSection(check) {
  const value = check ? ` value="${escapeHtml(check.url)}"` : "";
  const form = `<form method="get" action="dashboard" class="check-form"><label for="check-url">Page URL</label><input id="check-url" name="check" type="url" required placeholder="https://example.com/landing"${value}><button type="submit">Check</button></form>`;
  if (!check) return form;
  if (check.error || !check.report) return `${form}<p class="bad">${escapeHtml(check.error ?? "the check did not run")}</p>`;
  const items = check.report.lines.map(
    (l) => `<li class="check-${l.status}" data-check="${l.id}"><span class="mark">${{ pass: "OK", fail: "FAIL", skip: "SKIP" }[l.status]}</span> <strong>${escapeHtml(l.title)}</strong>: ${escapeHtml(l.detail)}${l.fix ? `<div class="fix">${escapeHtml(l.fix)}</div>` : ""}</li>`
  ).join("");
  const verdict = check.report.ok ? '<p class="good">All checks passed.</p>' : '<p class="bad">Some checks failed; what to do is under each.</p>';
  return `${form}<ul class="checks">${items}</ul>${verdict}`;
}
var BAD_OUTCOMES = /* @__PURE__ */ new Set(["failed", "invalid", "quota-exhausted"]);
var REASON_SHORT = {
  no_chat_id: "no chat ID in the message",
  chat_id_not_paired: "chat ID never paired",
  pairing_without_metrica_id: "pairing without a Metrica ID",
  several_chat_ids: "several chat IDs in one message"
};
function scheduleSection(s) {
  if (!s) {
    return '<p class="empty">No scheduled upload: run <code>metrica-chats serve --upload-every 1h --counter &lt;id&gt;</code>, or <code>metrica-chats upload</code> from cron.</p>';
  }
  const last = s.lastRun ? `Last run ${utc(s.lastRun.at)} UTC: <strong class="${BAD_OUTCOMES.has(s.lastRun.outcome) ? "bad" : "good"}">${escapeHtml(s.lastRun.message)}</strong>.` : "No run yet.";
  const next = s.nextRunAt ? ` Next run ${utc(s.nextRunAt)} UTC.` : "";
  return `<p data-schedule>Every ${escapeHtml(s.every)} to counter ${escapeHtml(s.counterId)}. ${last}${next}</p>`;
}
function renderDashboard(v) {
  const s = v.stats;
  const unattributedTotal = Object.values(s.unattributed).reduce((a, b) => a + b, 0);
  const periods = PERIODS.map(
    (d) => d === v.days ? `<strong aria-current="page">${d} days</strong>` : `<a href="?days=${d}">${d} days</a>`
  ).join(" ");
  const platforms = Object.entries(s.byPlatform).sort(([a], [b]) => a.localeCompare(b)).map(([p, n]) => [escapeHtml(p), String(n), percent(n, s.chats), `<meter min="0" max="${s.chats}" value="${n}"></meter>`]);
  const links = Object.entries(s.byLink ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([name, l]) => [`<code>/go/${escapeHtml(name)}</code>`, String(l.visits), String(l.chats), String(l.matched)]);
  const reasons = Object.keys(REASON_TEXT).filter((r) => s.unattributed[r] > 0).map((r) => [escapeHtml(REASON_TEXT[r]), `<span data-reason="${r}">${s.unattributed[r]}</span>`]);
  const recent = v.recent.map((c) => [
    `${utc(c.dateTime * 1e3)}`,
    escapeHtml(c.platform),
    escapeHtml(c.partner),
    c.chatId ? `<code>${escapeHtml(c.chatId)}</code>` : "\u2013",
    metricaIds(c),
    c.reason ? `<span class="bad">${escapeHtml(REASON_SHORT[c.reason])}</span>` : '<span class="good">attributed</span>',
    c.uploaded ? "uploaded" : "waiting"
  ]);
  const uploads = v.uploads.map((u) => [
    `${utc(u.sentAt)}`,
    `<code>${escapeHtml(u.uploadId)}</code>`,
    escapeHtml(u.status),
    String(u.rowCount),
    num(u.lineQuantity),
    num(u.linkedQuantity),
    num(u.userNotFoundQuantity)
  ]);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>metrica-chats dashboard</title>
<link rel="stylesheet" href="dashboard.css">
<link rel="icon" href="dashboard.svg" type="image/svg+xml">
</head>
<body>
<header><h1>metrica-chats</h1><nav class="periods">Last ${periods}</nav></header>
<main>
<section aria-labelledby="h-totals"><h2 id="h-totals">Last ${v.days} days</h2>
<div class="cards">
${card(
    "Chats",
    s.chats,
    Object.entries(s.byPlatform).length > 0 ? Object.entries(s.byPlatform).map(([p, n]) => `${p} ${n}`).join(", ") : "none yet",
    "chats"
  )}
${card("Attributed", s.matched, `${percent(s.matched, s.chats)} matched to Metrica IDs`, "matched")}
${card("Not attributed", unattributedTotal, percent(unattributedTotal, s.chats), "unattributed")}
${card("Uploaded", s.uploaded, `${s.pending} waiting for upload`, "uploaded")}
${card("Pairings received", s.pairings, "beacons from the page script", "pairings")}
</div></section>
<section aria-labelledby="h-chart"><h2 id="h-chart">Chats per day</h2>
<p class="legend"><span class="key key-attributed"></span> attributed <span class="key key-unattributed"></span> not attributed</p>
${chatsPerDayChart(v.daily)}
</section>
<section aria-labelledby="h-platforms"><h2 id="h-platforms">By platform</h2>
${table(["Platform", "Chats", "Share", ""], platforms, "No chats in this period.")}
${table(
    ["How the chat ID was found", "Chats"],
    [
      ["Carried in the message", `<span data-stat="carriedChatId">${s.carriedChatId}</span>`],
      ["Linked by the same partner\u2019s earlier chat", `<span data-stat="linkedByPartner">${s.linkedByPartner}</span>`],
      ["Matched after repairing the chat ID", `<span data-stat="matchedAfterRepair">${s.matchedAfterRepair}</span>`],
      [
        "Several chat IDs, one chosen by its pairing",
        `<span data-stat="severalIdsResolved">${s.severalIdsResolved}</span>`
      ],
      [
        "Upgraded by a later pairing of the same visit",
        `<span data-stat="upgradedByLaterPairing">${s.upgradedByLaterPairing}</span>`
      ]
    ],
    "",
    "found"
  )}
</section>
${links.length > 0 ? `<section aria-labelledby="h-links"><h2 id="h-links">Bridge links</h2>
${table(["Link", "Visits", "Chats", "Matched"], links, "", "links")}
</section>` : ""}
<section aria-labelledby="h-reasons"><h2 id="h-reasons">Why chats were not attributed</h2>
${table(["Reason", "Chats"], reasons, "Every chat in this period was attributed.", "reasons")}
</section>
<section aria-labelledby="h-recent"><h2 id="h-recent">Recent chats</h2>
${table(["Time (UTC)", "Platform", "Partner", "Chat ID", "Metrica IDs", "Match", "Upload"], recent, "No chats in this period.", "recent")}
</section>
<section aria-labelledby="h-uploads"><h2 id="h-uploads">Uploads to Metrica</h2>
${scheduleSection(v.schedule)}
${table(["Sent (UTC)", "Upload", "Metrica status", "Rows sent", "Rows accepted", "Linked", "Not found"], uploads, "Nothing uploaded yet.", "uploads")}
</section>
<section aria-labelledby="h-check"><h2 id="h-check">Installation check</h2>
<p>Is the script on a page, configured, and able to reach this collector?</p>
${checkSection(v.check)}
</section>
</main>
<footer>As of ${utc(v.now)} UTC. The same figures: <code>GET /v1/stats</code>, <code>metrica-chats report</code>.</footer>
</body>
</html>
`;
}

// src/report/dashboard-css.ts
var DASHBOARD_CSS = `:root { color-scheme: light dark; --fg: #1b1f24; --muted: #5b6470; --bg: #fff; --panel: #f4f6f8;
  --line: #d6dbe1; --good: #1a7f37; --bad: #b42318; --attributed: #2f6fde; --unattributed: #e0893a; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e9ed; --muted: #9aa4af; --bg: #111418; --panel: #1b2026;
  --line: #2e353d; --good: #4ac26b; --bad: #ff7b72; --attributed: #5b8ff0; --unattributed: #f0a35e; } }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header, main, footer { max-width: 980px; margin: 0 auto; padding: 0 16px; }
header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 8px; padding-top: 16px; }
h1 { font-size: 1.3rem; margin: 0; }
h2 { font-size: 1.05rem; margin: 28px 0 10px; }
.periods a, .periods strong { margin-left: 8px; }
a { color: var(--attributed); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; }
.card { background: var(--panel); border-radius: 8px; padding: 12px; }
.card .value { font-size: 1.7rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.card .label { font-weight: 600; }
.card .note, .empty, footer, .legend { color: var(--muted); font-size: 0.9rem; }
.chart { width: 100%; height: auto; display: block; }
.chart .grid { stroke: var(--line); stroke-width: 1; }
.chart .axis { fill: var(--muted); font-size: 12px; }
.bar-attributed, .key-attributed { fill: var(--attributed); background: var(--attributed); }
.bar-unattributed, .key-unattributed { fill: var(--unattributed); background: var(--unattributed); }
.key { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -1px; margin-left: 8px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; white-space: nowrap; }
td code { font-size: 0.88rem; }
table.recent td, table.uploads td { white-space: nowrap; }
/* Wide enough for the lists to wrap inside the page rather than scroll. */
@media (min-width: 700px) { table.recent td:nth-child(n + 5) { white-space: normal; } }
meter { width: 120px; }
.good { color: var(--good); }
.bad { color: var(--bad); }
.check-form { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.check-form input { flex: 1 1 260px; padding: 8px; font: inherit; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
.check-form button { padding: 8px 16px; font: inherit; border-radius: 6px; border: 0; background: var(--attributed); color: #fff; }
.checks { list-style: none; padding: 0; }
.checks li { padding: 6px 0; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
.checks .mark { display: inline-block; min-width: 3.2em; font-weight: 700; }
.check-pass .mark { color: var(--good); }
.check-fail .mark { color: var(--bad); }
.check-skip .mark { color: var(--muted); }
.fix { margin: 4px 0 0 3.6em; color: var(--muted); }
footer { padding-top: 24px; padding-bottom: 24px; }
/* The chart scales with the screen; its labels are in its own units, so they grow on a phone. */
@media (max-width: 600px) { .chart .axis { font-size: 22px; } }
`;
var DASHBOARD_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect x="1" y="8" width="4" height="7" fill="#2f6fde"/><rect x="6" y="4" width="4" height="11" fill="#2f6fde"/><rect x="11" y="1" width="4" height="14" fill="#e0893a"/></svg>';

// src/collector/handlers/dashboard.ts
var RECENT_CHATS = 25;
var RECENT_UPLOADS = 20;
var DASHBOARD_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
function periodParam(url) {
  const raw = url.searchParams.get("days");
  if (raw === null || raw === "") return 30;
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > 366) {
    throw new HttpError(
      400,
      `days must be a whole number of days from 1 to 366, e.g. ${PERIODS.join(", ")}; got ${JSON.stringify(raw.slice(0, 20))}`,
      "days"
    );
  }
  return Number(raw);
}
var dashboard = async (ctx, { res, url }) => {
  const days = periodParam(url);
  const now = ctx.now();
  const since = (Math.floor(now / 864e5) - days + 1) * 86400;
  const [stats2, perDay, recent, uploads] = await Promise.all([
    readStats(ctx, since),
    ctx.storage.chatsPerDay({ since }),
    ctx.storage.recentChats({ since, limit: RECENT_CHATS }),
    ctx.storage.uploadHistory({ limit: RECENT_UPLOADS })
  ]);
  const view = {
    days,
    now,
    stats: stats2,
    daily: dailySeries(perDay, days, now),
    recent: recent.map((c) => ({
      dateTime: c.dateTime,
      platform: c.platform,
      partner: c.chatUsername ?? c.chatUserId ?? c.phoneNumber ?? "\u2013",
      chatId: c.chatId,
      clientId: c.clientId,
      yclid: c.yclid,
      userId: c.userId,
      purchaseId: c.purchaseId,
      reason: c.unattributedReason,
      uploaded: c.uploadedRevision === c.revision
    })),
    uploads,
    schedule: stats2.scheduledUpload ?? null
  };
  const checkUrl = url.searchParams.get("check");
  if (checkUrl) {
    try {
      view.check = {
        url: checkUrl,
        report: await checkInstallation(checkUrl, { filters: () => loadFilterLists(ctx.filterLists) })
      };
    } catch (error) {
      view.check = { url: checkUrl, error: error.message };
    }
  }
  const html = renderDashboard(view);
  res.writeHead(200, {
    ...BASE_HEADERS,
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(html)),
    "Content-Security-Policy": DASHBOARD_CSP,
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY"
  });
  res.end(html);
};
function asset(type, body) {
  return async (_ctx, { res }) => {
    res.writeHead(200, {
      ...BASE_HEADERS,
      "Content-Type": type,
      "Content-Length": String(Buffer.byteLength(body)),
      "Cache-Control": "public, max-age=3600"
    });
    res.end(body);
  };
}
var dashboardCss = asset("text/css; charset=utf-8", DASHBOARD_CSS);
var dashboardIcon = asset("image/svg+xml", DASHBOARD_ICON);

// src/collector/handlers/health.ts
var health = async (ctx, { res }) => {
  try {
    await ctx.storage.ping();
  } catch (error) {
    if (!isDatabaseDown(error)) throw error;
    send(res, 503, { ok: false, db: ctx.storage.kind, error: "the database is unavailable" });
    return;
  }
  send(res, 200, { ok: true, db: ctx.storage.kind });
};

// src/collector/routes.ts
var ROUTES = [
  { path: "/healthz", methods: ["GET", "HEAD"], auth: "public", handler: health },
  { path: "/v1/pairings", methods: ["POST"], auth: "public", cors: true, handler: pairing },
  { path: "/v1/chats", methods: ["POST"], auth: "bearer", handler: chats },
  { path: "/v1/webhooks/telegram/:secret", methods: ["POST"], auth: "path-secret", handler: telegramWebhook },
  { path: "/v1/webhooks/viber/:secret", methods: ["POST"], auth: "path-secret", handler: viberWebhook },
  { path: "/v1/webhooks/whatsapp/:secret", methods: ["GET", "POST"], auth: "path-secret", handler: whatsappHook },
  { path: "/v1/webhooks/green-api/:secret", methods: ["POST"], auth: "path-secret", handler: greenApiHook },
  { path: "/v1/webhooks/wazzup/:secret", methods: ["POST"], auth: "path-secret", handler: wazzupHook },
  { path: "/v1/conversions.csv", methods: ["GET"], auth: "bearer", handler: conversionsCsv },
  { path: "/v1/stats", methods: ["GET"], auth: "bearer", handler: stats },
  { path: "/dashboard", methods: ["GET"], auth: "basic", handler: dashboard },
  { path: "/dashboard.css", methods: ["GET"], auth: "public", handler: dashboardCss },
  { path: "/dashboard.svg", methods: ["GET"], auth: "public", handler: dashboardIcon },
  { path: "/go/:name", methods: ["GET", "HEAD"], auth: "public", handler: bridge }
];
function matchRoute(routes, path) {
  const segments = path.split("/");
  for (const route of routes) {
    const pattern = route.path.split("/");
    if (pattern.length !== segments.length) continue;
    const params = {};
    let matches = true;
    for (const [i, part] of pattern.entries()) {
      const segment = segments[i];
      if (part.startsWith(":") && segment !== "") params[part.slice(1)] = segment;
      else if (part !== segment) {
        matches = false;
        break;
      }
    }
    if (matches) return { route, params };
  }
  return null;
}
function createDispatcher(ctx, routes = ROUTES) {
  return async (req, res, url, path) => {
    const found = matchRoute(routes, path);
    if (!found) throw new HttpError(404, "not found");
    const { route, params } = found;
    const method = req.method ?? "GET";
    if (route.auth === "path-secret" && !ctx.webhookSecretAccepted(params.secret ?? "")) {
      throw new HttpError(404, "not found");
    }
    let cors = {};
    if (route.cors) {
      const origin = req.headers.origin;
      if (origin !== void 0) {
        if (!ctx.originAllowed(origin)) {
          throw new HttpError(
            403,
            ctx.hasOrigins ? "origin not allowed" : "no origin is allowed yet: start the collector with --allow-origin",
            "Origin"
          );
        }
        cors = { "Access-Control-Allow-Origin": origin, Vary: "Origin" };
      }
      if (method === "OPTIONS") {
        send(res, 204, void 0, {
          ...cors,
          "Access-Control-Allow-Methods": route.methods.join(", "),
          "Access-Control-Allow-Headers": "Content-Type",
          "Access-Control-Max-Age": "86400"
        });
        return;
      }
    }
    const allowed = route.cors ? [...route.methods, "OPTIONS"] : route.methods;
    if (!allowed.includes(method)) {
      const list2 = allowed.join(", ");
      throw new HttpError(405, `method ${method} is not allowed here; use ${list2}`, void 0, { Allow: list2 });
    }
    if (route.auth === "bearer") ctx.authorize(req);
    if (route.auth === "basic") {
      const wait = ctx.dashboardLimiter?.take(clientKey(ctx.clientAddress(req))) ?? 0;
      if (wait > 0) throw new HttpError(429, "too many requests", void 0, { "Retry-After": String(wait) });
      ctx.authorizeDashboard(req);
    }
    try {
      await route.handler(ctx, { req, res, url, params, cors });
    } catch (error) {
      if (route.cors && error instanceof HttpError) Object.assign(error.headers, cors);
      throw error;
    }
  };
}

// src/collector/server.ts
function normalizePrefix(prefix) {
  const p = (prefix ?? "").trim().replace(/\/+$/, "");
  if (p === "") return "";
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(p)) {
    throw new Error(`pathPrefix must look like /some/path (letters, digits, . _ ~ -), got ${JSON.stringify(prefix)}`);
  }
  if (p.split("/").some((segment) => segment === "." || segment === "..")) {
    throw new Error(`pathPrefix must not have a . or .. segment, got ${JSON.stringify(prefix)}`);
  }
  return p;
}
async function createCollector(options) {
  const now = options.now ?? Date.now;
  const format = options.chatIdFormat ?? DEFAULT_FORMAT;
  const problem = chatIdFormatProblem(format);
  if (problem) throw new Error(`chatIdFormat: ${problem}`);
  const prefix = normalizePrefix(options.pathPrefix);
  const webhookSecret = options.webhookSecret ?? "";
  if (webhookSecret && !/^[A-Za-z0-9_-]{1,256}$/.test(webhookSecret)) {
    throw new Error("webhookSecret must be 1\u2013256 characters of A-Z a-z 0-9 _ -");
  }
  const shortSecret = shortSecretProblem(options.apiKeys ?? [], webhookSecret || void 0);
  if (shortSecret) throw new Error(shortSecret);
  const links = linkTable(Object.entries(options.links ?? {}));
  const connectorSecrets = [options.whatsappAppSecret ?? "", options.greenApiToken ?? ""];
  const secrets = [webhookSecret, ...connectorSecrets, ...options.apiKeys ?? []].filter(Boolean);
  const log = options.logger === false ? silentLogger : options.logger ?? jsonLogger(void 0, secrets);
  const storage = typeof options.db === "string" ? await openStorage(options.db) : options.db;
  const limits = options.rateLimit === false ? null : options.rateLimit ?? { perMinute: 120, burst: 30 };
  const observed = observeStorage(storage, log);
  const context = {
    storage: observed.storage,
    format,
    now,
    limiter: limits ? new RateLimiter(limits, now) : null,
    dashboardLimiter: limits ? new RateLimiter(limits, now) : null,
    authorizeDashboard: basicAuthorizer(options.apiKeys ?? []),
    filterLists: options.filterLists ?? { urls: FILTER_LIST_URLS },
    // The lifecycle runs the schedule; it is created below, before any request can arrive.
    uploadSchedule: () => lifecycle.uploadSchedule(),
    clientAddress: (req) => clientAddress(req, options.trustProxy === true),
    authorize: bearerAuthorizer(options.apiKeys ?? []),
    originAllowed: originMatcher(options.allowOrigins ?? []),
    hasOrigins: (options.allowOrigins ?? []).length > 0,
    webhookSecretAccepted: secretMatcher(webhookSecret ? [webhookSecret] : []),
    links,
    prefix,
    isHttps: (req) => isHttps(req, options.trustProxy === true),
    log,
    connectors: {
      ...options.whatsappAppSecret ? { whatsappAppSecret: options.whatsappAppSecret } : {},
      ...options.greenApiToken ? { greenApiTokenAccepted: secretMatcher([options.greenApiToken]) } : {}
    },
    warnOnce: onceLogger(log)
  };
  const dispatch = createDispatcher(context);
  const lifecycle = createLifecycle({
    storage,
    log,
    now,
    prefix,
    retentionDays: options.retentionDays,
    shutdownTimeoutMs: options.shutdownTimeoutMs,
    uploadSchedule: options.uploadSchedule
  });
  async function route(req, res) {
    let url;
    try {
      url = new URL(req.url ?? "/", "http://collector.invalid");
    } catch {
      throw new HttpError(400, "request target is not a valid path");
    }
    let path = url.pathname;
    if (prefix) {
      if (path !== prefix && !path.startsWith(`${prefix}/`)) throw new HttpError(404, "not found");
      path = path.slice(prefix.length) || "/";
    }
    await dispatch(req, res, url, path);
  }
  function logFailure(req, error, started) {
    const path = mask(req.url ?? "", secrets);
    if (error instanceof HttpError) {
      log.warn("request refused", {
        method: req.method,
        path,
        status: error.status,
        // Refusals may quote the value sent (a phone number, say); a custom logger gets it masked too.
        error: mask(error.message, secrets),
        field: error.field
      });
      return;
    }
    log.error("request failed", {
      method: req.method,
      path,
      error: mask(error instanceof Error ? error.message : String(error), secrets),
      ms: Math.round(performance.now() - started)
    });
  }
  function handler(req, res) {
    lifecycle.track(res, () => {
      const started = performance.now();
      return route(req, res).catch((error) => {
        sendError(res, error);
        logFailure(req, error, started);
      });
    });
  }
  return {
    handler,
    storage,
    listen: (port = 0, host = "127.0.0.1") => lifecycle.listen(handler, port, host),
    close: () => {
      observed.activity.close();
      return lifecycle.close();
    }
  };
}

export {
  greenApiWebhook,
  telegramUpdate,
  viberCallback,
  wazzupWebhook,
  whatsappHandshake,
  whatsappSignatureValid,
  whatsappNotification,
  findChatId,
  recordChat,
  HttpError,
  MIN_SECRET_LENGTH,
  shortSecretProblem,
  parsePairing,
  parseChatReport,
  CHAT_BODY_LIMIT,
  PAIRING_BODY_LIMIT,
  WEBHOOK_BODY_LIMIT,
  createCollector
};
