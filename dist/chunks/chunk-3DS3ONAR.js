#!/usr/bin/env node
import {
  parseOptions
} from "./chunk-VRJGC2HL.js";

// src/cli/io.ts
function parseCommandArgs(config) {
  return parseOptions(config);
}

export {
  parseCommandArgs
};
