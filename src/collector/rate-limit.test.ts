import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clientKey, RateLimiter } from './rate-limit.js';

describe('rate limiter', () => {
  test('allows a burst, then asks to wait, then refills', () => {
    let t = 0;
    const rl = new RateLimiter({ perMinute: 60, burst: 3 }, () => t);
    assert.deepEqual([rl.take('a'), rl.take('a'), rl.take('a')], [0, 0, 0]);
    assert.equal(rl.take('a'), 1);
    assert.equal(rl.take('b'), 0, 'another client has its own bucket');
    t += 1000;
    assert.equal(rl.take('a'), 0);
    assert.equal(rl.take('a'), 1);
  });

  test('counts an IPv6 client by its /64 and an IPv4 client by its address', () => {
    const cases: [string, string][] = [
      ['203.0.113.7', '203.0.113.7'],
      ['::ffff:203.0.113.7', '203.0.113.7'],
      ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
      ['2001:0DB8:0001:0002::1', '2001:db8:1:2::/64'],
      ['2001:db8::1', '2001:db8:0:0::/64'],
      ['::1', '0:0:0:0::/64'],
      ['fe80::1%eth0', 'fe80:0:0:0::/64'],
      ['unknown', 'unknown'],
      // Every spelling of an IPv4-mapped address is the IPv4 client.
      ['0:0:0:0:0:ffff:1.2.3.4', '1.2.3.4'],
      ['::ffff:1.2.3.4%eth0', '1.2.3.4'],
      ['::FFFF:0102:0304', '1.2.3.4'],
      // Embedded IPv4 counts as two groups, as it is.
      ['1:2::4:5:6:1.2.3.4', '1:2:0:4::/64'],
      ['1:2:0:4:5:6:102:304', '1:2:0:4::/64'],
      // Ports and brackets, as proxies write them, do not make new clients.
      ['1.2.3.4:5678', '1.2.3.4'],
      ['[2001:db8::1]:443', '2001:db8:0:0::/64'],
      ['[2001:db8::1]', '2001:db8:0:0::/64'],
      ['1::2::3', '1::2::3'],
    ];
    for (const [address, key] of cases) assert.equal(clientKey(address), key, address);
    // Rotating through addresses of one /64 does not buy more requests.
    const rl = new RateLimiter({ perMinute: 60, burst: 2 }, () => 0);
    const take = (a: string): number => rl.take(clientKey(a));
    assert.deepEqual([take('2001:db8:1:2::1'), take('2001:db8:1:2::2'), take('2001:db8:1:2::3')], [0, 0, 1]);
    assert.equal(take('2001:db8:1:3::1'), 0, 'the next /64 is another client');
  });

  test('stays bounded under many distinct clients', () => {
    const rl = new RateLimiter({ perMinute: 60, burst: 2, maxClients: 100 }, () => 0);
    for (let i = 0; i < 1000; i++) rl.take(`c${i}`);
    assert.ok((rl as unknown as { buckets: Map<string, unknown> }).buckets.size <= 100);
  });
});
