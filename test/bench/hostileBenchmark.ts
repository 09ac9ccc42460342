/**
 * The hostile-input section of the benchmark: every case of hostileCases.ts at three sizes,
 * each measured in a fresh child process (hostileChild.ts) with a time limit. Linear work
 * grows about 10× from 100 KB to 1 MB and 5× from 1 MB to 5 MB; much more is a super-linear
 * path. Run alone with `npm run bench:hostile` (runHostileBenchmark.ts), or
 * `BENCH_SECTIONS=hostile node --expose-gc out/test/bench/runBenchmark.js`.
 *
 * Environment: HOSTILE_CASES (substrings of the case names to run, separated by `|`), HOSTILE_SIZES (comma-separated
 * character counts), HOSTILE_TIMEOUT_S (per measurement; default 60).
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { hostileCases } from './hostileCases';

export const HOSTILE_SIZES = [100_000, 1_000_000, 5_000_000];

export interface HostileMeasurement {
  ms?: number;
  peakRssDelta?: number;
  heapDelta?: number;
  summary?: string;
  /** Why there is no measurement: the time limit, or the child's error. */
  failed?: string;
}

export interface HostileRow {
  name: string;
  reaches: string;
  bySize: Map<number, HostileMeasurement>;
}

export interface HostileResults {
  rows: HostileRow[];
  sizes: number[];
  loadBefore: number;
  loadAfter: number;
  timeoutSeconds: number;
}

function measureOnce(caseIndex: number, size: number, timeoutSeconds: number): HostileMeasurement {
  const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', join(__dirname, 'hostileChild.js'), String(caseIndex), String(size)], {
    timeout: timeoutSeconds * 1000,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.error || child.signal) return { failed: child.signal === 'SIGTERM' || (child.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' ? `> ${timeoutSeconds} s` : String(child.error ?? child.signal) };
  if (child.status !== 0) return { failed: child.stderr.trim().split('\n').slice(-1)[0] || `exit ${child.status}` };
  return JSON.parse(child.stdout) as HostileMeasurement;
}

/** Measures the cases whose name contains one of the `|`-separated parts of `filter` at `sizes`; a case that runs out of time at one size is not tried at larger ones. */
export function measureHostileInputs(options: { sizes?: number[]; filter?: string; timeoutSeconds?: number; log?: (line: string) => void } = {}): HostileResults {
  const sizes = options.sizes ?? HOSTILE_SIZES;
  const timeoutSeconds = options.timeoutSeconds ?? 60;
  const loadBefore = loadavg()[0];
  const rows: HostileRow[] = [];
  hostileCases.forEach((hostile, caseIndex) => {
    if (options.filter && !options.filter.split('|').some((part) => hostile.name.includes(part))) return;
    const row: HostileRow = { name: hostile.name, reaches: hostile.reaches, bySize: new Map() };
    for (const size of sizes) {
      const measured = measureOnce(caseIndex, size, timeoutSeconds);
      row.bySize.set(size, measured);
      options.log?.(`${hostile.name} at ${size}: ${measured.failed ?? `${measured.ms!.toFixed(0)} ms, +${mb(measured.peakRssDelta!)} MB RSS: ${measured.summary}`}`);
      if (measured.failed) break;
    }
    rows.push(row);
  });
  return { rows, sizes, loadBefore, loadAfter: loadavg()[0], timeoutSeconds };
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}

function sizeLabel(size: number): string {
  return size >= 1_000_000 ? `${size / 1_000_000} MB` : `${size / 1000} KB`;
}

function cell(measured: HostileMeasurement | undefined): string {
  if (!measured) return 'not run';
  if (measured.failed) return measured.failed;
  const ms = measured.ms! < 10 ? measured.ms!.toFixed(1) : Math.round(measured.ms!).toLocaleString('en-US');
  return `${ms} ms, +${mb(measured.peakRssDelta!)} / ${mb(Math.max(0, measured.heapDelta!))} MB`;
}

/** Time at the largest size over time at the one before, against the ratio of the sizes. */
function growth(row: HostileRow, sizes: number[]): string {
  const last = sizes.length - 1;
  const big = row.bySize.get(sizes[last]);
  const small = row.bySize.get(sizes[last - 1]);
  if (!big?.ms || !small?.ms) return '';
  return `${(big.ms / small.ms).toFixed(1)}× (size ${sizes[last] / sizes[last - 1]}×)`;
}

/** The markdown table: one row per case, time and memory at each size. */
export function hostileTable(results: HostileResults): string {
  const header = `| input | reaches | ${results.sizes.map(sizeLabel).join(' | ')} | growth, last step |`;
  const rule = `|---|---|${results.sizes.map(() => '---').join('|')}|---|`;
  const lines = results.rows.map((row) => `| ${row.name.replace(/\|/g, '\\|')} | ${row.reaches} | ${results.sizes.map((size) => cell(row.bySize.get(size))).join(' | ')} | ${growth(row, results.sizes)} |`);
  return [header, rule, ...lines].join('\n');
}

export const HOSTILE_SECTION_INTRO = 'Each input built to about the size shown (characters) and run once in a fresh process (test/bench/hostileCases.ts). A cell: wall time, then the peak resident memory above what the process held before the run / how much the JS heap grew during it. Linear work grows about as the size does. Figures read at most the first 1,000,000 characters of a draft and the search box the first 1,000 of a query, so those rows stop growing.';

/** The whole section for BENCHMARKS.md, with the machine and its load. */
export function hostileSection(results: HostileResults, heading: string): string {
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`;
  return `${heading}

Generated by \`npm run bench:hostile\` (or \`npm run bench\`) on ${new Date().toISOString().slice(0, 10)}. ${HOSTILE_SECTION_INTRO} Time limit ${results.timeoutSeconds} s per run. Machine: ${machine}; load average ${results.loadBefore.toFixed(1)} at the start and ${results.loadAfter.toFixed(1)} at the end (other work shared the cores).

${hostileTable(results)}
`;
}
