import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * BENCHMARKS.md is written by five scripts and by hand: runBenchmark.ts writes the top, runCjkBenchmark.ts the Chinese and Japanese section, then
 * runHostileBenchmark.ts the hostile-input section, runDocumentBenchmark.ts the PDF and Word
 * section, runMillionBenchmark.ts its section, and the
 * section on the load in a real VS Code (scripts/loadBench.mjs) is written by hand. Each script
 * keeps what the others wrote.
 */
export const HOSTILE_SECTION_HEADING = '## Hostile input';
export const DOCUMENTS_SECTION_HEADING = '## PDF and Word sources';
export const MILLION_SECTION_HEADING = '## At 1,000,000 passages';
export const LOAD_SECTION_HEADING = '## Load in a real VS Code';
export const CJK_SECTION_HEADING = '## Chinese and Japanese text';

function read(benchmarksFile: string): string {
  return existsSync(benchmarksFile) ? readFileSync(benchmarksFile, 'utf8') : '';
}

function sectionStart(text: string, heading: string): number {
  const at = text.indexOf(`\n${heading}`);
  return at >= 0 ? at : text.length;
}

/** What runBenchmark.ts keeps after its own part: the Chinese and Japanese, hostile-input, PDF and Word, 1,000,000-passage and load sections, from whichever comes first. */
export function sectionsAfterTheTables(benchmarksFile: string): string {
  const text = read(benchmarksFile);
  return text.slice(
    Math.min(sectionStart(text, CJK_SECTION_HEADING), sectionStart(text, HOSTILE_SECTION_HEADING), sectionStart(text, DOCUMENTS_SECTION_HEADING), sectionStart(text, MILLION_SECTION_HEADING), sectionStart(text, LOAD_SECTION_HEADING)),
  );
}

/** Puts the Chinese and Japanese section in place of the previous one, or before the hostile-input section and those after it. */
export function writeCjkSection(benchmarksFile: string, section: string): void {
  const text = read(benchmarksFile);
  const cjkAt = sectionStart(text, CJK_SECTION_HEADING);
  const nextAt = Math.min(sectionStart(text, HOSTILE_SECTION_HEADING), sectionStart(text, DOCUMENTS_SECTION_HEADING), sectionStart(text, MILLION_SECTION_HEADING), sectionStart(text, LOAD_SECTION_HEADING));
  const head = text.slice(0, Math.min(cjkAt, nextAt)).replace(/\n+$/, '\n');
  const after = text.slice(nextAt);
  writeFileSync(benchmarksFile, `${head}\n${section}\n${after.replace(/^\n+/, '')}`);
}

/** Puts the hostile-input section in place of the previous one, or before the PDF and Word, 1,000,000-passage and load sections. */
export function writeHostileSection(benchmarksFile: string, section: string): void {
  const text = read(benchmarksFile);
  const hostileAt = sectionStart(text, HOSTILE_SECTION_HEADING);
  const nextAt = Math.min(sectionStart(text, DOCUMENTS_SECTION_HEADING), sectionStart(text, MILLION_SECTION_HEADING), sectionStart(text, LOAD_SECTION_HEADING));
  const head = text.slice(0, Math.min(hostileAt, nextAt)).replace(/\n+$/, '\n');
  writeFileSync(benchmarksFile, `${head}\n${section}${text.slice(nextAt)}`);
}

/** Puts the PDF and Word section in place of the previous one, or before the 1,000,000-passage and load sections. */
export function writeDocumentsSection(benchmarksFile: string, section: string): void {
  const text = read(benchmarksFile);
  const documentsAt = sectionStart(text, DOCUMENTS_SECTION_HEADING);
  const nextAt = Math.min(sectionStart(text, MILLION_SECTION_HEADING), sectionStart(text, LOAD_SECTION_HEADING));
  const head = text.slice(0, Math.min(documentsAt, nextAt)).replace(/\n+$/, '\n');
  writeFileSync(benchmarksFile, `${head}\n${section}${text.slice(nextAt)}`);
}

/** Puts the 1,000,000-passage section in place of the previous one, or before the load section. */
export function writeMillionSection(benchmarksFile: string, section: string): void {
  const text = read(benchmarksFile);
  const loadAt = sectionStart(text, LOAD_SECTION_HEADING);
  const head = text.slice(0, Math.min(loadAt, sectionStart(text, MILLION_SECTION_HEADING))).replace(/\n+$/, '\n');
  writeFileSync(benchmarksFile, `${head}\n${section}${text.slice(loadAt)}`);
}

export const TRANSLITERATION_SECTION_HEADING = '## Latin queries across alphabets';

/** Puts the section on Latin queries across alphabets in place of the previous one (up to the next section), or at the end. */
export function writeTransliterationSection(benchmarksFile: string, section: string): void {
  const text = read(benchmarksFile);
  const at = sectionStart(text, TRANSLITERATION_SECTION_HEADING);
  const next = at < text.length ? text.indexOf('\n## ', at + 1) : -1;
  const after = next >= 0 ? text.slice(next) : '';
  writeFileSync(benchmarksFile, `${text.slice(0, at).replace(/\n+$/, '\n')}\n${section.replace(/\n+$/, '\n')}${after}`);
}
