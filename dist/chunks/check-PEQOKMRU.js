#!/usr/bin/env node
import {
  CHECK_HELP,
  check,
  filterListSource
} from "./chunk-72ZI66LF.js";
import "./chunk-DF2M2KCU.js";
import "./chunk-BBTZH3S5.js";
import "./chunk-YYAGHXKK.js";
export {
  CHECK_HELP,
  check,
  filterListSource
};
