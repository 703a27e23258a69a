#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-E5A66FLP.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-2QJBWAC6.js";
import "./chunk-V6T6VXTH.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
