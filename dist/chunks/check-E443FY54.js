#!/usr/bin/env node
import {
  CHECK_HELP,
  check,
  filterListSource
} from "./chunk-6BJT2GWA.js";
import "./chunk-DF2M2KCU.js";
import "./chunk-NGE56SZV.js";
import "./chunk-OKNSVRBM.js";
export {
  CHECK_HELP,
  check,
  filterListSource
};
