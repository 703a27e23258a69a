#!/usr/bin/env node
import {
  parseOptions
} from "./chunk-7T6EUAPJ.js";

// src/cli/io.ts
function parseCommandArgs(config) {
  return parseOptions(config);
}

export {
  parseCommandArgs
};
