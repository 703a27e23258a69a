#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-S6BYERKR.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-QKBDAJJ5.js";
import "./chunk-D7QIWHSQ.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
