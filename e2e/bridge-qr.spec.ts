import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import jsqr from 'jsqr';
import { runCli } from '../src/test-support/cli.js';

// jsqr is CommonJS: its module object is the function, and `.default` the same function, which is
// what its type declarations describe.
const jsQR = jsqr.default;

// `link qr` writes an SVG; Chromium renders that file as a browser would show it on a page or send
// it to a printer, and jsQR, a QR decoder that shares no code with the encoder, reads it back.

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'metrica-chats-qr-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const linkQr = (...argv: string[]) => runCli(['link', 'qr', ...argv], { cwd: dir });

/** Renders the SVG at `size` pixels square in Chromium and decodes the pixels with jsQR. */
async function decode(page: Page, svg: string, size: number): Promise<string | undefined> {
  const rgba = await page.evaluate(
    async ({ svg, size }) => {
      const img = new Image();
      img.src = `data:image/svg+xml;base64,${btoa(svg)}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      ctx.drawImage(img, 0, 0, size, size);
      // Base64 crosses to Node far faster than an array of millions of numbers.
      const bytes = ctx.getImageData(0, 0, size, size).data;
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    { svg, size },
  );
  return jsQR(new Uint8ClampedArray(Buffer.from(rgba, 'base64')), size, size)?.data;
}

test('the QR code of a bridge link decodes back to its URL', async ({ page }) => {
  const { code, out } = await linkQr('promo', '--base', 'https://go.example.com', '--out', 'promo.svg');
  expect(code, out).toBe(0);
  expect(out).toContain('https://go.example.com/go/promo');
  const svg = readFileSync(join(dir, 'promo.svg'), 'utf8');
  expect(svg).toMatch(/^<svg /);
  // Small (a desktop page) and large (print).
  expect(await decode(page, svg, 240)).toBe('https://go.example.com/go/promo');
  expect(await decode(page, svg, 1200)).toBe('https://go.example.com/go/promo');
});

test('the QR code keeps the collector’s path prefix and writes to the default file', async ({ page }) => {
  const { code, out } = await linkQr('autumn-2026', '--base', 'https://example.com/px/');
  expect(code, out).toBe(0);
  const svg = readFileSync(join(dir, 'autumn-2026.svg'), 'utf8');
  expect(await decode(page, svg, 400)).toBe('https://example.com/px/go/autumn-2026');
});
