#!/usr/bin/env node
import {
  CHECK_HELP,
  check,
  filterListSource
} from "./chunk-4MJQHIS7.js";
import "./chunk-VVY3BQNY.js";
import "./chunk-NGE56SZV.js";
import "./chunk-OKNSVRBM.js";
export {
  CHECK_HELP,
  check,
  filterListSource
};
