import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { transform } from 'esbuild';

const html = readFileSync(new URL('./gtm.html', import.meta.url), 'utf8');
const code = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';

describe('GTM loader', () => {
  it('holds one inline script', () => {
    assert.ok(code.includes('MetricaChatsConfig'), 'sets the config');
    assert.ok(code.includes('metrica-chats.min.js'), 'loads the page script');
    assert.ok(code.includes('async = true'), 'loads it asynchronously');
  });
  it('is ES5 (GTM rejects newer syntax in Custom HTML)', async () => {
    await transform(code, { target: 'es5', loader: 'js' }); // throws on anything it cannot lower to ES5
    for (const banned of [/\blet\b/, /\bconst\b/, /=>/, /`/, /\bclass\b/, /\.\.\./]) {
      assert.doesNotMatch(code, banned);
    }
  });
  it('the ES5 check can fail', async () => {
    await assert.rejects(transform('let x = () => `a`; class A { #p = 1 }', { target: 'es5', loader: 'js' }));
  });
});
