import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LINK_NAME, LinkConfigError, linkTable, parseLinkSpec, splitLinkList } from '../bridge/links.js';
import { bridgeUrl, qrSvg } from '../bridge/qr.js';
import { type CliIO, type Command, EXIT, parseCommandArgs, UsageError } from './io.js';

export const LINK_HELP = `Usage: metrica-chats link qr <name> --base <url> [--out <file>]

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

/** `link qr`: the QR code of a bridge link. */
export const link: Command = async (args: string[], io: CliIO): Promise<number> => {
  const { values, positionals } = parseCommandArgs({
    args,
    options: {
      base: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout.write(LINK_HELP);
    return EXIT.ok;
  }
  const [action, name, ...extra] = positionals;
  if (action !== 'qr') {
    throw new UsageError(
      action === undefined
        ? 'say what to do: link qr <name>'
        : `unknown link command ${JSON.stringify(action)}; expected qr`,
    );
  }
  if (name === undefined)
    throw new UsageError('link qr needs the link name, e.g. link qr promo --base https://go.example.com');
  if (extra.length > 0) throw new UsageError(`link qr takes one name, got also ${JSON.stringify(extra.join(' '))}`);
  if (!LINK_NAME.test(name)) {
    throw new UsageError(`link name ${JSON.stringify(name)} must be 1–32 characters of lower-case a-z, 0-9 and -`);
  }
  if (values.base === undefined)
    throw new UsageError('--base is required: the collector’s public address, e.g. https://go.example.com');
  const configured = io.env.METRICA_CHATS_LINKS;
  if (configured?.trim()) {
    let names: string[];
    try {
      names = [...linkTable(splitLinkList(configured).map(parseLinkSpec)).keys()];
    } catch (error) {
      if (error instanceof LinkConfigError) throw new UsageError(`METRICA_CHATS_LINKS: ${error.message}`);
      throw error;
    }
    if (!names.includes(name)) {
      throw new UsageError(
        `link ${JSON.stringify(name)} is not in METRICA_CHATS_LINKS (${names.join(', ')}): its QR code would lead to a 404`,
      );
    }
  }
  let url: string;
  try {
    url = bridgeUrl(values.base, name);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const svg = qrSvg(url);
  const out = values.out ?? `${name}.svg`;
  if (out === '-') {
    io.stdout.write(svg);
    return EXIT.ok;
  }
  const path = resolve(io.cwd, out);
  writeFileSync(path, svg);
  io.stdout.write(`Wrote ${out}: the QR code of ${url}\n`);
  return EXIT.ok;
};
