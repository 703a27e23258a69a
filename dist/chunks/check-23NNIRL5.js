#!/usr/bin/env node
import {
  CHECK_HELP,
  check,
  filterListSource
} from "./chunk-BW66OFAE.js";
import "./chunk-VVY3BQNY.js";
import "./chunk-TLNEDWF6.js";
import "./chunk-F7JTZJAC.js";
export {
  CHECK_HELP,
  check,
  filterListSource
};
