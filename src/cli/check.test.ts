import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { installedSite, js, LISTS, needsLists, SCRIPT, tag } from '../check/test-support/site.js';
import { main } from './main.js';

// `metrica-chats check` as a user runs it: the lines on stdout and the exit code.

async function check(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = { stdout: '', stderr: '' };
  const code = await main({
    argv: ['node', 'metrica-chats', 'check', ...argv],
    env: {},
    cwd: process.cwd(),
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
  });
  return { code, out: out.stdout, err: out.stderr };
}

describe('metrica-chats check (CLI)', needsLists, () => {
  test('exits 0 when every line passes, 1 with what to do when one fails', async (t) => {
    const good = await installedSite(t, { '/landing': tag(), '/js/metrica-chats.min.js': js(SCRIPT) });
    const ok = await check(good, '--filter-lists', LISTS);
    assert.equal(ok.code, 0, ok.out + ok.err);
    assert.match(ok.out, /^ok {4}Script file loads +http:\/\/127\.0\.0\.1:\d+\/js\/metrica-chats\.min\.js/m);
    assert.match(ok.out, /All checks passed\.\n$/);

    const wrong = await installedSite(
      t,
      { '/landing': tag(), '/js/metrica-chats.min.js': js(SCRIPT) },
      { allow: 'other' },
    );
    const failed = await check(wrong, '--filter-lists', LISTS);
    assert.equal(failed.code, 1);
    assert.match(failed.out, /^FAIL {2}Collector allows the page's origin .*HTTP 403/m);
    assert.match(failed.out, /→ Start the collector with --allow-origin http:\/\/127\.0\.0\.1:\d+/);

    const json = await check(wrong, '--filter-lists', LISTS, '--json');
    assert.equal(json.code, 1);
    assert.equal(JSON.parse(json.out).lines.find((l: { id: string }) => l.id === 'cors').status, 'fail');
  });

  test('usage mistakes exit 2 and say what was expected', async () => {
    const none = await check();
    assert.equal(none.code, 2);
    assert.match(none.err, /Give the URL of a page with the script/);
    const relative = await check('example.com/landing');
    assert.equal(relative.code, 2);
    assert.match(relative.err, /must be absolute, like https:\/\/example\.com\/landing; got "example\.com\/landing"/);
    const timeout = await check('https://example.com/', '--timeout', 'soon');
    assert.equal(timeout.code, 2);
    assert.match(timeout.err, /--timeout must be a number of seconds from 1 to 999, got "soon"/);
  });
});

describe('metrica-chats serve --upload-every (CLI)', () => {
  const serve = async (argv: string[], env: Record<string, string> = {}) => {
    const out = { stdout: '', stderr: '' };
    const code = await main({
      argv: ['node', 'metrica-chats', 'serve', '--db', ':memory:', '--port', '0', ...argv],
      env,
      cwd: process.cwd(),
      stdout: { write: (s: string) => (out.stdout += s) },
      stderr: { write: (s: string) => (out.stderr += s) },
    });
    return { code, err: out.stderr };
  };

  test('refuses a schedule it could not run, before starting', async () => {
    const noCounter = await serve(['--upload-every', '30m'], { YANDEX_METRICA_TOKEN: 't' });
    assert.equal(noCounter.code, 2);
    assert.match(noCounter.err, /`--counter <id>` is required/);
    const noToken = await serve(['--upload-every', '30m', '--counter', '123']);
    assert.equal(noToken.code, 2);
    assert.match(noToken.err, /YANDEX_METRICA_TOKEN is not set: --upload-every needs an OAuth token/);
    const badInterval = await serve(['--upload-every', '30s', '--counter', '123'], { YANDEX_METRICA_TOKEN: 't' });
    assert.equal(badInterval.code, 2);
    assert.match(badInterval.err, /--upload-every must be a number with a unit m, h, d or w.*got "30s"/);
    const counterAlone = await serve(['--counter', '123']);
    assert.equal(counterAlone.code, 2);
    assert.match(counterAlone.err, /go with `--upload-every <interval>`/);
  });
});
