#!/usr/bin/env node
import {
  parseOptions
} from "./chunk-3WZKUSMG.js";

// src/cli/io.ts
function parseCommandArgs(config) {
  return parseOptions(config);
}

export {
  parseCommandArgs
};
