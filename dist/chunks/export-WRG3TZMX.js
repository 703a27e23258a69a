#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-WGM6AQ76.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-SGOEFQCX.js";
import "./chunk-SJYROADG.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
