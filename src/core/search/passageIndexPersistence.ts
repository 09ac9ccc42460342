import type { Logger } from '../model';
import { neverDue, runToCompletion, type SliceClock, type SlicedWork } from '../scheduling/timeSlice';
import { PassageIndex, type IndexedArticleRecord, type PassageIndexColumns, type PassageIndexLoadFailure } from './passageIndex';

/**
 * The persisted passage index: one byte array the host writes atomically to
 * the extension's storage and reads back on the next start.
 *
 * Layout (little-endian, as every platform VS Code runs on):
 *   0  "SBPI"           magic
 *   4  u32 version      PASSAGE_INDEX_FORMAT_VERSION
 *   8  u32 total bytes  the whole array, to detect truncation
 *  12  u32 checksum     of every byte from 16 on
 *  16  u32 header bytes then the header (JSON: counts, articles, passage ids), padded to 4
 *      u32 columns      docArticle, docOrdinal, docLength, docRanges (x4), docPage, textEnds (UTF-8 byte offsets),
 *                       termOffsets, postingDocs
 *      u8  postingTfs   padded to 4
 *      UTF-8 terms      joined by "\n", padded to 4
 *      UTF-8 texts      all passage texts run together (split by textEnds), padded to 4
 *
 * Passages are decoded one by one rather than sliced from one big string, so
 * that a passage of Latin-1 text is held in one byte per character even when
 * another passage has a curly quote (V8 widens a whole string for one such
 * character; measured, this halves the heap of the loaded index).
 *
 * The postings are stored, not rebuilt, so a warm start is decoding and
 * validation only. Any change to the layout or to term normalisation must
 * bump the version: an older cache is then rejected and rebuilt. Version 2:
 * terms are read by the one rule of `wordText` (`S‑400` is `s400`). Version 3: runs of Chinese,
 * Japanese, Thai, Lao, Khmer and Myanmar are cut into words by `Intl.Segmenter`. Version 4:
 * folding per script (`foldCharacter`): the Arabic tatweel is dropped, the vowel signs of
 * Devanagari and the other Indic scripts are kept. Version 5: an article's `language` is its
 * primary subtag, declared or detected (`languageSource`). Version 6: runs of Han and kana are
 * indexed as overlapping pairs of characters, not cut by `Intl.Segmenter` (`searchTokens.ts`), and
 * traditional Chinese characters as their simplified forms (`chineseVariants.ts`).
 */
export const PASSAGE_INDEX_FORMAT_VERSION = 6;

const MAGIC = 0x49504253; // "SBPI" read as a little-endian u32
const PREFIX_BYTES = 16;

interface PersistedHeader {
  docCount: number;
  termCount: number;
  postingCount: number;
  termsBytes: number;
  textsBytes: number;
  articles: IndexedArticleRecord[];
  passageIds: string[];
}

function padded(length: number): number {
  return (length + 3) & ~3;
}

/** A fast 32-bit checksum over 4-byte words (the layout keeps everything 4-aligned). */
function checksum(bytes: Uint8Array, from: number): number {
  return runToCompletion(checksumInSlices(bytes, from, neverDue));
}

/** Words checksummed between two looks at the clock. */
const CHECKSUM_STRIDE = 1 << 16;

function* checksumInSlices(bytes: Uint8Array, from: number, clock: SliceClock): SlicedWork<number> {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + from, (bytes.length - from) >>> 2);
  let hash = 0x811c9dc5;
  for (let start = 0; start < words.length; start += CHECKSUM_STRIDE) {
    if (clock.due()) yield;
    const end = Math.min(words.length, start + CHECKSUM_STRIDE);
    for (let index = start; index < end; index++) {
      hash = Math.imul(hash ^ words[index], 0x01000193);
      hash ^= hash >>> 15;
    }
  }
  return hash >>> 0;
}

/** The index as bytes for the cache (compacts it first). */
export function serializePassageIndex(index: PassageIndex): Uint8Array {
  return runToCompletion(serializePassageIndexInSlices(index, neverDue));
}

/**
 * The same bytes as `serializePassageIndex`, built in slices: a host saves the cache between
 * other work (at 100,000 passages the whole job takes ~200 ms). The index is copied at the
 * start, so changes made to it between slices do not reach these bytes.
 */
export function* serializePassageIndexInSlices(index: PassageIndex, clock: SliceClock): SlicedWork<Uint8Array> {
  const exported = index.exportColumns();
  // The article records, passage ids and texts are fresh arrays already; the typed columns and the
  // vocabulary are the index's own, which later additions and compactions change.
  const columns: PassageIndexColumns = {
    ...exported,
    docArticle: exported.docArticle.slice(),
    docOrdinal: exported.docOrdinal.slice(),
    docLength: exported.docLength.slice(),
    docRanges: exported.docRanges.slice(),
    docPage: exported.docPage.slice(),
    terms: exported.terms.slice(),
    termOffsets: exported.termOffsets.slice(),
    postingDocs: exported.postingDocs.slice(),
    postingTfs: exported.postingTfs.slice(),
  };
  const encoder = new TextEncoder();
  const docCount = columns.passageIds.length;
  const encodedTexts: Uint8Array[] = [];
  const textEnds = new Uint32Array(docCount);
  let textsLength = 0;
  for (let doc = 0; doc < docCount; doc++) {
    if (clock.due()) yield;
    const encoded = encoder.encode(columns.texts[doc]);
    encodedTexts.push(encoded);
    textsLength += encoded.length;
    textEnds[doc] = textsLength;
  }
  const textsBytes = new Uint8Array(textsLength);
  for (let doc = 0; doc < docCount; doc++) {
    if (clock.due()) yield;
    textsBytes.set(encodedTexts[doc], textEnds[doc] - encodedTexts[doc].length);
  }
  encodedTexts.length = 0;
  if (clock.due()) yield;
  const termsBytes = encoder.encode(columns.terms.join('\n'));
  // The header is JSON.stringify of a PersistedHeader, written a few articles at a time.
  const counts = { docCount, termCount: columns.terms.length, postingCount: columns.postingDocs.length, termsBytes: termsBytes.length, textsBytes: textsBytes.length };
  const articleParts: string[] = [];
  for (const article of columns.articles) {
    if (clock.due()) yield;
    articleParts.push(JSON.stringify(article));
  }
  if (clock.due()) yield;
  const headerJson = `${JSON.stringify(counts).slice(0, -1)},"articles":[${articleParts.join(',')}],"passageIds":${JSON.stringify(columns.passageIds)}}`;
  const headerBytes = encoder.encode(headerJson);
  const u32Columns = [columns.docArticle, columns.docOrdinal, columns.docLength, columns.docRanges, columns.docPage, textEnds, columns.termOffsets, columns.postingDocs];
  let total = PREFIX_BYTES + 4 + padded(headerBytes.length);
  for (const column of u32Columns) {
    total += column.length * 4;
  }
  total += padded(columns.postingTfs.length) + padded(termsBytes.length) + padded(textsBytes.length);
  if (clock.due()) yield;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, PASSAGE_INDEX_FORMAT_VERSION, true);
  view.setUint32(8, total, true);
  view.setUint32(16, headerBytes.length, true);
  let offset = PREFIX_BYTES + 4;
  bytes.set(headerBytes, offset);
  offset += padded(headerBytes.length);
  for (const column of u32Columns) {
    new Uint32Array(bytes.buffer, offset, column.length).set(column);
    offset += column.length * 4;
  }
  for (const part of [columns.postingTfs, termsBytes, textsBytes]) {
    bytes.set(part, offset);
    offset += padded(part.length);
  }
  view.setUint32(12, yield* checksumInSlices(bytes, PREFIX_BYTES, clock), true);
  return bytes;
}

class LoadError extends Error {
  constructor(readonly kind: PassageIndexLoadFailure['error'], detail: string) {
    super(detail);
  }
}

function isHeader(value: unknown): value is PersistedHeader {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const header = value as Record<string, unknown>;
  const counts = ['docCount', 'termCount', 'postingCount', 'termsBytes', 'textsBytes'];
  return (
    counts.every((key) => Number.isSafeInteger(header[key]) && (header[key] as number) >= 0) &&
    Array.isArray(header.articles) &&
    Array.isArray(header.passageIds) &&
    header.passageIds.length === header.docCount &&
    header.passageIds.every((id) => typeof id === 'string') &&
    header.articles.every(isArticleRecord)
  );
}

function isArticleRecord(value: unknown): value is IndexedArticleRecord {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const record = value as Record<string, unknown>;
  const meta = record.meta as Record<string, unknown> | undefined;
  return (
    typeof record.id === 'string' &&
    typeof record.sourceUri === 'string' &&
    typeof record.format === 'string' &&
    typeof meta === 'object' &&
    meta !== null &&
    typeof meta.title === 'string' &&
    Array.isArray(record.droppedLines) &&
    (record.sourceStamp === undefined || typeof record.sourceStamp === 'string')
  );
}

function readColumns(bytes: Uint8Array): PassageIndexColumns {
  if (bytes.length < PREFIX_BYTES + 4) {
    throw new LoadError(bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true) === MAGIC ? 'truncated' : 'not-an-index', `only ${bytes.length} bytes`);
  }
  // `new Uint8Array(bytes)` copies; `slice` would not, for a node Buffer.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const view = new DataView(aligned.buffer, aligned.byteOffset, aligned.byteLength);
  if (view.getUint32(0, true) !== MAGIC) {
    throw new LoadError('not-an-index', 'the data does not start with the Sourcebook index signature');
  }
  const version = view.getUint32(4, true);
  if (version !== PASSAGE_INDEX_FORMAT_VERSION) {
    throw new LoadError('unsupported-version', `format version ${version}, this Sourcebook reads version ${PASSAGE_INDEX_FORMAT_VERSION}`);
  }
  const total = view.getUint32(8, true);
  if (aligned.length < total) {
    throw new LoadError('truncated', `${aligned.length} of ${total} bytes`);
  }
  if (aligned.length !== total || total % 4 !== 0) {
    throw new LoadError('corrupt', `length ${aligned.length} does not match the recorded ${total}`);
  }
  if (checksum(aligned, PREFIX_BYTES) !== view.getUint32(12, true)) {
    throw new LoadError('corrupt', 'checksum mismatch');
  }
  const headerLength = view.getUint32(16, true);
  let offset = PREFIX_BYTES + 4;
  const take = (length: number): number => {
    const start = offset;
    offset += length;
    if (offset > total) {
      throw new LoadError('corrupt', 'sections run past the end');
    }
    return start;
  };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let header: unknown;
  try {
    header = JSON.parse(decoder.decode(aligned.subarray(take(padded(headerLength)), PREFIX_BYTES + 4 + headerLength)));
  } catch {
    throw new LoadError('corrupt', 'unreadable header');
  }
  if (!isHeader(header)) {
    throw new LoadError('corrupt', 'header fields missing or of the wrong type');
  }
  // Copied out so the loaded index does not pin the whole cache file in memory.
  const u32 = (length: number): Uint32Array => new Uint32Array(aligned.buffer, aligned.byteOffset + take(length * 4), length).slice();
  const { docCount, termCount, postingCount } = header;
  const docArticle = u32(docCount);
  const docOrdinal = u32(docCount);
  const docLength = u32(docCount);
  const docRanges = u32(docCount * 4);
  const docPage = u32(docCount);
  const textEnds = u32(docCount);
  const termOffsets = u32(termCount + 1);
  const postingDocs = u32(postingCount);
  const tfsStart = take(padded(postingCount));
  const postingTfs = new Uint8Array(aligned.subarray(tfsStart, tfsStart + postingCount));
  const termsStart = take(padded(header.termsBytes));
  const textsStart = take(padded(header.textsBytes));
  if (offset !== total) {
    throw new LoadError('corrupt', 'unexpected trailing bytes');
  }
  let termsText: string;
  const texts: string[] = new Array(docCount);
  try {
    termsText = decoder.decode(aligned.subarray(termsStart, termsStart + header.termsBytes));
    let previousEnd = 0;
    for (let doc = 0; doc < docCount; doc++) {
      const end = textEnds[doc];
      if (end < previousEnd || end > header.textsBytes) {
        throw new LoadError('corrupt', 'passage text offsets out of order');
      }
      texts[doc] = decoder.decode(aligned.subarray(textsStart + previousEnd, textsStart + end));
      previousEnd = end;
      if (docArticle[doc] >= header.articles.length) {
        throw new LoadError('corrupt', 'passage refers to a missing article');
      }
    }
    if (previousEnd !== header.textsBytes) {
      throw new LoadError('corrupt', 'passage texts do not cover the stored text');
    }
  } catch (error) {
    throw error instanceof LoadError ? error : new LoadError('corrupt', 'text is not valid UTF-8');
  }
  const terms = termCount === 0 ? [] : termsText.split('\n');
  if (terms.length !== termCount) {
    throw new LoadError('corrupt', 'term count mismatch');
  }
  if (termOffsets[0] !== 0 || termOffsets[termCount] !== postingCount) {
    throw new LoadError('corrupt', 'postings offsets do not cover the postings');
  }
  for (let termId = 0; termId < termCount; termId++) {
    const start = termOffsets[termId];
    const end = termOffsets[termId + 1];
    if (end <= start) {
      throw new LoadError('corrupt', 'a term without postings');
    }
    let previousDoc = -1;
    for (let index = start; index < end; index++) {
      const doc = postingDocs[index];
      if (doc <= previousDoc || doc >= docCount || postingTfs[index] === 0) {
        throw new LoadError('corrupt', 'postings out of order or out of range');
      }
      previousDoc = doc;
    }
  }
  return {
    articles: header.articles,
    passageIds: header.passageIds,
    texts,
    docArticle,
    docOrdinal,
    docLength,
    docRanges,
    docPage,
    terms,
    termOffsets,
    postingDocs,
    postingTfs,
  };
}

/**
 * Loads an index written by `serializePassageIndex`, or says why it cannot:
 * not an index, another format version, truncated, or corrupt (checksum and
 * structure are both checked). Never throws. The loaded index accepts
 * `addArticle` / `removeArticle` as usual, so the host can bring it up to
 * date with the files that changed since it was written.
 */
export function deserializePassageIndex(data: Uint8Array, options: { logger?: Logger } = {}): PassageIndex | PassageIndexLoadFailure {
  try {
    const columns = readColumns(data);
    const index = new PassageIndex(options);
    index.loadColumns(columns);
    return index;
  } catch (error) {
    if (error instanceof LoadError) {
      return { error: error.kind, detail: error.message };
    }
    return { error: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
  }
}
