#!/usr/bin/env node
import {
  parseOptions
} from "./chunk-YBJ3VO57.js";

// src/cli/io.ts
function parseCommandArgs(config) {
  return parseOptions(config);
}

export {
  parseCommandArgs
};
