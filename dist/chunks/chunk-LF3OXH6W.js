#!/usr/bin/env node
import {
  parseOptions
} from "./chunk-IDJ3J3X5.js";

// src/cli/io.ts
function parseCommandArgs(config) {
  return parseOptions(config);
}

export {
  parseCommandArgs
};
