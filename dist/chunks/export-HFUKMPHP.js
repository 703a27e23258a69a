#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-7SLWKCMF.js";
import "./chunk-ANT3R34J.js";
import "./chunk-SOTFQ2JD.js";
import "./chunk-6VG6H7X3.js";
import "./chunk-THAAWAOL.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
