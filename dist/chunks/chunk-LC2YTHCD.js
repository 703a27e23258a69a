#!/usr/bin/env node
import {
  parseOptions
} from "./chunk-4BK2D3LN.js";

// src/cli/io.ts
function parseCommandArgs(config) {
  return parseOptions(config);
}

export {
  parseCommandArgs
};
