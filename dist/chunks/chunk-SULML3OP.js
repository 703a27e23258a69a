#!/usr/bin/env node

// src/collector/logger.ts
function mask(value, secrets = []) {
  let out = value;
  for (const s of secrets) if (s) out = out.split(s).join("***");
  return out.replace(/(Bearer\s+)\S+/gi, "$1***").replace(/\+?\d[\d\s().-]{5,}\d/g, (m) => {
    const digits = m.replace(/\D/g, "");
    return digits.length >= 7 ? `***${digits.slice(-2)}` : m;
  });
}
function jsonLogger(write = (l) => process.stdout.write(l), secrets = []) {
  const log = (level, msg, fields = {}) => {
    const entry = { time: (/* @__PURE__ */ new Date()).toISOString(), level, msg: mask(msg, secrets) };
    for (const [k, v] of Object.entries(fields)) entry[k] = typeof v === "string" ? mask(v, secrets) : v;
    write(`${JSON.stringify(entry)}
`);
  };
  return {
    info: (m, f) => log("info", m, f),
    warn: (m, f) => log("warn", m, f),
    error: (m, f) => log("error", m, f)
  };
}
var silentLogger = { info() {
}, warn() {
}, error() {
} };
var ONCE_KEYS = 1e3;
function onceLogger(log) {
  const seen = /* @__PURE__ */ new Set();
  return (key, msg, fields) => {
    if (seen.has(key) || seen.size >= ONCE_KEYS) return;
    seen.add(key);
    log.warn(msg, fields);
  };
}

export {
  mask,
  jsonLogger,
  silentLogger,
  onceLogger
};
