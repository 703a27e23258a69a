#!/usr/bin/env node
import {
  DEFAULT_API_URL,
  createMetricaClient
} from "./chunk-SLN3KFK4.js";
import {
  UsageError
} from "./chunk-VRJGC2HL.js";

// src/cli/metrica-options.ts
function counterOption(value) {
  if (value === void 0) throw new UsageError("`--counter <id>` is required: the Metrica counter (tag) ID.");
  if (!/^\d{1,10}$/.test(value)) {
    throw new UsageError(`\`--counter\` must be the counter's digits, e.g. 2215573; got ${JSON.stringify(value)}.`);
  }
  return value;
}
function apiUrlOption(value, env) {
  const apiUrl = value ?? env.METRICA_API_URL ?? DEFAULT_API_URL;
  if (!/^https?:\/\/[^/]/.test(apiUrl)) {
    throw new UsageError(`The API URL must start with http:// or https://; got ${JSON.stringify(apiUrl)}.`);
  }
  return apiUrl;
}
var tokenFromEnv = (env) => env.YANDEX_METRICA_TOKEN?.trim() ?? "";
function metricaClient(options) {
  try {
    return createMetricaClient(options);
  } catch (error) {
    if (error instanceof TypeError && error.message.includes("`token`"))
      throw new UsageError(`YANDEX_METRICA_TOKEN: ${error.message}`);
    throw error;
  }
}

export {
  counterOption,
  apiUrlOption,
  tokenFromEnv,
  metricaClient
};
