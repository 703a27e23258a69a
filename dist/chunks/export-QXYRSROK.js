#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-RAKNW4C3.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-XTTVBZ7N.js";
import "./chunk-ZWFHKV2H.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
