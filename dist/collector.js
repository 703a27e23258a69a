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
} from "./chunks/chunk-LQUURE5X.js";
import "./chunks/chunk-UARLW5ZB.js";
import "./chunks/chunk-57SFKUBH.js";
import {
  jsonLogger,
  mask
} from "./chunks/chunk-7Z4IPTRN.js";
import "./chunks/chunk-NWXZICF3.js";
import {
  MissingDriverError,
  UNATTRIBUTED_REASONS,
  openStorage
} from "./chunks/chunk-UCO5YHF7.js";
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
