#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-EQVMZS3G.js";
import "./chunk-DJ2W7AGI.js";
import "./chunk-BOWEE4IV.js";
import "./chunk-5GHHCO5G.js";
import "./chunk-6EI6S4X6.js";
import "./chunk-O72GQCY6.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
