#!/usr/bin/env node
import {
  DRIVER_INSTALL,
  MissingDriverError,
  UNATTRIBUTED_REASONS,
  chatKey,
  isPostgresUrl,
  openStorage,
  partnersOf,
  recordOf
} from "./chunk-4BCEVHVY.js";
export {
  DRIVER_INSTALL,
  MissingDriverError,
  UNATTRIBUTED_REASONS,
  chatKey,
  isPostgresUrl,
  openStorage,
  partnersOf,
  recordOf
};
