import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matchRoute, ROUTES } from './routes.js';

// The route table and its matcher. What each route answers is tested over HTTP in api.test.ts
// and bad-input.test.ts; here, which entry a path reaches.

describe('the route table', () => {
  test('matches exact paths and `:name` segments, raw', () => {
    assert.equal(matchRoute(ROUTES, '/v1/chats')?.route.path, '/v1/chats');
    const hook = matchRoute(ROUTES, '/v1/webhooks/telegram/s%2Fe-cret');
    assert.equal(hook?.route.path, '/v1/webhooks/telegram/:secret');
    assert.deepEqual(hook?.params, { secret: 's%2Fe-cret' });
  });

  test('a `:name` segment is never empty, and paths match whole', () => {
    for (const path of [
      '/v1/webhooks/telegram/',
      '/v1/webhooks/telegram/a/b',
      '/v1/chats/',
      '/v1',
      '/',
      '/healthz/x',
    ]) {
      assert.equal(matchRoute(ROUTES, path), null, path);
    }
    assert.equal(matchRoute(ROUTES, '/v1/webhooks/icq/secret'), null, 'a platform without a route');
  });

  test('each entry is reachable and declares what the dispatcher needs', () => {
    for (const route of ROUTES) {
      assert.equal(matchRoute(ROUTES, route.path.replace(/:[a-z]+/g, 'x'))?.route, route, route.path);
      assert.ok(route.methods.length > 0, route.path);
      if (route.auth === 'path-secret') assert.match(route.path, /\/:secret$/, route.path);
    }
  });
});
