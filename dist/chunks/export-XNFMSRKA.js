#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-VXHT2W7U.js";
import "./chunk-ITDBOQ6X.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-UYULAQMB.js";
import "./chunk-5GHHCO5G.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
