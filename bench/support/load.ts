/**
 * A small keep-alive load generator, run as its own process so it never shares the server's event
 * loop. `connections` loops each send one request at a time for `durationMs`; latencies of every
 * completed request are kept for exact percentiles. Prints one JSON line of results.
 * Usage: node --import tsx bench/support/load.ts '<json options>'
 */
import { Agent, request } from 'node:http';

export interface LoadOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  connections: number;
  durationMs: number;
  warmupMs: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  rps: number;
  p50: number;
  p99: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;
}

async function run(o: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.connections });
  const u = new URL(o.url);
  const headers = { ...o.headers, 'Content-Length': String(Buffer.byteLength(o.body)) };
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let measuring = false;
  const start = performance.now();
  const measureFrom = start + o.warmupMs;
  const end = measureFrom + o.durationMs;
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = request(
        { agent, host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (measuring && t0 >= measureFrom) {
              latencies.push(performance.now() - t0);
              statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
            }
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(o.body);
    });
  const loop = async () => {
    while (performance.now() < end) {
      measuring = performance.now() >= measureFrom;
      await one();
    }
  };
  await Promise.all(Array.from({ length: o.connections }, loop));
  agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    errors,
    statuses,
    rps: latencies.length / (o.durationMs / 1000),
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
  };
}

const options = JSON.parse(process.argv[2] ?? '{}') as LoadOptions;
process.stdout.write(`${JSON.stringify(await run(options))}\n`);
