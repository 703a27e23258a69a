#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-OZV52I2M.js";
import "./chunk-ANT3R34J.js";
import "./chunk-NIRXASDY.js";
import "./chunk-6VG6H7X3.js";
import "./chunk-THAAWAOL.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
