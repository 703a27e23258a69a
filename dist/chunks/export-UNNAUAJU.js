#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-GDSUI3JZ.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-LC2YTHCD.js";
import "./chunk-4BK2D3LN.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
