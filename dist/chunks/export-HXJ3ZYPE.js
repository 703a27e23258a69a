#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-6W53ADEW.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-LF3OXH6W.js";
import "./chunk-IDJ3J3X5.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
