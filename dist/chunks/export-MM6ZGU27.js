#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-II35YRL5.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-6WDKPJUK.js";
import "./chunk-F5STIJH6.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
