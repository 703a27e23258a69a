import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageAddress } from './page-address.js';

describe('pageAddress', () => {
  const url = 'https://shop.example/catalog?email=jane%40mail.example&utm_source=direct&gclid=abc&utm_source=x#top';

  it('drops only the fragment when no parameters are chosen', () => {
    assert.equal(
      pageAddress(url),
      'https://shop.example/catalog?email=jane%40mail.example&utm_source=direct&gclid=abc&utm_source=x',
    );
  });
  it('keeps the chosen parameters, every time they appear, in their order and spelling', () => {
    assert.equal(pageAddress(url, ['utm_source']), 'https://shop.example/catalog?utm_source=direct&utm_source=x');
    assert.equal(
      pageAddress(url, ['gclid', 'utm_source']),
      'https://shop.example/catalog?utm_source=direct&gclid=abc&utm_source=x',
    );
  });
  it('drops the whole query, `?` included, when none of it is kept', () => {
    assert.equal(pageAddress(url, []), 'https://shop.example/catalog');
    assert.equal(pageAddress(url, ['yclid']), 'https://shop.example/catalog');
    assert.equal(pageAddress('https://shop.example/?', ['a']), 'https://shop.example/');
  });
  it('keeps a bare parameter, and a `?` inside a kept value', () => {
    assert.equal(
      pageAddress('https://s.example/?preview&q=a?b&x=1', ['preview', 'q']),
      'https://s.example/?preview&q=a?b',
    );
  });
  it('compares names as written in the URL, case included', () => {
    assert.equal(
      pageAddress('https://s.example/?UTM_SOURCE=a&utm%5Fsource=b&utm_source=c', ['utm_source']),
      'https://s.example/?utm_source=c',
    );
  });
  it('leaves an address without a query, and an empty referrer, as they are', () => {
    assert.equal(pageAddress('https://s.example/a/b#c', ['x']), 'https://s.example/a/b');
    assert.equal(pageAddress('', ['x']), '');
  });
});
