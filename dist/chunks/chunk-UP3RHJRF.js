#!/usr/bin/env node
import {
  parseOptions
} from "./chunk-Z6P52EM5.js";

// src/cli/io.ts
function parseCommandArgs(config) {
  return parseOptions(config);
}

export {
  parseCommandArgs
};
