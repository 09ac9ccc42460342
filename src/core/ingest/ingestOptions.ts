/** Limits and switches for reading one file. Every limit bounds work on hostile input. */
export interface IngestOptions {
  /** Files with more bytes than this are skipped as 'too-large' (the host also checks `stat` before reading). */
  maxFileBytes: number;
  /** Paragraphs longer than this are split at sentence boundaries into passages of about this size. */
  maxPassageChars: number;
  /** An article keeps at most this many passages; the rest is reported in a warning. */
  maxPassagesPerArticle: number;
  /** A single paragraph (or a single enormous line) contributes at most this many characters. */
  maxBlockChars: number;
  /** HTML elements nested deeper than this are flattened into their ancestor. */
  maxHtmlDepth: number;
  /** A .jsonl file yields at most this many articles. */
  maxJsonlArticles: number;
  /** A PDF's pages after this many are not read. */
  maxPdfPages: number;
  /** Reading one PDF stops after this many milliseconds, keeping the pages read. */
  maxPdfMillis: number;
  /** A .docx whose text parts inflate to more than this is skipped (a zip bomb). */
  maxDocxExpandedBytes: number;
}

/** Defaults matching the `sourcebook.corpus.maxFileSizeMB` setting's default of 10 MB. */
export const defaultIngestOptions: IngestOptions = {
  maxFileBytes: 10 * 1024 * 1024,
  maxPassageChars: 800,
  maxPassagesPerArticle: 5000,
  maxBlockChars: 100_000,
  maxHtmlDepth: 256,
  maxJsonlArticles: 50_000,
  maxPdfPages: 2000,
  maxPdfMillis: 60_000,
  maxDocxExpandedBytes: 64 * 1024 * 1024,
};

/** Fills unset options with defaults and clamps nonsensical values. */
export function resolveIngestOptions(options?: Partial<IngestOptions>): IngestOptions {
  const merged = { ...defaultIngestOptions, ...options };
  return {
    maxFileBytes: positiveOr(merged.maxFileBytes, defaultIngestOptions.maxFileBytes),
    maxPassageChars: Math.max(80, positiveOr(merged.maxPassageChars, defaultIngestOptions.maxPassageChars)),
    maxPassagesPerArticle: positiveOr(merged.maxPassagesPerArticle, defaultIngestOptions.maxPassagesPerArticle),
    maxBlockChars: positiveOr(merged.maxBlockChars, defaultIngestOptions.maxBlockChars),
    maxHtmlDepth: positiveOr(merged.maxHtmlDepth, defaultIngestOptions.maxHtmlDepth),
    maxJsonlArticles: positiveOr(merged.maxJsonlArticles, defaultIngestOptions.maxJsonlArticles),
    maxPdfPages: positiveOr(merged.maxPdfPages, defaultIngestOptions.maxPdfPages),
    maxPdfMillis: positiveOr(merged.maxPdfMillis, defaultIngestOptions.maxPdfMillis),
    maxDocxExpandedBytes: positiveOr(merged.maxDocxExpandedBytes, defaultIngestOptions.maxDocxExpandedBytes),
  };
}

function positiveOr(value: number, fallback: number): number {
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
