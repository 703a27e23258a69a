/**
 * The bridge link's address and its QR code, for desktops (scan with the phone), print and
 * packaging. uqr encodes; this module only says what to encode and how it should look.
 */
import { renderSVG } from 'uqr';
import { LINK_NAME } from './links.js';

/**
 * `<base>/go/<name>`: the address of a bridge link on the collector. `base` is where the
 * collector is reached from outside, with its path prefix if it has one.
 * @example
 * bridgeUrl('https://go.example.com', 'promo') // 'https://go.example.com/go/promo'
 */
export function bridgeUrl(base: string, name: string): string {
  if (!LINK_NAME.test(name)) {
    throw new Error(`link name ${JSON.stringify(name)} must be 1–32 characters of lower-case a-z, 0-9 and -`);
  }
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error(
      `--base must be the collector's public address, e.g. https://go.example.com, got ${JSON.stringify(base)}`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`--base must be an http(s) address, got the scheme ${JSON.stringify(url.protocol)}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(
      `--base must be a plain address with no query, fragment or credentials, got ${JSON.stringify(base)}`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}/go/${name}`;
}

/**
 * An SVG QR code of the text. Error correction M (15% of the code may be lost to dirt, a fold or a
 * logo) and the quiet zone of four modules that the QR standard asks for around the code.
 */
export const qrSvg = (text: string): string => `${renderSVG(text, { ecc: 'M', border: 4, pixelSize: 10 })}\n`;
