#!/usr/bin/env node
import "./chunks/chunk-7L3OIF7I.js";
import {
  CHAT_BODY_LIMIT,
  HttpError,
  MIN_SECRET_LENGTH,
  PAIRING_BODY_LIMIT,
  WEBHOOK_BODY_LIMIT,
  createCollector,
  findChatId,
  greenApiWebhook,
  parseChatReport,
  parsePairing,
  recordChat,
  telegramUpdate,
  viberCallback,
  wazzupWebhook,
  whatsappHandshake,
  whatsappNotification,
  whatsappSignatureValid
} from "./chunks/chunk-35RFB4VA.js";
import "./chunks/chunk-3UQKVSVT.js";
import "./chunks/chunk-TDIG5AFX.js";
import "./chunks/chunk-DJ2W7AGI.js";
import "./chunks/chunk-BOWEE4IV.js";
import {
  MissingDriverError,
  UNATTRIBUTED_REASONS,
  openStorage
} from "./chunks/chunk-5OEX7AUI.js";
import "./chunks/chunk-4YCAPLBT.js";
import "./chunks/chunk-5GHHCO5G.js";
import {
  jsonLogger,
  mask
} from "./chunks/chunk-SULML3OP.js";
import "./chunks/chunk-II6ICZSI.js";
export {
  CHAT_BODY_LIMIT,
  HttpError,
  MIN_SECRET_LENGTH,
  MissingDriverError,
  PAIRING_BODY_LIMIT,
  UNATTRIBUTED_REASONS,
  WEBHOOK_BODY_LIMIT,
  createCollector,
  findChatId,
  greenApiWebhook,
  jsonLogger,
  mask,
  openStorage,
  parseChatReport,
  parsePairing,
  recordChat,
  telegramUpdate,
  viberCallback,
  wazzupWebhook,
  whatsappHandshake,
  whatsappNotification,
  whatsappSignatureValid
};
