#!/usr/bin/env node

// src/cli/duration.ts
function parseDuration(value, name = "duration") {
  const m = /^\s*(\d{1,6})\s*([mhdw])\s*$/i.exec(value);
  if (!m) throw new Error(`${name} must be a number with a unit m, h, d or w (e.g. 90d), got ${JSON.stringify(value)}`);
  const n = Number(m[1]);
  const unit = { m: 6e4, h: 36e5, d: 864e5, w: 6048e5 }[m[2].toLowerCase()];
  if (n === 0) throw new Error(`${name} must be more than zero, got ${JSON.stringify(value)}`);
  return n * unit;
}

export {
  parseDuration
};
