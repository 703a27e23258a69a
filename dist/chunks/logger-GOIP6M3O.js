#!/usr/bin/env node
import {
  jsonLogger,
  mask,
  onceLogger,
  silentLogger
} from "./chunk-SULML3OP.js";
export {
  jsonLogger,
  mask,
  onceLogger,
  silentLogger
};
