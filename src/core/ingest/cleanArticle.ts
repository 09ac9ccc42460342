import type { DroppedLine } from '../model';
import { boilerplateReason } from './boilerplate';
import { isBlank, ProseLine } from './proseLines';
import { DateStampKind, parseAgencyDateline, parseBylineLine, parseDateStampLine } from './textMetadata';

/** What the cleaner decided about an article's lines, and what the text itself says about the article. */
export interface CleanedArticle {
  /** The title the text gives, when no title was known beforehand. */
  title?: string;
  /** Index (into the lines) of the line used as the title, which is therefore not a passage. */
  titleIndex?: number;
  /** Indexes of lines removed as cruft, with the reason. */
  dropped: Map<number, string>;
  /** Metadata the text states: a byline, an agency dateline, a publication stamp. */
  found: { author?: string; outlet?: string; date?: string };
}

/**
 * What the first line of an article is when nothing else names the title: in pasted text
 * ('headline') it is the headline, not a passage, unless it reads as a sentence; in markdown
 * and HTML ('paragraph'), where a headline would be marked up as one, it stays a passage.
 */
export type TitleLinePolicy = 'headline' | 'paragraph';

/** How far into an article the header (title, byline, stamps, captions) can reach. */
const headerReach = 15;
const maxTitleChars = 200;

/** Repeats worth dropping are captions and teasers; comparing long paragraphs costs more than it finds. */
const maxRepeatedLineChars = 400;

/**
 * Decides which lines of an article are cruft, which line is its title, and what metadata
 * the text states. Precision comes first: a line is dropped only when a rule recognises it
 * as a whole (see `boilerplateReason`) or by its place in the page (a breadcrumb above the
 * headline, other headlines between them, a byline under it, a trailing tag list).
 */
export function cleanArticle(lines: ProseLine[], knownTitle?: string, titleLine: TitleLinePolicy = 'headline'): CleanedArticle {
  const dropped = new Map<number, string>();
  const found: CleanedArticle['found'] = {};
  const stamps: Array<{ index: number; kind: DateStampKind; date: string }> = [];
  const content = lines.map((line, index) => ({ line, index })).filter(({ line }) => !isBlank(line));

  for (const { line, index } of content) {
    const stamp = parseDateStampLine(line.text);
    if (stamp) {
      stamps.push({ index, ...stamp });
      dropped.set(index, `${stamp.kind} stamp`);
      continue;
    }
    const reason = boilerplateReason(line.text);
    if (reason) {
      dropped.set(index, reason);
    }
  }

  const title = findTitle(content, dropped, knownTitle, titleLine);
  const headerEnd = findHeaderEnd(content, dropped, title.titleIndex);
  let afterBylineOrStamp = false;
  for (let position = 0; position < headerEnd; position++) {
    const { line, index } = content[position];
    if (index === title.titleIndex) {
      continue;
    }
    if (dropped.has(index)) {
      afterBylineOrStamp = afterBylineOrStamp || dropped.get(index) === 'byline' || /stamp$/.test(dropped.get(index)!);
      continue;
    }
    const byline = parseBylineLine(line.text);
    if (byline) {
      dropped.set(index, 'byline');
      if (found[byline.kind] === undefined) {
        found[byline.kind] = byline.name;
      }
      afterBylineOrStamp = true;
      continue;
    }
    if (afterBylineOrStamp && isPlaceName(line.text)) {
      dropped.set(index, 'dateline');
    }
    afterBylineOrStamp = false;
  }

  const firstBody = content.slice(headerEnd).find(({ index }) => !dropped.has(index));
  if (firstBody && found.outlet === undefined) {
    const agency = parseAgencyDateline(firstBody.line.text);
    if (agency) {
      found.outlet = agency;
    }
  }

  markTrailingTagList(content, dropped);
  markRepeatedLines(content, dropped, title.titleIndex);

  const headerStamp = stamps.find((stamp) => stamp.index <= (content[headerEnd]?.index ?? Infinity));
  const chosen = headerStamp ?? stamps.find((stamp) => stamp.kind === 'published') ?? stamps[0];
  if (chosen) {
    found.date = chosen.date;
  }
  return { ...title, dropped, found };
}

type ContentLine = { line: ProseLine; index: number };

function findTitle(content: ContentLine[], dropped: Map<number, string>, knownTitle: string | undefined, policy: TitleLinePolicy): { title?: string; titleIndex?: number } {
  const head = content.slice(0, headerReach);
  if (head.length === 0) {
    return {};
  }
  const breadcrumbTitle = titleAfterBreadcrumb(head, dropped);
  if (knownTitle !== undefined) {
    const wanted = normalise(knownTitle);
    const match = head.find(({ line, index }) => !dropped.has(index) && normalise(line.text) === wanted);
    return { titleIndex: match?.index };
  }
  if (breadcrumbTitle) {
    return breadcrumbTitle;
  }
  const candidate = head.find(({ index }) => !dropped.has(index));
  if (!candidate) {
    return {};
  }
  const text = candidate.line.text.trim();
  if (text.length > maxTitleChars || policy === 'paragraph') {
    return { title: boundedTitle(text) };
  }
  return /[.。]["'”’)]?$/.test(text) ? { title: text } : { title: text, titleIndex: candidate.index };
}

/**
 * A page pasted from the top starts with its breadcrumb, which ends with the headline:
 * "Home » News » India » India Does Balancing Act ...", or without separators "Home Politics
 * What signal did ...?". The headline repeated below it is the title; headlines of other
 * articles between the two are dropped.
 */
function titleAfterBreadcrumb(head: ContentLine[], dropped: Map<number, string>): { title?: string; titleIndex?: number } | undefined {
  const first = head[0];
  const firstText = first.line.text.trim();
  const separated = dropped.get(first.index) === 'breadcrumb';
  if (!separated && !/^home\s+\S/i.test(firstText)) {
    return undefined;
  }
  for (let position = 1; position < head.length; position++) {
    const candidate = head[position];
    const candidateText = normalise(candidate.line.text);
    if (candidateText.length < 10 || !normalise(firstText).endsWith(candidateText)) {
      continue;
    }
    const sections = firstText.slice(0, firstText.length - candidate.line.text.trim().length).replace(/[»›>|/]/g, ' ').trim().split(/\s+/);
    if (!separated && sections.length > 4) {
      return undefined;
    }
    dropped.set(first.index, 'breadcrumb');
    for (const between of head.slice(1, position)) {
      if (!dropped.has(between.index) && isHeadlineLike(between.line.text)) {
        dropped.set(between.index, 'headline of another article');
      }
    }
    return { title: candidate.line.text.trim(), titleIndex: candidate.index };
  }
  return undefined;
}

/** The header ends at the first line that reads like body text. */
function findHeaderEnd(content: ContentLine[], dropped: Map<number, string>, titleIndex?: number): number {
  const reach = Math.min(content.length, headerReach);
  for (let position = 0; position < reach; position++) {
    const { line, index } = content[position];
    if (index === titleIndex || dropped.has(index)) {
      continue;
    }
    const words = wordCount(line.text, 20);
    if ((words >= 8 && /[.!?…"”’)]\s*$/.test(line.text)) || words >= 20) {
      return position;
    }
  }
  return reach;
}

function markTrailingTagList(content: ContentLine[], dropped: Map<number, string>): void {
  const tags: number[] = [];
  for (let position = content.length - 1; position >= 0; position--) {
    const { line, index } = content[position];
    if (dropped.has(index)) {
      continue;
    }
    if (/^\s*[•·▪‣◦]\s*\S/.test(line.text) && wordCount(line.text, 6) <= 5 && !/[.!?]\s*$/.test(line.text)) {
      tags.push(index);
      continue;
    }
    break;
  }
  if (tags.length >= 2) {
    for (const index of tags) {
      dropped.set(index, 'tag list');
    }
  }
}

function markRepeatedLines(content: ContentLine[], dropped: Map<number, string>, titleIndex?: number): void {
  const seen = new Set<string>();
  for (const { line, index } of content) {
    if (line.text.length < 20 || line.text.length > maxRepeatedLineChars || index === titleIndex) {
      continue;
    }
    const text = normalise(line.text);
    if (seen.has(text) && !dropped.has(index)) {
      dropped.set(index, 'repeated line');
    }
    seen.add(text);
  }
}

function isHeadlineLike(text: string): boolean {
  const words = wordCount(text, 26);
  return words >= 3 && words <= 25 && !/[.:;,]\s*$/.test(text);
}

/** Words in `text`, counting no further than `limit`, so a 5 MB line costs no more than a short one. */
function wordCount(text: string, limit: number): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length && words < limit; i++) {
    const space = text.charCodeAt(i) <= 32 || /\s/.test(text[i]);
    if (!space && !inWord) {
      words++;
    }
    inWord = !space;
  }
  return words;
}

function isPlaceName(text: string): boolean {
  return /^\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}\s*$/u.test(text);
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A title as long as a paragraph (a 5 MB heading) is cut to its first words, so no title is longer than a passage. */
export function boundedTitle(text: string): string {
  return text.length > maxTitleChars ? shorten(text) : text;
}

function shorten(text: string): string {
  const cut = text.lastIndexOf(' ', 120);
  return `${text.slice(0, cut > 40 ? cut : 120)}…`;
}

/** The dropped lines in source order, as `Article.droppedLines` lists them. */
export function droppedLinesOf(lines: ProseLine[], dropped: Map<number, string>): DroppedLine[] {
  return [...dropped.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, reason]) => ({ line: lines[index].line, text: lines[index].text.trim(), reason }));
}
