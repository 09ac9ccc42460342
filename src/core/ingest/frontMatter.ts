import { FAILSAFE_SCHEMA, load } from 'js-yaml';
import type { ArticleMetadata } from '../model';
import type { LineIndex } from './lineIndex';
import { setMetadataField } from './textMetadata';

/** YAML front matter read from the top of a markdown file. */
export interface FrontMatter {
  /** The metadata fields it gives (unknown keys are ignored). */
  metadata: Partial<ArticleMetadata>;
  /** The first line after the closing `---`. */
  bodyLine: number;
  /** Why the front matter was ignored, if it was. */
  problem?: string;
}

/** Front matter longer than this is not metadata; it is left out rather than parsed. */
const maxFrontMatterChars = 64 * 1024;

/** Keys (lower case) that name a metadata field. A Map, so `constructor` or `__proto__` name nothing. */
const aliases = new Map<string, keyof ArticleMetadata>(Object.entries({
  title: 'title', headline: 'title',
  outlet: 'outlet', source: 'outlet', publication: 'outlet', publisher: 'outlet', site: 'outlet', site_name: 'outlet',
  author: 'author', authors: 'author', byline: 'author',
  date: 'date', published: 'date', published_at: 'date', publishdate: 'date', pubdate: 'date',
  url: 'url', link: 'url', canonical: 'url', source_url: 'url',
  language: 'language', lang: 'language', locale: 'language',
} as const));

/** A line of a YAML mapping: `title: ...`, `"date":`, an indented continuation, a `- item`, a comment. */
const yamlLine = /^(?:[\p{L}\p{N}_$@.-][^:#]{0,200}:(?:\s|$)|"[^"]{1,200}":|'[^']{1,200}':|\s+\S|-\s|#)/u;

/** How many lines past the size cap must read as YAML before a later `---` is taken to close front matter. */
const yamlLinesPastCap = 5;

/**
 * Reads `---` delimited YAML front matter with the failsafe schema (every value a string,
 * no custom types, no aliases), so a hostile file can neither run code nor blow up memory.
 * A date must parse to a calendar date and a URL must be http(s); other values are trimmed text.
 * Front matter over the size cap is not read, and not indexed as prose either: the body
 * starts after its closing `---`, and the reason is reported.
 */
export function readFrontMatter(index: LineIndex): FrontMatter | undefined {
  if (index.lineCount < 2 || index.lineText(0).trim() !== '---') {
    return undefined;
  }
  const closing = closingLine(index);
  if (closing === undefined) {
    return undefined;
  }
  const yaml = index.text.slice(index.lineStart(1), index.lineStart(closing));
  if (yaml.length > maxFrontMatterChars) {
    return {
      metadata: {},
      bodyLine: closing + 1,
      problem: `The front matter (lines 1-${closing + 1}, ${Math.ceil(yaml.length / 1024)} KB) is over the ${maxFrontMatterChars / 1024} KB limit; it was not read, and is not indexed.`,
    };
  }
  let data: unknown;
  try {
    data = load(yaml, { schema: FAILSAFE_SCHEMA, maxAliases: 0, maxDepth: 10 });
  } catch (error) {
    return { metadata: {}, bodyLine: closing + 1, problem: `The front matter is not valid YAML: ${firstLine(error)}` };
  }
  return { metadata: metadataFrom(data), bodyLine: closing + 1 };
}

/**
 * The line that closes the front matter. Within the size cap any `---` or `...` line closes it;
 * past the cap, the block must start like YAML (`key:`) for a later `---` to count, so a
 * thematic break above an ordinary essay does not swallow it.
 */
function closingLine(index: LineIndex): number | undefined {
  const contentStart = index.lineStart(1);
  let yamlLines = 0;
  let startsLikeYaml = true;
  for (let line = 1; line < index.lineCount; line++) {
    const text = index.lineText(line);
    if (text.trim() === '---' || text.trim() === '...') {
      return line;
    }
    if (startsLikeYaml && yamlLines < yamlLinesPastCap && text.trim().length > 0) {
      startsLikeYaml = yamlLine.test(text.slice(0, 400));
      yamlLines++;
    }
    if (!startsLikeYaml && index.lineStart(line) - contentStart > maxFrontMatterChars) {
      return undefined;
    }
  }
  return undefined;
}

function metadataFrom(data: unknown): Partial<ArticleMetadata> {
  const metadata: Partial<ArticleMetadata> = {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return metadata;
  }
  for (const [key, value] of Object.entries(data)) {
    const field = aliases.get(key.toLowerCase());
    if (!field || metadata[field] !== undefined) {
      continue;
    }
    const text = textOf(value);
    if (!text) {
      continue;
    }
    setMetadataField(metadata, field, text);
  }
  return metadata;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const text = value.replace(/\s+/g, ' ').trim();
    return text.length > 0 && text.length <= 500 ? text : undefined;
  }
  if (Array.isArray(value)) {
    const parts = value.filter((item): item is string => typeof item === 'string').map((item) => item.trim()).filter(Boolean);
    return parts.length > 0 ? textOf(parts.join(', ')) : undefined;
  }
  return undefined;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
