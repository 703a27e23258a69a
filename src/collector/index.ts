/**
 * `metrica-chats/collector`: the pairing and chat collector (HTTP API v1) and its storage adapters.
 * Database drivers (better-sqlite3, pg) are optional and load only when a database of that kind opens.
 */

export { greenApiWebhook } from '../connectors/green-api.js';
export { telegramUpdate } from '../connectors/telegram.js';
export type { ConnectorChat, ConnectorResult, IgnoreReason } from '../connectors/types.js';
export { viberCallback } from '../connectors/viber.js';
export { wazzupWebhook } from '../connectors/wazzup.js';
export { whatsappHandshake, whatsappNotification, whatsappSignatureValid } from '../connectors/whatsapp.js';
export {
  type ChatRow,
  type ChatStats,
  MissingDriverError,
  type OpenStorageOptions,
  openStorage,
  type Pairing,
  type PairingInput,
  type Storage,
  UNATTRIBUTED_REASONS,
  type UnattributedReason,
} from '../storage/index.js';
export { type ChatResult, findChatId, recordChat } from './attribute.js';
export { HttpError } from './errors.js';
export { jsonLogger, type Logger, mask } from './logger.js';
export type { RateLimitOptions } from './rate-limit.js';
export { MIN_SECRET_LENGTH } from './secrets.js';
export {
  CHAT_BODY_LIMIT,
  type Collector,
  type CollectorOptions,
  createCollector,
  PAIRING_BODY_LIMIT,
  WEBHOOK_BODY_LIMIT,
} from './server.js';
export { type ChatReport, parseChatReport, parsePairing } from './validate.js';
