#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-VRG2H6OG.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-JCANK4K7.js";
import "./chunk-EM63V27W.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
