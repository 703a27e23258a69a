#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-KADKXLZM.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-UP3RHJRF.js";
import "./chunk-Z6P52EM5.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
