/**
 * The domain: pure rules of what a chat row is, who its partner is and which chat it is for
 * Metrica. No I/O. The collector, storage, the uploader, the CLI, connectors and the fake Metrica
 * all use these, so a rule is written once.
 */
export { answeredVerdict, CHAT_PLATFORMS, type ChatPlatform, COLUMN_RULES, type ColumnProblem, type ConversionRecord, CSV_COLUMNS, type CsvColumn, checkChatRecord, dateTimeVerdict, isAttributed, isChatPlatform, METRICA_ID_COLUMNS, MIN_DATE_TIME, PARTNER_CSV_COLUMNS, PARTNER_USER_ID_MAX_LENGTH, partnerUserIdVerdict, platformVerdict, priceVerdict, TAG_MAX_LENGTH, tagVerdict, URL_MAX_LENGTH, USERNAME_MAX_LENGTH, urlVerdict, usernameVerdict, } from './chat-row.js';
export { currencyVerdict, isCurrencyCode, normalizeCurrency } from './currency.js';
export { chatKey, looseUpdateKeys, type PartnerIds, type PartnerKind, type PartnerRef, partnersOf, sharesPartner, strictUpdateKey, } from './identity.js';
export { CLIENT_ID_PATTERN, clientIdVerdict, hasMetricaId, purchaseIdVerdict, SITE_ID_MAX_LENGTH, siteIdVerdict, userIdVerdict, YCLID_PATTERN, yclidVerdict, } from './metrica-ids.js';
export { normalizePhone, phoneColumnVerdict } from './phone.js';
export { describeVerdict, expected, type Verdict } from './problem.js';
export { characterCount, cleanText, cutToCharacters, textProblem } from './text.js';
export { COMMENT_MAX_LENGTH, uploadCommentVerdict } from './upload-comment.js';
