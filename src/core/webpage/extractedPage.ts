/**
 * A web page reduced to its article, as plain data: what the engine's thread sends back after
 * reading a page's HTML (see `extractPage`), and what `pageMarkdown` turns into a source file.
 * Nothing here is markup: every string is the page's text as a reader sees it.
 */

/** A piece of a block's text; `href` when it was a link to an absolute http(s) address. */
export interface InlineRun {
  text: string;
  href?: string;
}

/** One block of the article, in reading order. `quoteDepth` counts the block quotes around it. */
export type PageBlock =
  | { kind: 'heading'; level: number; runs: InlineRun[]; quoteDepth: number }
  | { kind: 'paragraph'; runs: InlineRun[]; quoteDepth: number }
  /** A list item; `depth` 0 for a top-level list; `number` for ordered lists. */
  | { kind: 'listItem'; ordered: boolean; number: number; depth: number; runs: InlineRun[]; quoteDepth: number }
  /** Preformatted text, kept line for line. */
  | { kind: 'code'; text: string; quoteDepth: number };

/** What the page says about itself (meta tags, JSON-LD, `<title>`), never guessed. */
export interface PageMetadata {
  title?: string;
  /** The site's own name (`og:site_name`, JSON-LD publisher). */
  siteName?: string;
  author?: string;
  /** The publication date as the page states it (often ISO 8601). */
  published?: string;
  language?: string;
}

export interface ExtractedPage {
  metadata: PageMetadata;
  blocks: PageBlock[];
  /** Images, videos, embeds and other media left out (never fetched). */
  droppedMedia: number;
  /** True when the article was longer than the extraction's caps and was cut. */
  truncated: boolean;
}

/** The outcome of reading a page: its article, or why there is none. */
export type PageExtraction =
  | { ok: true; page: ExtractedPage }
  | { ok: false; reason: 'no-article' | 'too-large' | 'parse-error' | 'unavailable'; detail: string };
