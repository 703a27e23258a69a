#!/usr/bin/env node
import {
  parseOptions
} from "./chunk-K7LC5JDF.js";

// src/cli/io.ts
function parseCommandArgs(config) {
  return parseOptions(config);
}

export {
  parseCommandArgs
};
