#!/usr/bin/env node
import {
  CHECK_HELP,
  check,
  filterListSource
} from "./chunk-6D3XFF6G.js";
import "./chunk-II6ICZSI.js";
import "./chunk-FQ6QAB63.js";
import "./chunk-A7AYMY34.js";
export {
  CHECK_HELP,
  check,
  filterListSource
};
