#!/usr/bin/env node
import {
  CHECK_HELP,
  check,
  filterListSource
} from "./chunk-2SJW5AP2.js";
import "./chunk-DF2M2KCU.js";
import "./chunk-VBFCMOBH.js";
import "./chunk-VC4P62SJ.js";
export {
  CHECK_HELP,
  check,
  filterListSource
};
