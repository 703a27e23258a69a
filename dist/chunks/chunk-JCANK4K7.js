#!/usr/bin/env node
import {
  parseOptions
} from "./chunk-EM63V27W.js";

// src/cli/io.ts
function parseCommandArgs(config) {
  return parseOptions(config);
}

export {
  parseCommandArgs
};
