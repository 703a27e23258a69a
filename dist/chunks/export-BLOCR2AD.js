#!/usr/bin/env node
import {
  EXPORT_HELP,
  exportCommand,
  parseSince
} from "./chunk-FNBWLODJ.js";
import "./chunk-4YF64QMB.js";
import "./chunk-UARLW5ZB.js";
import "./chunk-57SFKUBH.js";
import "./chunk-NWXZICF3.js";
import "./chunk-THAAWAOL.js";
export {
  EXPORT_HELP,
  exportCommand,
  parseSince
};
