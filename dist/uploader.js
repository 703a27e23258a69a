#!/usr/bin/env node
import {
  readCsv
} from "./chunks/chunk-3SERANJY.js";
import {
  DEFAULT_API_URL,
  MAX_PART_BYTES,
  MetricaApiError,
  MetricaNetworkError,
  ProblemLog,
  QuotaExhaustedError,
  countRow,
  createMetricaClient,
  createPacer,
  describeProblem,
  emptySummary,
  formatProblem,
  parseRetryAfter,
  prepareRows,
  readUploadings,
  uploadPending,
  uploadRows,
  validateHeader,
  validateRecord
} from "./chunks/chunk-SLN3KFK4.js";
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
import "./chunks/chunk-KSOJ7EKS.js";
import {
  COMMENT_MAX_LENGTH,
  TAG_MAX_LENGTH,
  isAttributed
} from "./chunks/chunk-4YCAPLBT.js";
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
