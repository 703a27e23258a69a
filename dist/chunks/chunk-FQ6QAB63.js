#!/usr/bin/env node
import {
  parseOptions
} from "./chunk-A7AYMY34.js";

// src/cli/io.ts
function parseCommandArgs(config) {
  return parseOptions(config);
}

export {
  parseCommandArgs
};
