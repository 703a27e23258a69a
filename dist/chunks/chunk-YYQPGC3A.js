#!/usr/bin/env node
import {
  parseOptions
} from "./chunk-6GFKWJ7H.js";

// src/cli/io.ts
function parseCommandArgs(config) {
  return parseOptions(config);
}

export {
  parseCommandArgs
};
