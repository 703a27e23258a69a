#!/usr/bin/env node
import {
  parseOptions
} from "./chunk-F5STIJH6.js";

// src/cli/io.ts
function parseCommandArgs(config) {
  return parseOptions(config);
}

export {
  parseCommandArgs
};
