#!/usr/bin/env node
import {
  CHECK_HELP,
  check,
  filterListSource
} from "./chunk-JKIGCABM.js";
import "./chunk-II6ICZSI.js";
import "./chunk-3DS3ONAR.js";
import "./chunk-VRJGC2HL.js";
export {
  CHECK_HELP,
  check,
  filterListSource
};
