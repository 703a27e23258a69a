/**
 * `<base>/go/<name>`: the address of a bridge link on the collector. `base` is where the
 * collector is reached from outside, with its path prefix if it has one.
 * @example
 * bridgeUrl('https://go.example.com', 'promo') // 'https://go.example.com/go/promo'
 */
export declare function bridgeUrl(base: string, name: string): string;
/**
 * An SVG QR code of the text. Error correction M (15% of the code may be lost to dirt, a fold or a
 * logo) and the quiet zone of four modules that the QR standard asks for around the code.
 */
export declare const qrSvg: (text: string) => string;
