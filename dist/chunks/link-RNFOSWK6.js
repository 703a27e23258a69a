#!/usr/bin/env node
import {
  LINK_NAME,
  LinkConfigError,
  linkTable,
  parseLinkSpec,
  splitLinkList
} from "./chunk-TDIG5AFX.js";
import {
  parseCommandArgs
} from "./chunk-3DS3ONAR.js";
import {
  EXIT,
  UsageError
} from "./chunk-VRJGC2HL.js";

// src/cli/link.ts
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";

// src/bridge/qr.ts
import { renderSVG } from "uqr";
function bridgeUrl(base, name) {
  if (!LINK_NAME.test(name)) {
    throw new Error(`link name ${JSON.stringify(name)} must be 1\u201332 characters of lower-case a-z, 0-9 and -`);
  }
  let url;
  try {
    url = new URL(base);
  } catch {
    throw new Error(
      `--base must be the collector's public address, e.g. https://go.example.com, got ${JSON.stringify(base)}`
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`--base must be an http(s) address, got the scheme ${JSON.stringify(url.protocol)}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(
      `--base must be a plain address with no query, fragment or credentials, got ${JSON.stringify(base)}`
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}/go/${name}`;
}
var qrSvg = (text) => `${renderSVG(text, { ecc: "M", border: 4, pixelSize: 10 })}
`;

// src/cli/link.ts
var LINK_HELP = `Usage: metrica-chats link qr <name> --base <url> [--out <file>]

Bridge links (serve --link NAME=URL) send a visitor from an ad, a QR code or an e-mail straight to
a messenger, through the collector's /go/<name>, which pairs a fresh chat ID with the ad click first.

Commands:
  qr <name>          Write an SVG QR code of <base>/go/<name>, for print, packaging and desktops

Options:
  --base <url>       The collector's public address, with its path prefix if it has one,
                     e.g. https://go.example.com (required)
  --out <file>       Where to write the SVG (default <name>.svg; - for standard output)
  -h, --help         Show this help

When METRICA_CHATS_LINKS is set, a name that is not in it is refused: its QR code would lead to a 404.
`;
var link = async (args, io) => {
  const { values, positionals } = parseCommandArgs({
    args,
    options: {
      base: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" }
    },
    strict: true,
    allowPositionals: true
  });
  if (values.help) {
    io.stdout.write(LINK_HELP);
    return EXIT.ok;
  }
  const [action, name, ...extra] = positionals;
  if (action !== "qr") {
    throw new UsageError(
      action === void 0 ? "say what to do: link qr <name>" : `unknown link command ${JSON.stringify(action)}; expected qr`
    );
  }
  if (name === void 0)
    throw new UsageError("link qr needs the link name, e.g. link qr promo --base https://go.example.com");
  if (extra.length > 0) throw new UsageError(`link qr takes one name, got also ${JSON.stringify(extra.join(" "))}`);
  if (!LINK_NAME.test(name)) {
    throw new UsageError(`link name ${JSON.stringify(name)} must be 1\u201332 characters of lower-case a-z, 0-9 and -`);
  }
  if (values.base === void 0)
    throw new UsageError("--base is required: the collector\u2019s public address, e.g. https://go.example.com");
  const configured = io.env.METRICA_CHATS_LINKS;
  if (configured?.trim()) {
    let names;
    try {
      names = [...linkTable(splitLinkList(configured).map(parseLinkSpec)).keys()];
    } catch (error) {
      if (error instanceof LinkConfigError) throw new UsageError(`METRICA_CHATS_LINKS: ${error.message}`);
      throw error;
    }
    if (!names.includes(name)) {
      throw new UsageError(
        `link ${JSON.stringify(name)} is not in METRICA_CHATS_LINKS (${names.join(", ")}): its QR code would lead to a 404`
      );
    }
  }
  let url;
  try {
    url = bridgeUrl(values.base, name);
  } catch (error) {
    throw new UsageError(error.message);
  }
  const svg = qrSvg(url);
  const out = values.out ?? `${name}.svg`;
  if (out === "-") {
    io.stdout.write(svg);
    return EXIT.ok;
  }
  const path = resolve(io.cwd, out);
  writeFileSync(path, svg);
  io.stdout.write(`Wrote ${out}: the QR code of ${url}
`);
  return EXIT.ok;
};
export {
  LINK_HELP,
  link
};
