/**
 * The hostile-input section alone: `npm run bench:hostile` (or `BENCH_SECTIONS=hostile` for runBenchmark.js).
 * Prints the table and puts the section into BENCHMARKS.md in place of the previous one,
 * unless HOSTILE_NO_WRITE is set (for a quick look at a few cases).
 */
import { join } from 'node:path';
import { HOSTILE_SECTION_HEADING, writeHostileSection } from './benchmarksFile';
import { HOSTILE_SIZES, hostileSection, measureHostileInputs } from './hostileBenchmark';

/** Runs the hostile-input measurements named by the environment and writes their section. */
export function runHostileSection(benchmarksFile: string): void {
  const sizes = process.env.HOSTILE_SIZES ? process.env.HOSTILE_SIZES.split(',').map(Number) : HOSTILE_SIZES;
  const results = measureHostileInputs({
    sizes,
    filter: process.env.HOSTILE_CASES,
    timeoutSeconds: Number(process.env.HOSTILE_TIMEOUT_S ?? 60),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const section = hostileSection(results, HOSTILE_SECTION_HEADING);
  if (!process.env.HOSTILE_NO_WRITE && !process.env.HOSTILE_CASES) writeHostileSection(benchmarksFile, section);
  process.stdout.write(`${section}\n`);
}

if (require.main === module) {
  runHostileSection(join(__dirname, '..', '..', '..', 'BENCHMARKS.md'));
}
