#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-OIF32UXA.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-TLNEDWF6.js";
import "./chunk-F7JTZJAC.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
