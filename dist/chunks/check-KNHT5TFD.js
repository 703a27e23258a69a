#!/usr/bin/env node
import {
  CHECK_HELP,
  check,
  filterListSource
} from "./chunk-XV2PWVVK.js";
import "./chunk-II6ICZSI.js";
import "./chunk-NGE56SZV.js";
import "./chunk-OKNSVRBM.js";
export {
  CHECK_HELP,
  check,
  filterListSource
};
