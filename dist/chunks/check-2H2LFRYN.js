#!/usr/bin/env node
import {
  CHECK_HELP,
  check,
  filterListSource
} from "./chunk-TCA5OEYH.js";
import "./chunk-DF2M2KCU.js";
import "./chunk-2QJBWAC6.js";
import "./chunk-V6T6VXTH.js";
export {
  CHECK_HELP,
  check,
  filterListSource
};
