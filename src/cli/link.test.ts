import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../test-support/cli.js';

/** `link …` in a scratch folder; says whether it wrote promo.svg there. */
async function run(argv: string[], env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mc-link-'));
  try {
    const r = await runCli(['link', ...argv], { env, cwd: dir });
    return { ...r, err: r.stderr, wroteSvg: existsSync(join(dir, 'promo.svg')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('link qr', () => {
  test('writes <name>.svg and says which URL it encodes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-link-'));
    try {
      const r = await runCli(['link', 'qr', 'promo', '--base', 'https://go.example.com'], { cwd: dir });
      assert.equal(r.code, 0, r.out);
      assert.equal(r.out, 'Wrote promo.svg: the QR code of https://go.example.com/go/promo\n');
      assert.match(readFileSync(join(dir, 'promo.svg'), 'utf8'), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--out - writes the SVG to standard output', async () => {
    const r = await run(['qr', 'promo', '--base', 'https://go.example.com', '--out', '-']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^<svg [\s\S]*<\/svg>\n$/);
  });

  // [argv, env, expected message]
  const refused: Array<[string[], Record<string, string>, RegExp]> = [
    [['qr', 'promo'], {}, /--base is required/],
    [['qr', '--base', 'https://go.example.com'], {}, /needs the link name/],
    [['qr', 'Promo', '--base', 'https://go.example.com'], {}, /link name "Promo" must be 1–32 characters/],
    [['qr', 'promo', '--base', 'go.example.com'], {}, /--base must be the collector's public address/],
    [['qr', 'promo', '--base', 'ftp://go.example.com'], {}, /http\(s\) address/],
    [['qr', 'promo', '--base', 'https://go.example.com/?x=1'], {}, /no query, fragment or credentials/],
    [['show', 'promo'], {}, /unknown link command "show"; expected qr/],
    [[], {}, /say what to do: link qr <name>/],
    [
      ['qr', 'promo', '--base', 'https://go.example.com'],
      { METRICA_CHATS_LINKS: 'autumn=https://t.me/shop_bot,wa=https://wa.me/79001234567' },
      /link "promo" is not in METRICA_CHATS_LINKS \(autumn, wa\): its QR code would lead to a 404/,
    ],
    [
      ['qr', 'promo', '--base', 'https://go.example.com'],
      { METRICA_CHATS_LINKS: 'promo=https://t.me/+AbCdEf123456' },
      /METRICA_CHATS_LINKS: link promo: .* is refused: it is an invite link/,
    ],
  ];
  for (const [argv, env, message] of refused) {
    test(`refuses ${JSON.stringify(argv)}${Object.keys(env).length ? ' with METRICA_CHATS_LINKS' : ''}`, async () => {
      const r = await run(argv, env);
      assert.equal(r.code, 2, r.out);
      assert.match(r.err, message);
      assert.match(r.err, /metrica-chats link --help/);
      assert.equal(r.wroteSvg, false);
    });
  }

  test('accepts a name that METRICA_CHATS_LINKS has', async () => {
    const r = await run(['qr', 'wa', '--base', 'https://go.example.com', '--out', '-'], {
      METRICA_CHATS_LINKS: 'autumn=https://t.me/shop_bot,wa=https://wa.me/79001234567',
    });
    assert.equal(r.code, 0, r.err);
  });
});
