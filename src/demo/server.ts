import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createCollector } from '../collector/index.js';
import { type FakeMetrica, startFakeMetrica } from '../fake-metrica/index.js';
import { businessRequest, DEMO_WEBHOOK_SECRET, DEMO_WHATSAPP_APP_SECRET } from './business-request.js';
import { packageRoot } from './paths.js';
import { BEACON_ANSWERS, type BeaconAnswer, chatVerdict } from './verdict.js';

/**
 * The demo: the collector on SQLite, the fake Metrica API and a demo site, all on loopback.
 * The site shows the three ways in (script tag, GTM Custom HTML, an SPA importing the package) and
 * a panel that plays the business side: it sends chats to the collector as a bot webhook or CRM
 * would, uploads to the fake Metrica with the real `upload` command, and shows the report.
 */

export interface DemoOptions {
  /** Folder for the collector's SQLite file; reused by the next run. */
  dataDir: string;
  host?: string;
  sitePort?: number;
  collectorPort?: number;
  metricaPort?: number;
  counterId?: string;
  /**
   * Runs a `metrica-chats` command line in this process and returns what it printed: the panel's
   * upload and report buttons run the real commands. The CLI passes its own runner in.
   */
  runCli(argv: string[], env: Record<string, string | undefined>): Promise<{ code: number; out: string }>;
}

export interface RunningDemo {
  siteUrl: string;
  collectorUrl: string;
  metricaUrl: string;
  dbPath: string;
  counterId: string;
  /** Bearer key of the collector's authenticated endpoints. */
  apiKey: string;
  /** OAuth token the fake Metrica accepts. */
  token: string;
  webhookSecret: string;
  /** The upload command the demo runs, as a user would type it. */
  uploadCommand: string;
  /** The fake Metrica API, to see what it received. */
  metrica: FakeMetrica;
  close(): Promise<void>;
}

// Demo-only credentials: the fake Metrica and the local collector accept them, nothing else does.
const DEMO_TOKEN = 'demo-oauth-token';
/** New on every run, like the webhook secret; the demo prints both. */
const DEMO_API_KEY = randomBytes(24).toString('hex');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      resolveUrl(`http://${host}:${actual}`);
    });
  });
}

async function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error(`request body over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the collector, the fake Metrica and the demo site. */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const host = options.host ?? '127.0.0.1';
  const counterId = options.counterId ?? '12345678';
  const dataDir = resolve(options.dataDir);
  const dbPath = join(dataDir, 'metrica-chats.db');
  const root = packageRoot();
  const siteDir = join(root, 'demo', 'site');

  const closers: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  };

  try {
    const site = createServer();
    const siteUrl = await listen(site, options.sitePort ?? 0, host);
    closers.push(() => new Promise<void>((r) => site.close(() => r())));
    site.closeIdleConnections?.();

    const metrica = await startFakeMetrica({ token: DEMO_TOKEN, port: options.metricaPort ?? 0, processDelayMs: 1500 });
    closers.push(() => metrica.close());

    const collector = await createCollector({
      db: dbPath,
      allowOrigins: [siteUrl],
      apiKeys: [DEMO_API_KEY],
      webhookSecret: DEMO_WEBHOOK_SECRET,
      whatsappAppSecret: DEMO_WHATSAPP_APP_SECRET,
      logger: false,
    });
    closers.push(() => collector.close());
    // The collector's handler in a server of the demo's own, so the panel can show what the
    // collector answered each pairing beacon (a page cannot read the answer to sendBeacon).
    const beaconAnswers: BeaconAnswer[] = [];
    const collectorServer = createServer((req, res) => {
      if (req.method === 'POST' && req.url?.split('?')[0] === '/v1/pairings') {
        res.once('finish', () => {
          beaconAnswers.push({ at: Date.now(), status: res.statusCode, meaning: BEACON_ANSWERS[res.statusCode] ?? '' });
          if (beaconAnswers.length > 100) beaconAnswers.shift();
        });
      }
      collector.handler(req, res);
    });
    const collectorUrl = await listen(collectorServer, options.collectorPort ?? 0, host);
    closers.push(
      () =>
        new Promise<void>((r) => {
          collectorServer.closeAllConnections();
          collectorServer.close(() => r());
        }),
    );

    const uploadArgs = ['upload', '--counter', counterId, '--db', dbPath, '--api-url', metrica.url, '--wait'];
    const uploadCommand = `YANDEX_METRICA_TOKEN=${DEMO_TOKEN} npx metrica-chats ${uploadArgs.join(' ')}`;
    const cliEnv = { ...process.env, YANDEX_METRICA_TOKEN: DEMO_TOKEN };
    const spa = readFileSync(join(root, 'dist', 'demo-spa.js'));

    const render = (html: string) =>
      html
        .replaceAll('{{COLLECTOR_URL}}', collectorUrl)
        .replaceAll('{{COUNTER_ID}}', counterId)
        .replaceAll('{{GTM_TAG}}', gtmTag(root, siteUrl, collectorUrl, counterId));

    site.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const send = (status: number, type: string, body: string | Buffer) => {
        res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
        res.end(body);
      };
      const handle = async () => {
        const url = new URL(req.url ?? '/', siteUrl);
        const path = url.pathname;
        if (req.method === 'GET' && path === '/metrica-chats.min.js') {
          return send(200, MIME['.js']!, readFileSync(join(root, 'dist', 'metrica-chats.min.js')));
        }
        if (req.method === 'GET' && path === '/spa/app.js') return send(200, MIME['.js']!, spa);
        if (req.method === 'GET' && path === '/demo/config.js') {
          return send(
            200,
            MIME['.js']!,
            `window.DEMO_COLLECTOR_URL=${JSON.stringify(collectorUrl)};window.DEMO_COUNTER_ID=${JSON.stringify(counterId)};` +
              `window.DEMO_UPLOAD_COMMAND=${JSON.stringify(uploadCommand)};`,
          );
        }
        if (req.method === 'POST' && path === '/demo/chat') {
          const input = JSON.parse((await readBody(req)) || '{}');
          const request = businessRequest(input, new Date());
          const reply = await fetch(collectorUrl + request.path, {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              ...(request.auth ? { Authorization: `Bearer ${DEMO_API_KEY}` } : {}),
              ...request.headers,
            },
            body: JSON.stringify(request.body),
          });
          const text = await reply.text();
          const answer = tryJson(text);
          const result = await chatVerdict(answer, collector.storage);
          return send(
            200,
            MIME['.json']!,
            JSON.stringify({ sent: request, status: reply.status, reply: answer, ...(result ? { result } : {}) }),
          );
        }
        if (req.method === 'GET' && path === '/demo/beacons') {
          const since = Number(url.searchParams.get('since') ?? 0);
          const chatId = url.searchParams.get('chatId') ?? '';
          const pairing = /^[A-Za-z0-9_-]{1,64}$/.test(chatId)
            ? await collector.storage.findPairing(chatId, Date.now())
            : null;
          const answers = beaconAnswers.filter((a) => a.at >= since);
          return send(200, MIME['.json']!, JSON.stringify({ answers, pairing }));
        }
        if (req.method === 'POST' && path === '/demo/upload') {
          const csv = await (
            await fetch(`${collectorUrl}/v1/conversions.csv`, { headers: { Authorization: `Bearer ${DEMO_API_KEY}` } })
          ).text();
          const { code, out } = await options.runCli(uploadArgs, cliEnv);
          return send(200, MIME['.json']!, JSON.stringify({ exitCode: code, output: out, csv }));
        }
        if (req.method === 'GET' && path === '/demo/report') {
          const { out } = await options.runCli(['report', '--db', dbPath], cliEnv);
          return send(200, 'text/plain; charset=utf-8', out);
        }
        if (req.method !== 'GET') return send(405, 'text/plain', 'method not allowed');
        // Static files of the demo site; folders serve their index.html.
        let file = normalize(join(siteDir, decodeURIComponent(path)));
        if (!file.startsWith(siteDir + sep) && file !== siteDir) return send(404, 'text/plain', 'not found');
        if (path.endsWith('/')) file = join(file, 'index.html');
        const type = MIME[extname(file)] ?? 'application/octet-stream';
        let body: Buffer;
        try {
          body = readFileSync(file);
        } catch {
          return send(404, 'text/plain', 'not found');
        }
        return send(200, type, type.startsWith('text/html') ? render(body.toString('utf8')) : body);
      };
      handle().catch((error: unknown) => {
        if (!res.headersSent) send(500, 'text/plain', error instanceof Error ? error.message : String(error));
      });
    });

    return {
      siteUrl,
      collectorUrl,
      metricaUrl: metrica.url,
      dbPath,
      counterId,
      apiKey: DEMO_API_KEY,
      token: DEMO_TOKEN,
      webhookSecret: DEMO_WEBHOOK_SECRET,
      uploadCommand,
      metrica,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** dist/gtm.html with the script's URL and the config filled in, as a user does before pasting it into GTM. */
function gtmTag(root: string, siteUrl: string, collectorUrl: string, counterId: string): string {
  return readFileSync(join(root, 'dist', 'gtm.html'), 'utf8')
    .replaceAll('https://cdn.example.com/metrica-chats.min.js', `${siteUrl}/metrica-chats.min.js`)
    .replaceAll('https://collect.example.com/v1/pairings', `${collectorUrl}/v1/pairings`)
    .replaceAll("counterId: '12345678'", `counterId: '${counterId}'`);
}
