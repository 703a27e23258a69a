#!/usr/bin/env node
import "./chunks/chunk-EGQFFPF7.js";
import {
  CHAT_BODY_LIMIT,
  HttpError,
  PAIRING_BODY_LIMIT,
  WEBHOOK_BODY_LIMIT,
  createCollector,
  findChatId,
  parseChatReport,
  parsePairing,
  recordChat,
  telegramChat,
  viberChat
} from "./chunks/chunk-7LRVXZBW.js";
import "./chunks/chunk-TDIG5AFX.js";
import "./chunks/chunk-DJ2W7AGI.js";
import "./chunks/chunk-BOWEE4IV.js";
import {
  MissingDriverError,
  UNATTRIBUTED_REASONS,
  openStorage
} from "./chunks/chunk-GDDFYWX7.js";
import {
  jsonLogger,
  mask
} from "./chunks/chunk-7Z4IPTRN.js";
import "./chunks/chunk-4YCAPLBT.js";
import "./chunks/chunk-5GHHCO5G.js";
export {
  CHAT_BODY_LIMIT,
  HttpError,
  MissingDriverError,
  PAIRING_BODY_LIMIT,
  UNATTRIBUTED_REASONS,
  WEBHOOK_BODY_LIMIT,
  createCollector,
  findChatId,
  jsonLogger,
  mask,
  openStorage,
  parseChatReport,
  parsePairing,
  recordChat,
  telegramChat,
  viberChat
};
