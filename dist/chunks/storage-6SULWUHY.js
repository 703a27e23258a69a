#!/usr/bin/env node
import {
  DRIVER_INSTALL,
  DatabasePathError,
  MissingDriverError,
  UNATTRIBUTED_REASONS,
  chatKey,
  compactPhone,
  hasMetricaId,
  isPostgresUrl,
  openStorage,
  partnersOf,
  recordOf
} from "./chunk-WMKDJHBN.js";
export {
  DRIVER_INSTALL,
  DatabasePathError,
  MissingDriverError,
  UNATTRIBUTED_REASONS,
  chatKey,
  compactPhone,
  hasMetricaId,
  isPostgresUrl,
  openStorage,
  partnersOf,
  recordOf
};
