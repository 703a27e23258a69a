import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FiltersEngine, Request } from '@ghostery/adblocker';

// EasyList, EasyPrivacy and uBlock Origin's lists, kept beside the repository.
const LISTS = fileURLToPath(new URL('../../../shared/data/filter-lists/', import.meta.url));

describe('content blockers', { skip: existsSync(LISTS) ? false : `no filter lists at ${LISTS}` }, () => {
  const text = readdirSync(LISTS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(LISTS, f), 'utf8'))
    .join('\n');
  const engine = FiltersEngine.parse(text);
  const blocked = (url: string, type: 'script' | 'ping' | 'xmlhttprequest'): boolean =>
    engine.match(Request.fromRawDetails({ type, url, sourceUrl: 'https://shop.example.com/landing' })).match;

  it('block Metrica itself (so this test can fail)', () => {
    assert.equal(blocked('https://mc.yandex.ru/metrika/tag.js', 'script'), true);
  });
  it('let the default script name through, same-site and from a CDN', () => {
    assert.equal(blocked('https://shop.example.com/js/metrica-chats.min.js', 'script'), false);
    assert.equal(blocked('https://cdn.example.net/npm/metrica-chats/dist/metrica-chats.min.js', 'script'), false);
  });
  it('let the default collector path through', () => {
    for (const type of ['ping', 'xmlhttprequest'] as const) {
      assert.equal(blocked('https://shop.example.com/v1/pairings', type), false);
      assert.equal(blocked('https://collect.example.com/v1/pairings', type), false);
    }
  });
});
