#!/usr/bin/env node

// src/cli/io.ts
import { parseArgs } from "node:util";
var EXIT = { ok: 0, failed: 1, usage: 2, api: 3 };
var UsageError = class extends Error {
  name = "UsageError";
};
function parseCommandArgs(config) {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(error.message);
  }
}

export {
  EXIT,
  UsageError,
  parseCommandArgs
};
