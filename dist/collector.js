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
} from "./chunks/chunk-ITYVDP32.js";
import "./chunks/chunk-ANT3R34J.js";
import {
  jsonLogger,
  mask
} from "./chunks/chunk-7Z4IPTRN.js";
import {
  MissingDriverError,
  UNATTRIBUTED_REASONS,
  openStorage
} from "./chunks/chunk-DDCC5LZZ.js";
import "./chunks/chunk-6VG6H7X3.js";
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
