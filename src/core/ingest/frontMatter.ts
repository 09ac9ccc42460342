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
const maxFrontMatterLines = 200;
const maxFrontMatterChars = 64 * 1024;

const aliases: Record<string, keyof ArticleMetadata> = {
  title: 'title', headline: 'title',
  outlet: 'outlet', source: 'outlet', publication: 'outlet', publisher: 'outlet', site: 'outlet', site_name: 'outlet',
  author: 'author', authors: 'author', byline: 'author',
  date: 'date', published: 'date', published_at: 'date', publishdate: 'date', pubdate: 'date',
  url: 'url', link: 'url', canonical: 'url', source_url: 'url',
  language: 'language', lang: 'language', locale: 'language',
};

/**
 * Reads `---` delimited YAML front matter with the failsafe schema (every value a string,
 * no custom types, no aliases), so a hostile file can neither run code nor blow up memory.
 * A date must parse to a calendar date and a URL must be http(s); other values are trimmed text.
 */
export function readFrontMatter(index: LineIndex): FrontMatter | undefined {
  if (index.lineCount < 2 || index.lineText(0).trim() !== '---') {
    return undefined;
  }
  let closing = -1;
  for (let line = 1; line < Math.min(index.lineCount, maxFrontMatterLines); line++) {
    const text = index.lineText(line).trim();
    if (text === '---' || text === '...') {
      closing = line;
      break;
    }
  }
  if (closing < 0) {
    return undefined;
  }
  const yaml = index.text.slice(index.lineStart(1), index.lineStart(closing));
  if (yaml.length > maxFrontMatterChars) {
    return { metadata: {}, bodyLine: closing + 1, problem: 'The front matter is too long to read.' };
  }
  let data: unknown;
  try {
    data = load(yaml, { schema: FAILSAFE_SCHEMA, maxAliases: 0, maxDepth: 10 });
  } catch (error) {
    return { metadata: {}, bodyLine: closing + 1, problem: `The front matter is not valid YAML: ${firstLine(error)}` };
  }
  return { metadata: metadataFrom(data), bodyLine: closing + 1 };
}

function metadataFrom(data: unknown): Partial<ArticleMetadata> {
  const metadata: Partial<ArticleMetadata> = {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return metadata;
  }
  for (const [key, value] of Object.entries(data)) {
    const field = aliases[key.toLowerCase()];
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
