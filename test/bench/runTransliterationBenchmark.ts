/**
 * `npm run bench:translit`: Latin queries that find their transliteration in Cyrillic, Greek,
 * Devanagari and Arabic passages, against the same queries as written, written into its section
 * of BENCHMARKS.md. `TRANSLIT_BENCH_CHARACTERS` sets the size (default 2,500,000 characters,
 * about 10,000 passages). Run with `node --expose-gc`.
 */
import { join } from 'node:path';
import { writeTransliterationSection } from './benchmarksFile';
import { runTransliterationBenchmark } from './transliterationBenchmark';

const characters = Number(process.env.TRANSLIT_BENCH_CHARACTERS ?? 2_500_000);
const section = runTransliterationBenchmark(characters);
console.log(section);
if (process.env.TRANSLIT_BENCH_WRITE !== '0') writeTransliterationSection(join(__dirname, '..', '..', '..', 'BENCHMARKS.md'), section);
