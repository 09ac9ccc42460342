/**
 * The plain data Sourcebook works with. Nothing here knows about VS Code:
 * the same objects are built under a unit test, in desktop VS Code and on vscode.dev.
 */

/** Where a passage sits in its source file: zero-based lines and UTF-16 columns, exactly as the editor counts them (CRLF counts as one line break). */
export interface SourceRange {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

/** The file formats Sourcebook reads. */
export type SourceFormat = 'txt' | 'md' | 'html' | 'jsonl' | 'pdf' | 'docx';

/** What is known about an article. Only `title` is always present; nothing is ever invented. */
export interface ArticleMetadata {
  /** From front matter / manifest / the HTML title, else the first heading or line, else the file name. */
  title: string;
  outlet?: string;
  author?: string;
  /** ISO 8601 calendar date, `YYYY-MM-DD`, when the source says it. */
  date?: string;
  url?: string;
  /**
   * The BCP-47 primary language subtag (`ru`, `en`, `zh`) once the engine has read the file
   * (`settleArticleLanguage`); a reader may leave the full declared tag (`en-GB`) for it to reduce.
   */
  language?: string;
  /** Whether `language` is what the source declares or what its text shows. */
  languageSource?: 'declared' | 'detected';
}

/** A citable unit of an article: a paragraph, or a sentence-bounded piece of a long one. */
export interface Passage {
  /** Stable across reindexing while the article's source and the passage text are unchanged. */
  id: string;
  articleId: string;
  /** Position of the passage within its article, from 0. */
  ordinal: number;
  /** The cleaned text, with runs of white space folded to one space. */
  text: string;
  /**
   * Where the passage is in the source file. For a PDF or Word file, in its extracted text
   * (see `readPdf` and `readDocx`), one paragraph per line with a blank line between paragraphs.
   */
  range: SourceRange;
  /** The page of a PDF the passage starts on, from 1; absent for formats without pages. */
  page?: number;
}

/** A line the cleaner removed from an article before indexing, and why. */
export interface DroppedLine {
  /** Zero-based line in the source file (for a PDF or Word file: in its extracted text, where the line would have been). */
  line: number;
  text: string;
  reason: string;
  /** The PDF page the line was on, from 1. */
  page?: number;
}

/** One article: a whole .txt/.md/.html/.pdf/.docx file, or one line of a .jsonl file. */
export interface Article {
  /** Stable: derived from the source URI (and the line, for .jsonl). */
  id: string;
  /** The source file's URI, as a string (`file:///...`, `vscode-remote://...`). */
  sourceUri: string;
  format: SourceFormat;
  meta: ArticleMetadata;
  passages: Passage[];
  droppedLines: DroppedLine[];
}

/** Why a file was not indexed. Every skip is counted and reported once, never silently lost. */
export type SkipReason =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'unknown-encoding'
  | 'unreadable'
  | 'unsupported-format'
  | 'parse-error'
  /** A PDF that is password-protected. */
  | 'encrypted'
  /** A PDF whose pages are images (a scan): it needs OCR, which Sourcebook does not do. */
  | 'no-text-layer';

/** The result of reading one file. */
export type IngestOutcome =
  | { kind: 'articles'; articles: Article[]; warnings: string[] }
  | { kind: 'skipped'; reason: SkipReason; detail: string };

/** What sort of thing a topic is. */
export type TopicKind = 'person' | 'place' | 'organisation' | 'system' | 'agreement' | 'event' | 'other';

/** One occurrence of a topic in a passage. Offsets are UTF-16 offsets into `Passage.text`. */
export interface Mention {
  passageId: string;
  articleId: string;
  start: number;
  end: number;
  /** The spelling the source used here, e.g. `S400`. */
  surface: string;
}

/** Something a writer looks up: a person, place, organisation, system, agreement, event... */
export interface Topic {
  /** Stable: derived from the normalised canonical name. */
  id: string;
  /** The canonical display name, e.g. `S-400`. */
  name: string;
  kind: TopicKind;
  /** Other names: spellings seen in the sources, expansions, and the writer's aliases. */
  aliases: string[];
  mentions: Mention[];
  /** Distinct articles that mention the topic. */
  articleIds: string[];
  /** Which spellings each article used, keyed by article id. */
  spellingsByArticle: Record<string, string[]>;
}

/** A topic recognised in some text (the writer's draft). Offsets are into that text. */
export interface TopicMatch {
  topic: Topic;
  start: number;
  end: number;
  /**
   * How the text matched: the name or a seen spelling, a normalised variant, a writer's alias, a
   * fuzzy (typo) match, or the Latin transliteration of a name the sources write in another
   * alphabet (`Lavrov` for `Лавров`).
   */
  quality: 'exact' | 'variant' | 'alias' | 'fuzzy' | 'transliterated';
}

/** A piece of text with spans to emphasise; offsets are into `text`. */
export interface HighlightedText {
  text: string;
  highlights: Array<{ start: number; end: number }>;
}

/** One search result. */
export interface SearchHit {
  passageId: string;
  score: number;
  /** The passage trimmed around the best match, with the matched words marked. */
  snippet: HighlightedText;
  /** Found only through the transliteration of a Latin query word (`Putin` -> `Путин`); ranked after every hit found as written. */
  transliterated?: boolean;
}

/** Where the core reports what it skipped or could not do. The VS Code layer writes it to a LogOutputChannel; tests use a null logger. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const nullLogger: Logger = { info() {}, warn() {}, error() {} };

/** A short name for a source: its outlet, else the start of its title in quotes. */
export function sourceLabel(article: Article): string {
  if (article.meta.outlet) return article.meta.outlet;
  const words = article.meta.title.split(/\s+/);
  return words.length <= 5 ? `“${article.meta.title}”` : `“${words.slice(0, 5).join(' ')}…”`;
}
