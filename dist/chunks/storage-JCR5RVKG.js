#!/usr/bin/env node
import {
  DRIVER_INSTALL,
  DatabasePathError,
  MissingDriverError,
  UNATTRIBUTED_REASONS,
  isPostgresUrl,
  openStorage,
  recordOf
} from "./chunk-6V2QY6NH.js";
import {
  chatKey,
  hasMetricaId,
  partnersOf
} from "./chunk-ITWH7KDP.js";
import "./chunk-5GHHCO5G.js";
export {
  DRIVER_INSTALL,
  DatabasePathError,
  MissingDriverError,
  UNATTRIBUTED_REASONS,
  chatKey,
  hasMetricaId,
  isPostgresUrl,
  openStorage,
  partnersOf,
  recordOf
};
