#!/usr/bin/env node
import {
  readCsv
} from "./chunks/chunk-C25G5MPA.js";
import {
  COMMENT_MAX_LENGTH,
  DEFAULT_API_URL,
  createMetricaClient,
  createPacer,
  parseRetryAfter,
  readUploadings
} from "./chunks/chunk-N5B2GPSR.js";
import {
  MAX_PART_BYTES,
  MetricaApiError,
  MetricaNetworkError,
  ProblemLog,
  QuotaExhaustedError,
  TAG_MAX_LENGTH,
  countRow,
  describeProblem,
  emptySummary,
  formatProblem,
  isAttributed,
  prepareRows,
  uploadPending,
  uploadRows,
  validateHeader,
  validateRecord
} from "./chunks/chunk-5RDS6SZ6.js";
import {
  exportPending
} from "./chunks/chunk-DJ2W7AGI.js";
import {
  EOL,
  csvField,
  csvHeader,
  csvLine,
  csvLines,
  escapeFormula
} from "./chunks/chunk-BOWEE4IV.js";
import {
  CHAT_PLATFORMS,
  CSV_COLUMNS,
  METRICA_ID_COLUMNS,
  PARTNER_COLUMNS,
  PARTNER_CSV_COLUMNS
} from "./chunks/chunk-5GHHCO5G.js";
export {
  CHAT_PLATFORMS,
  COMMENT_MAX_LENGTH,
  CSV_COLUMNS,
  DEFAULT_API_URL,
  EOL,
  MAX_PART_BYTES,
  METRICA_ID_COLUMNS,
  MetricaApiError,
  MetricaNetworkError,
  PARTNER_COLUMNS,
  PARTNER_CSV_COLUMNS,
  ProblemLog,
  QuotaExhaustedError,
  TAG_MAX_LENGTH,
  countRow,
  createMetricaClient,
  createPacer,
  csvField,
  csvHeader,
  csvLine,
  csvLines,
  describeProblem,
  emptySummary,
  escapeFormula,
  exportPending,
  formatProblem,
  isAttributed,
  parseRetryAfter,
  prepareRows,
  readCsv,
  readUploadings,
  uploadPending,
  uploadRows,
  validateHeader,
  validateRecord
};
