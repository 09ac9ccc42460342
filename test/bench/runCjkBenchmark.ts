/**
 * `npm run bench:cjk`: Chinese and Japanese text against English of the same size (issue 16's
 * target), written into its section of BENCHMARKS.md. `CJK_BENCH_CHARACTERS` sets the size
 * (default 2,500,000 characters, about 10,000 passages). Run with `node --expose-gc`.
 */
import { join } from 'node:path';
import { writeCjkSection } from './benchmarksFile';
import { runCjkBenchmark } from './cjkBenchmark';

const characters = Number(process.env.CJK_BENCH_CHARACTERS ?? 2_500_000);
const section = runCjkBenchmark(characters);
console.log(section);
if (process.env.CJK_BENCH_WRITE !== '0') writeCjkSection(join(__dirname, '..', '..', '..', 'BENCHMARKS.md'), section);
