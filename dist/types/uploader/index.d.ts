/**
 * metrica-chats/uploader: the Metrica CHATS CSV (building, reading, validation), the Metrica
 * API client, and the upload job.
 */
export { type CsvOptions, csvField, csvHeader, csvLine, csvLines, EOL, escapeFormula } from '../export/csv.js';
export { exportPending } from '../export/pending.js';
export { CHAT_PLATFORMS, type ChatPlatform, type ConversionRecord, CSV_COLUMNS, type CsvColumn, METRICA_ID_COLUMNS, PARTNER_COLUMNS, PARTNER_CSV_COLUMNS, } from '../shared/conversion.js';
export type { ConversionStore, PendingConversion, UploadReceipt } from '../storage/contract.js';
export { COMMENT_MAX_LENGTH, createMetricaClient, DEFAULT_API_URL, type MetricaClient, type MetricaClientOptions, parseRetryAfter, type RetryOptions, readUploadings, type Uploading, type WaitOptions, type WaitOutcome, } from './client.js';
export { MetricaApiError, type MetricaErrorDetail, MetricaNetworkError, QuotaExhaustedError } from './errors.js';
export { type UploadJobOptions, type UploadReport, type UploadResult, uploadPending, uploadRows } from './job.js';
export { createPacer, type Pacer, type PacerOptions } from './pacer.js';
export { MAX_PART_BYTES, type PreparedPart, ProblemLog, prepareRows, type RowRef } from './prepare.js';
export { type ReadCsvOptions, readCsv, type SourceRow } from './read-csv.js';
export { countRow, describeProblem, emptySummary, formatProblem, isAttributed, TAG_MAX_LENGTH, type UploadSummary, type ValidationProblem, validateHeader, validateRecord, } from './validate.js';
