#!/usr/bin/env node
import {
  CHECK_HELP,
  check,
  filterListSource
} from "./chunk-J4LNIZZI.js";
import "./chunk-DF2M2KCU.js";
import "./chunk-THAAWAOL.js";
export {
  CHECK_HELP,
  check,
  filterListSource
};
