#!/usr/bin/env node
import {
  CHECK_HELP,
  check,
  filterListSource
} from "./chunk-QPZICI7D.js";
import "./chunk-DF2M2KCU.js";
import "./chunk-TLNEDWF6.js";
import "./chunk-F7JTZJAC.js";
export {
  CHECK_HELP,
  check,
  filterListSource
};
