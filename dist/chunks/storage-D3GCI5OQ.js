#!/usr/bin/env node
import {
  DRIVER_INSTALL,
  MissingDriverError,
  UNATTRIBUTED_REASONS,
  isPostgresUrl,
  openStorage,
  recordOf
} from "./chunk-RK7I5AU7.js";
import {
  chatKey,
  hasMetricaId,
  partnersOf
} from "./chunk-LYOAG6S5.js";
import "./chunk-NWXZICF3.js";
export {
  DRIVER_INSTALL,
  MissingDriverError,
  UNATTRIBUTED_REASONS,
  chatKey,
  hasMetricaId,
  isPostgresUrl,
  openStorage,
  partnersOf,
  recordOf
};
