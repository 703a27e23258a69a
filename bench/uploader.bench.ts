// The uploader's CSV path at scale: build and validate 1,000,000 CHATS rows streamed to a file
// (the subject: what `upload --from` does before it sends) against csv-stringify writing the same
// rows to a file with no validation (the baseline). Each runs in its own child process so its
// peak RSS is its own. Targets: time ratio ≤ 1.5, subject peak RSS ≤ 150 MB.
// Usage: npm run bench -- uploader   (or: node --import tsx bench/uploader.bench.ts [rows])
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify';
import { type ConversionRecord, CSV_COLUMNS } from '../src/shared/conversion.js';
import { prepareRows } from '../src/uploader/prepare.js';

const TARGET_RATIO = 1.5;
const TARGET_RSS_MB = 150;
const T0 = 1_687_000_000;
const PLATFORMS = ['telegram', 'whatsapp', 'viber'] as const;

/** Deterministic, realistic rows; generated lazily so neither side holds them all. */
function* records(n: number): Generator<ConversionRecord> {
  for (let i = 0; i < n; i++) {
    const r: ConversionRecord = {
      DateTime: String(T0 + i),
      ChatPlatform: PLATFORMS[i % 3]!,
      URL: `https://example.com/product/${i % 5000}?utm_source=yandex&utm_campaign=c${i % 40}`,
    };
    if (i % 4 !== 3) r.ClientID = String(133_591_247_640_966_458n + BigInt(i));
    if (i % 2 === 0) r.PhoneNumber = `+7999${String(i).padStart(7, '0')}`;
    else r.ChatUsername = `user_${i}`;
    if (i % 3 === 0) r.ChatUserID = String(100_000_000 + i);
    r.ChatAnswered = i % 5 === 0 ? '0' : '1';
    if (i % 7 === 0) r.Tag = 'Lead, "hot"';
    if (i % 10 === 0) {
      r.Price = '1500.00';
      r.Currency = 'RUB';
    }
    yield r;
  }
}

async function subject(n: number, dir: string): Promise<string> {
  async function* rows() {
    let line = 1;
    for (const record of records(n)) yield { line: ++line, record };
  }
  const prepared = await prepareRows(rows(), { tmpDir: dir });
  if (prepared.problems.count > 0)
    throw new Error(`unexpected invalid rows: ${JSON.stringify(prepared.problems.kept[0])}`);
  const part = prepared.parts[0];
  if (!part || prepared.parts.length !== 1) throw new Error('expected one file');
  return part.path;
}

async function baseline(n: number, dir: string): Promise<string> {
  const path = join(dir, 'baseline.csv');
  const out = createWriteStream(path);
  await pipeline(records(n), stringify({ header: true, columns: [...CSV_COLUMNS] }), out);
  return path;
}

interface Figures {
  ms: number;
  rssMb: number;
  bytes: number;
}

const [mode, rowsArg, dirArg] = process.argv.slice(2);
if (mode === 'subject' || mode === 'baseline') {
  // Child: do one side and report its time, file size and peak RSS.
  const n = Number(rowsArg);
  const started = performance.now();
  const path = await (mode === 'subject' ? subject : baseline)(n, dirArg!);
  const ms = performance.now() - started;
  const figures: Figures = { ms, rssMb: process.resourceUsage().maxRSS / 1024, bytes: statSync(path).size };
  process.stdout.write(JSON.stringify(figures));
} else {
  const n = Number(mode ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'metrica-chats-bench-'));
  try {
    const self = fileURLToPath(import.meta.url);
    const runChild = (which: string): Figures => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', self, which, String(n), dir], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${which} failed: ${r.stderr}`);
      return JSON.parse(r.stdout) as Figures;
    };
    const base = runChild('baseline');
    const subj = runChild('subject');
    const ratio = subj.ms / base.ms;
    const line = (name: string, f: Figures) =>
      `${name.padEnd(38)} ${(f.ms / 1000).toFixed(2).padStart(6)} s  peak RSS ${f.rssMb.toFixed(0).padStart(4)} MB  ${(f.bytes / 1e6).toFixed(1)} MB written`;
    console.log(`${n.toLocaleString('en')} rows`);
    console.log(line('baseline: csv-stringify, no validation', base));
    console.log(line('subject: validate + build CSV (uploader)', subj));
    const timeOk = ratio <= TARGET_RATIO;
    const rssOk = subj.rssMb <= TARGET_RSS_MB;
    console.log(`time ratio ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}): ${timeOk ? 'met' : 'MISSED'}`);
    console.log(`peak RSS ${subj.rssMb.toFixed(0)} MB (target ≤ ${TARGET_RSS_MB} MB): ${rssOk ? 'met' : 'MISSED'}`);
    process.exitCode = timeOk && rssOk ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
