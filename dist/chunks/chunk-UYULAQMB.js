#!/usr/bin/env node

// src/cli/io.ts
import { parseArgs } from "node:util";
var EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  api: 3,
  /** Uploaded, but some rows of the database were held back: they break a CHATS rule. */
  heldBack: 4,
  /** Uploaded, but Metrica accepted fewer rows than were sent (`line_quantity`). */
  notAccepted: 5
};
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
