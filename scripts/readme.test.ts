import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { EXIT_MEANINGS } from '../src/cli/toolkit.js';
import { createCollector } from '../src/collector/index.js';
import { parsePairing } from '../src/collector/validate.js';
import { runCli } from '../src/test-support/cli.js';

// The README must stay true: its size figure, its commands and its curl examples are checked here
// against the real package. (The page-script snippets run in the browser tests.)

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The fenced code blocks of a language, in order. */
function blocks(lang: string): string[] {
  return [...readme.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1] as string);
}

const cli = (argv: string[]) => runCli(argv, { cwd: root });

describe('README', () => {
  test('states the page script’s real gzip size at the top', () => {
    const top = readme.slice(0, 1500);
    const m = /([\d,]+) bytes gzipped/.exec(top);
    assert.ok(m, 'the top of the README names the size as "N bytes gzipped"');
    const actual = gzipSync(readFileSync(join(root, 'dist/metrica-chats.min.js')), { level: 9 }).length;
    assert.equal(Number((m[1] as string).replace(/,/g, '')), actual);
  });

  test('its one exit-code table is the CLI’s', () => {
    const table =
      /### Exit codes\n\n[^\n]*\n\n\| Code \| Meaning \|\n\| --- \| --- \|\n((?:\|.*\|\n)+)/.exec(readme)?.[1] ?? '';
    const rows = table
      .trim()
      .split('\n')
      .map((line) => line.split('|').map((cell) => cell.trim()));
    assert.deepEqual(
      rows.map(([, code, meaning]) => [Number(code), meaning]),
      EXIT_MEANINGS.map(([code, meaning]) => [code, meaning]),
    );
    assert.equal((readme.match(/\| Code \| Meaning \|/g) ?? []).length, 1, 'one exit-code table');
  });

  test('opens with the two commands, and both exist', () => {
    const top = readme.slice(0, 1500);
    assert.match(top, /npm install\s*\n\s*npm run demo/);
    assert.match(top, /npm install\s*\n\s*npm test/);
    assert.ok(pkg.scripts.demo, 'package.json has a demo script');
    assert.ok(pkg.scripts.test, 'package.json has a test script');
  });

  test('every metrica-chats command and flag it shows exists', async () => {
    const shell = [...blocks('sh'), ...blocks('cron')].join('\n').replace(/\\\n/g, ' ');
    const uses = [...shell.matchAll(/metrica-chats ([a-z]+)((?: [^\n|>#]*)?)/g)];
    assert.ok(uses.length >= 8, `expected the README to show the commands, found ${uses.length}`);
    const helps = new Map<string, string>();
    for (const [, command, rest] of uses) {
      const name = command as string;
      if (!helps.has(name)) {
        const { code, out } = await cli([name, '--help']);
        assert.equal(code, 0, `metrica-chats ${name} --help: ${out}`);
        helps.set(name, out);
      }
      for (const flag of (rest ?? '').match(/--[a-z][a-z-]*/g) ?? []) {
        assert.ok(helps.get(name)?.includes(flag), `metrica-chats ${name} has no ${flag} (README shows it)`);
      }
    }
  });

  test('the CRM curl example works as written against a real collector', async (t) => {
    const example = blocks('sh').find((b) => b.includes('$COLLECTOR/v1/chats'));
    assert.ok(example, 'the README has the CRM example');
    const dir = mkdtempSync(join(tmpdir(), 'readme-curl-'));
    const collector = await createCollector({
      db: join(dir, 'c.db'),
      apiKeys: ['readme-test-key-0123456789'],
      logger: false,
    });
    t.after(async () => {
      await collector.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const { url } = await collector.listen(0, '127.0.0.1');
    // The page script's beacon for the chat ID the example's message carries.
    await collector.storage.insertPairing({ chatId: 'CT7KQ2M9XA', clientId: '1767261000123456789', receivedAt: 1 });
    const script = example
      .replace(/^COLLECTOR=.*$/m, `COLLECTOR=${url}`)
      .replace(/^KEY=.*$/m, 'KEY=readme-test-key-0123456789');
    // Asynchronously: the collector answering curl runs in this process.
    const { stdout: out } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.match(out, /"chatId":"CT7KQ2M9XA"/);
    assert.match(out, /"clientId":"1767261000123456789"/);
    const csv = readFileSync(join(dir, 'chats.csv'), 'utf8');
    assert.match(csv, /^ClientID,/);
    assert.match(csv, /1767261000123456789,.*1767261600,whatsapp,.*"\+79001234567",1,"lead,paid",1500.50,RUB/);
    assert.match(out, /"chats":1/);
  });

  test('the bot and connector webhook URLs it shows are the collector’s routes', async (t) => {
    const shown = readme.matchAll(
      /https:\/\/collect\.example\.com(\/v1\/webhooks\/(telegram|viber|whatsapp|green-api|wazzup)\/)\$METRICA_CHATS_WEBHOOK_SECRET/g,
    );
    const hooks = new Map([...shown].map((m) => [m[2] as string, m[1] as string]));
    assert.deepEqual([...hooks.keys()].sort(), ['green-api', 'telegram', 'viber', 'wazzup', 'whatsapp']);
    const dir = mkdtempSync(join(tmpdir(), 'readme-hooks-'));
    const collector = await createCollector({
      db: join(dir, 'c.db'),
      webhookSecret: 'readme-webhook-secret-0123',
      whatsappAppSecret: 'app-secret',
      logger: false,
    });
    t.after(async () => {
      await collector.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const { url } = await collector.listen(0, '127.0.0.1');
    const now = Math.floor(Date.now() / 1000);
    const text = 'Номер обращения: CT7KQ2M9XA';
    const bodies: Record<string, unknown> = {
      telegram: {
        update_id: 1,
        message: {
          message_id: 1,
          date: now,
          text: '/start CT7KQ2M9XA',
          from: { id: 42 },
          chat: { id: 42, type: 'private' },
        },
      },
      viber: {
        event: 'conversation_started',
        timestamp: now * 1000,
        context: 'CT7KQ2M9XA',
        user: { id: 'u1==', name: 'V' },
      },
      whatsapp: {
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '1',
            changes: [
              {
                field: 'messages',
                value: {
                  messages: [
                    { from: '79001234567', id: 'wamid.1', timestamp: String(now), type: 'text', text: { body: text } },
                  ],
                },
              },
            ],
          },
        ],
      },
      'green-api': {
        typeWebhook: 'incomingMessageReceived',
        timestamp: now,
        idMessage: 'G1',
        senderData: { chatId: '79001234568@c.us', sender: '79001234568@c.us' },
        messageData: { typeMessage: 'textMessage', textMessageData: { textMessage: text } },
      },
      wazzup: {
        messages: [
          {
            messageId: 'w1',
            dateTime: new Date(now * 1000).toISOString(),
            chatType: 'whatsapp',
            chatId: '79001234569',
            type: 'text',
            isEcho: false,
            text,
          },
        ],
      },
    };
    for (const [platform, path] of hooks) {
      const body = JSON.stringify(bodies[platform]);
      const signature = `sha256=${createHmac('sha256', 'app-secret').update(body).digest('hex')}`;
      const res = await fetch(`${url}${path}readme-webhook-secret-0123`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(platform === 'whatsapp' ? { 'X-Hub-Signature-256': signature } : {}),
        },
        body,
      });
      assert.equal(res.status, 200, `${platform} webhook`);
    }
    assert.equal((await collector.storage.chatStats()).chats, 5);
  });

  test('the connector checks it shows work as written against a real collector', async (t) => {
    const example = blocks('sh').find((b) => b.includes('$COLLECTOR/v1/webhooks/whatsapp/'));
    assert.ok(example, 'the README shows how to see that the connectors work');
    const dir = mkdtempSync(join(tmpdir(), 'readme-connectors-'));
    const collector = await createCollector({
      db: join(dir, 'c.db'),
      apiKeys: ['readme-test-key-0123456789'],
      webhookSecret: 'readme-webhook-secret-0123',
      logger: false,
    });
    t.after(async () => {
      await collector.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const { url } = await collector.listen(0, '127.0.0.1');
    const script = example
      .replace(/^COLLECTOR=.*$/m, `COLLECTOR=${url}`)
      .replace(/^KEY=.*$/m, 'KEY=readme-test-key-0123456789')
      .replace(/^SECRET=.*$/m, 'SECRET=readme-webhook-secret-0123');
    const { stdout: out } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.deepEqual(out.split('\n').slice(0, 2), ['1158201444', '200']);
    assert.match(out, /"chats":0/);
  });

  test('its bridge links work as written: the serve flags, the redirect it describes, the QR command', async (t) => {
    const example = blocks('sh').find((b) => b.includes('--link '));
    assert.ok(example, 'the README shows serve with --link');
    const links = Object.fromEntries(
      [...example.matchAll(/--link ([a-z0-9-]+)=(\S+)/g)].map((m) => [m[1] as string, m[2] as string]),
    );
    assert.ok(Object.keys(links).length >= 2, 'the example names a bot and a WhatsApp link');
    const dir = mkdtempSync(join(tmpdir(), 'readme-bridge-'));
    const collector = await createCollector({ db: join(dir, 'c.db'), links, logger: false });
    t.after(async () => {
      await collector.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const { url } = await collector.listen(0, '127.0.0.1');
    // The walk-through: GET /go/promo?yclid=…&utm_source=… answers 302 to the bot with start=<chat ID>.
    const step =
      /`GET https:\/\/go\.example\.com(\/go\/[a-z0-9-]+\?[^`]+)`[^`]+`(CT[2-9A-HJ-NP-Z]{8})`[\s\S]*?`302` to `([^`]+)`/.exec(
        readme,
      );
    assert.ok(step, 'the README walks through one bridge visit');
    const [, path, exampleId, location] = step as unknown as [string, string, string, string];
    const res = await fetch(`${url}${path}`, {
      redirect: 'manual',
      headers: { 'User-Agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148' },
    });
    assert.equal(res.status, 302);
    const id = /CT[2-9A-HJ-NP-Z]{8}/.exec(res.headers.get('location') ?? '')?.[0] ?? '';
    assert.equal(res.headers.get('location'), location.replace(exampleId, id));
    const pairing = await collector.storage.findPairing(id, Date.now());
    assert.equal(pairing?.yclid, new URLSearchParams(path.split('?')[1]).get('yclid'));
    // The QR command, run as written (in a scratch folder, where it writes its file).
    const qr = blocks('sh').find((b) => b.includes('metrica-chats link qr'));
    assert.ok(qr, 'the README shows link qr');
    const argv = (/metrica-chats (link qr [^\n]+)/.exec(qr)?.[1] ?? '').split(' ');
    const { code, out } = await runCli(argv, { cwd: dir });
    assert.equal(code, 0, out);
    const file = argv[argv.indexOf('--out') + 1] as string;
    assert.match(readFileSync(join(dir, file), 'utf8'), /^<svg /);
  });

  test('its beacon example is a pairing the collector accepts', () => {
    const [example] = blocks('json').filter((b) => b.includes('"chatId"'));
    assert.ok(example, 'the README shows the beacon body');
    const pairing = parsePairing(JSON.parse(example), Date.now());
    assert.equal(pairing.chatId, 'CT7KQ2M9XA');
    assert.equal(pairing.platform, 'telegram');
  });

  test('its TypeScript examples type-check against the published entry points', async (t) => {
    const snippets = [...blocks('ts'), ...blocks('js').filter((b) => /from 'metrica-chats/.test(b))];
    assert.ok(snippets.length >= 3, `expected the library examples, found ${snippets.length}`);
    // Inside the package folder, so `metrica-chats/...` resolves through package.json exports to dist/.
    const dir = join(root, '.readme-check');
    mkdirSync(dir, { recursive: true });
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    // What the examples take as given: a store and some records, as the text around them says.
    const prelude = [
      "declare const store: import('metrica-chats/uploader').ConversionStore;",
      "declare const records: Array<import('metrica-chats/uploader').ConversionRecord>;",
      'export {};',
    ].join('\n');
    const files = snippets.map((code, i) => {
      const file = `snippet-${i}.ts`;
      writeFileSync(join(dir, file), `${prelude}\n${code}`);
      return file;
    });
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'DOM'],
          types: ['node'],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
        },
        files,
      }),
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const result = await promisify(execFile)(process.execPath, [tsc, '-p', dir], { cwd: dir }).catch(
      (error: { stdout?: string }) => error,
    );
    assert.equal('stdout' in result ? (result.stdout ?? '') : '', '', 'the README examples do not type-check');
  });
});
