#!/usr/bin/env node
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
  emptySummary,
  formatProblem,
  parseRetryAfter,
  prepareRows,
  readCsv,
  readUploadings,
  uploadPending,
  uploadRows,
  validateHeader,
  validateRecord
} from "./chunks/chunk-RHEIVJ2S.js";
import {
  exportPending
} from "./chunks/chunk-UARLW5ZB.js";
import {
  EOL,
  csvField,
  csvHeader,
  csvLine,
  csvLines,
  escapeFormula
} from "./chunks/chunk-57SFKUBH.js";
import {
  COMMENT_MAX_LENGTH,
  TAG_MAX_LENGTH,
  isAttributed
} from "./chunks/chunk-LYOAG6S5.js";
import {
  CHAT_PLATFORMS,
  CSV_COLUMNS,
  METRICA_ID_COLUMNS,
  PARTNER_COLUMNS
} from "./chunks/chunk-NWXZICF3.js";
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
