#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-SYOGWKWZ.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-VWSHXKRO.js";
import "./chunk-T3TQKIJC.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
