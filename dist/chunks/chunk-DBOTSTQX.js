#!/usr/bin/env node

// src/cli/io.ts
var EXIT = { ok: 0, failed: 1, usage: 2, api: 3 };
var UsageError = class extends Error {
  name = "UsageError";
};

export {
  EXIT,
  UsageError
};
