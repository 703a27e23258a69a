#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-4BZIQ54V.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-FQ6QAB63.js";
import "./chunk-A7AYMY34.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
