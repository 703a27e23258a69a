#!/usr/bin/env node
import {
  parseOptions
} from "./chunk-OWSAQ5ZQ.js";

// src/cli/io.ts
function parseCommandArgs(config) {
  return parseOptions(config);
}

export {
  parseCommandArgs
};
