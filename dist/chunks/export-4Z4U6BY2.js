#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-2F6IWMCQ.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-6XQJZ6PI.js";
import "./chunk-7T6EUAPJ.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
