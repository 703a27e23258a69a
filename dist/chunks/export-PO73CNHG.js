#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-62KASDJY.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-3UPGIWT3.js";
import "./chunk-AXMFGZU6.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
