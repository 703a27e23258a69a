/**
 * `metrica-chats/match`: the chat-ID format shared by every part, and finding an ID in a message.
 * Pure functions, no I/O: safe in the browser, in Node and in a worker.
 */

export { cleanCopiedValue, plainSpaces, removeBidiControls, removeInvisible } from './clean.js';
export {
  type ChatIdCandidate,
  type ChatIdRepair,
  extractChatId,
  findChatIds,
  normalizeForMatching,
  parseStartPayload,
} from './extract.js';
export {
  CHAT_ID_ALPHABET,
  CHAT_ID_PATTERN,
  type ChatIdFormat,
  chatIdFormatProblem,
  DEFAULT_FORMAT,
  DEFAULT_LENGTH,
  DEFAULT_PREFIX,
  formatProblem,
  isChatId,
  TELEGRAM_RESERVED_PREFIX,
} from './format.js';
