#!/usr/bin/env node
import {
  parseOptions
} from "./chunk-ZWFHKV2H.js";

// src/cli/io.ts
function parseCommandArgs(config) {
  return parseOptions(config);
}

export {
  parseCommandArgs
};
