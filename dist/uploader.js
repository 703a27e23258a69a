#!/usr/bin/env node
import {
  exportPending
} from "./chunks/chunk-ANT3R34J.js";
import {
  COMMENT_MAX_LENGTH,
  DEFAULT_API_URL,
  MAX_PART_BYTES,
  MetricaApiError,
  MetricaNetworkError,
  ProblemLog,
  QuotaExhaustedError,
  TAG_MAX_LENGTH,
  countRow,
  createMetricaClient,
  createPacer,
  emptySummary,
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
} from "./chunks/chunk-XX7U7S5F.js";
import {
  EOL,
  csvField,
  csvHeader,
  csvLine,
  csvLines,
  escapeFormula
} from "./chunks/chunk-6VG6H7X3.js";
export {
  COMMENT_MAX_LENGTH,
  DEFAULT_API_URL,
  EOL,
  MAX_PART_BYTES,
  MetricaApiError,
  MetricaNetworkError,
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
