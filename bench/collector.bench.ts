/**
 * POST /v1/pairings on loopback: the collector with SQLite and with PostgreSQL against a bare
 * node:http server answering 204, same load generator (a separate process), same connections,
 * same body, in one run. Targets: throughput ≥ 0.6× bare, p99 ≤ 2× bare. Also the collector's
 * peak RSS. Exit 1 when a target is missed.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresUnavailableReason, startPostgresCluster } from '../scripts/postgres-cluster.mjs';
import { createCollector } from '../src/collector/index.js';
import type { LoadResult } from './support/load.js';

const CONNECTIONS = 32;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 3000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP_MS = 500;
const ORIGIN = 'https://shop.example.com';
const BODY = JSON.stringify({
  v: 1,
  chatId: 'CT7KQ2M9XA',
  clientId: '1760000000123456789',
  yclid: '4567890123456789012',
  counterId: '12345678',
  url: 'https://shop.example.com/landing?utm_source=yandex',
  referrer: 'https://yandex.ru/',
  platform: 'telegram',
  ts: Date.now(),
});

/** Runs the load generator in its own process; asynchronously, so the server here keeps serving. */
function load(url: string): Promise<LoadResult> {
  const options = {
    url,
    body: BODY,
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: ORIGIN },
    connections: CONNECTIONS,
    durationMs: DURATION_MS,
    warmupMs: WARMUP_MS,
  };
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'support/load.ts'), JSON.stringify(options)],
      { encoding: 'utf8' },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as LoadResult)),
    );
  });
}

/** A bare node:http server that reads the body like the collector must, then answers 204. */
async function startBare(): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(204);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/pairings`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

interface Pair {
  base: LoadResult;
  subject: LoadResult;
}

/**
 * Alternating rounds (bare, collector, bare, collector, …) so that a noisy neighbour on the shared
 * cores hits both sides alike; the verdict uses the median of the per-round ratios.
 */
async function measure(db: string): Promise<{ rounds: Pair[]; peakRssMb: number; stored: number }> {
  const bare = await startBare();
  const c = await createCollector({ db, allowOrigins: [ORIGIN], rateLimit: false, logger: false });
  const { url } = await c.listen(0, '127.0.0.1');
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const rounds: Pair[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const base = await load(bare.url);
      const subject = await load(`${url}/v1/pairings`);
      rounds.push({ base, subject });
      console.log(`  round ${i + 1}  bare      ${fmt(base)}`);
      console.log(`  round ${i + 1}  collector ${fmt(subject)}`);
    }
    const stored = (await c.storage.chatStats()).pairings;
    return { rounds, peakRssMb: peak / 1024 / 1024, stored };
  } finally {
    clearInterval(sampler);
    await c.close();
    await bare.stop();
  }
}

const fmt = (r: LoadResult) =>
  `${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50.toFixed(2).padStart(6)} ms  p99 ${r.p99.toFixed(2).padStart(6)} ms  (${r.requests} requests, statuses ${JSON.stringify(r.statuses)}, ${r.errors} errors)`;

let failed = false;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};
function verdict(name: string, m: { rounds: Pair[]; peakRssMb: number; stored: number }): void {
  const throughput = median(m.rounds.map((r) => r.subject.rps / r.base.rps));
  const p99 = median(m.rounds.map((r) => r.subject.p99 / r.base.p99));
  const all204 = m.rounds.every((r) => r.subject.statuses['204'] === r.subject.requests && r.subject.errors === 0);
  const sum = (f: (r: Pair) => number) => median(m.rounds.map(f));
  const pass = throughput >= 0.6 && p99 <= 2 && all204;
  if (!pass) failed = true;
  console.log(
    `${name}: median bare ${sum((r) => r.base.rps).toFixed(0)} req/s p99 ${sum((r) => r.base.p99).toFixed(2)} ms; ` +
      `collector ${sum((r) => r.subject.rps).toFixed(0)} req/s p50 ${sum((r) => r.subject.p50).toFixed(2)} ms p99 ${sum((r) => r.subject.p99).toFixed(2)} ms; peak RSS ${m.peakRssMb.toFixed(0)} MB; ${m.stored} pairings stored`,
  );
  console.log(
    `${name}: throughput ${throughput.toFixed(2)}× bare (target ≥ 0.60), p99 ${p99.toFixed(2)}× bare (target ≤ 2.00)${all204 ? '' : ', NOT all 204'} → ${pass ? 'ok' : 'MISSED'}`,
  );
}

console.log(
  `POST /v1/pairings, ${CONNECTIONS} keep-alive connections, ${ROUNDS} alternating rounds of ${DURATION_MS / 1000} s (after ${WARMUP_MS / 1000} s warm-up) per side`,
);
// Two shared cores: another busy process skews both sides differently, so say how busy it was.
const busy = () => `load average ${loadavg()[0]?.toFixed(2)} (1 min)`;
console.log(`machine: ${busy()} at the start`);
const dir = mkdtempSync(join(tmpdir(), 'mc-bench-'));
try {
  console.log('SQLite');
  verdict('SQLite', await measure(join(dir, 'bench.db')));
  const reason = postgresUnavailableReason();
  if (reason) {
    console.log(`PostgreSQL: not measured: ${reason}`);
    if (process.env.CI) failed = true;
  } else {
    const cluster = await startPostgresCluster();
    try {
      console.log('PostgreSQL');
      verdict('PostgreSQL', await measure(cluster.url));
    } finally {
      cluster.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`machine: ${busy()} at the end`);
process.exit(failed ? 1 : 0);
