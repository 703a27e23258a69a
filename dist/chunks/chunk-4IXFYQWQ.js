#!/usr/bin/env node
import {
  parseOptions
} from "./chunk-SXDJP2AG.js";

// src/cli/io.ts
function parseCommandArgs(config) {
  return parseOptions(config);
}

export {
  parseCommandArgs
};
