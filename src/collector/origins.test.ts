import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalizeOrigin, originMatcher } from './origins.js';

describe('origins', () => {
  test('exact origins match in normalized form only', () => {
    const ok = originMatcher(['https://example.com', 'http://localhost:3000']);
    assert.equal(ok('https://example.com'), true);
    assert.equal(ok('https://EXAMPLE.com:443'), true);
    assert.equal(ok('http://example.com'), false);
    assert.equal(ok('https://example.com.evil.net'), false);
    assert.equal(ok('http://localhost:3000'), true);
    assert.equal(ok('http://localhost:3001'), false);
    assert.equal(ok('null'), false);
    assert.equal(ok('not a url'), false);
  });

  test('a *. wildcard allows subdomains, not the bare domain or look-alike hosts', () => {
    const ok = originMatcher(['https://*.example.com']);
    assert.equal(ok('https://shop.example.com'), true);
    assert.equal(ok('https://a.b.example.com'), true);
    assert.equal(ok('https://example.com'), false);
    assert.equal(ok('https://evilexample.com'), false);
    assert.equal(ok('http://shop.example.com'), false);
  });

  test('a configured origin with a path or another scheme is refused by name', () => {
    assert.throws(() => normalizeOrigin('https://example.com/landing'), /https:\/\/example.com\/landing/);
    assert.throws(() => normalizeOrigin('ftp://example.com'), /ftp:\/\/example.com/);
    assert.throws(() => normalizeOrigin('example.com'), /"example.com" is not an origin/);
  });

  test('a wildcard over a whole top-level domain is refused as too broad', () => {
    for (const broad of ['https://*.com', 'https://*.ru', 'http://*.localhost']) {
      assert.throws(() => normalizeOrigin(broad), /too broad: a wildcard must cover one domain's subdomains/, broad);
    }
    assert.equal(normalizeOrigin('https://*.example.com'), 'https://*.example.com');
  });
});
