import { parsePrintedDate } from '../ingest/textMetadata';
import { inertDraftText, removeInvisibleCharacters, type DraftSurroundings } from '../present/draftText';
import type { ExtractedPage, InlineRun, PageBlock } from '../webpage/extractedPage';

/** Where a captured page came from. */
export interface PageSource {
  /** The address the page was read from (after redirects), or the one the writer gave for pasted HTML. */
  url?: string;
  retrieved: Date;
}

/** A captured page as a markdown source file. */
export interface PageMarkdown {
  /** The whole file: YAML front matter, then `# title`, then the article. */
  text: string;
  title: string;
  outlet?: string;
  /** The first paragraph of the article as written to the file (for messages and tests). */
  firstParagraph?: string;
}

/**
 * Writes a captured page as a markdown source: YAML front matter (`title`, `outlet`, `author`,
 * `date`, `url`, `retrieved`, `language`), the title as a heading, then the article's blocks.
 *
 * The file must stay inert whatever the page held: every value in the front matter is a
 * double-quoted YAML string (so `---`, `#`, `&alias` or `!!tag` are text), and every piece of
 * page text goes through `inertDraftText`, which escapes what could start markup where it
 * stands (`<` as `\<`, brackets, emphasis, a line-initial `#`, `>`, `-`, `1.` or `|`), so no
 * HTML, image, link or heading can come alive from the page's words. Links to absolute http(s)
 * addresses are kept as `[text](address)`, with the address percent-encoded so it cannot end
 * early; other links keep only their text; images and other media are not written at all.
 *
 * `outlet` is the site's own name, else the host name of the address; `date` is written only
 * when the page states a calendar date.
 */
export function pageMarkdown(page: ExtractedPage, source: PageSource): PageMarkdown {
  const meta = page.metadata;
  const host = hostOf(source.url);
  const firstHeading = page.blocks.find((block) => block.kind === 'heading');
  const title = oneLine(meta.title) || (firstHeading && firstHeading.kind === 'heading' ? oneLine(firstHeading.runs.map((run) => run.text).join('')) : '') || host || 'Untitled page';
  const outlet = oneLine(meta.siteName) || host;
  const date = meta.published ? parsePrintedDate(meta.published) : undefined;
  const frontMatter: Array<[string, string | undefined]> = [
    ['title', title],
    ['outlet', outlet],
    ['author', oneLine(meta.author)],
    ['date', date],
    ['url', source.url],
    ['retrieved', source.retrieved.toISOString().replace(/\.\d{3}Z$/, 'Z')],
    ['language', oneLine(meta.language)],
  ];
  const lines = ['---', ...frontMatter.filter(([, value]) => value).map(([key, value]) => `${key}: ${yamlString(value!)}`), '---', '', `# ${inline([{ text: title }], '# ')}`];
  let firstParagraph: string | undefined;
  let previous: PageBlock | undefined;
  for (const [index, block] of page.blocks.entries()) {
    // A title taken from the first heading is the file's heading already.
    if (index === 0 && block.kind === 'heading' && oneLine(block.runs.map((run) => run.text).join('')).toLowerCase() === title.toLowerCase()) continue;
    const rendered = renderBlock(block);
    if (!rendered) continue;
    // List items of one list follow each other; every other block is a paragraph of its own.
    const sameList = previous?.kind === 'listItem' && block.kind === 'listItem' && previous.quoteDepth === block.quoteDepth;
    if (!sameList) lines.push('');
    lines.push(rendered);
    if (!firstParagraph && block.kind === 'paragraph') firstParagraph = rendered;
    previous = block;
  }
  return { text: `${lines.join('\n')}\n`, title, outlet, firstParagraph };
}

function renderBlock(block: PageBlock): string {
  const quote = '> '.repeat(block.quoteDepth);
  switch (block.kind) {
    case 'heading': {
      // The page's title is the file's only top-level heading.
      const marker = `${'#'.repeat(Math.min(6, Math.max(2, block.level)))} `;
      return `${quote}${marker}${inline(block.runs, quote + marker)}`;
    }
    case 'paragraph':
      return `${quote}${inline(block.runs, quote, quote)}`;
    case 'listItem': {
      const indent = '    '.repeat(Math.min(block.depth, 8));
      const marker = block.ordered ? `${block.number}. ` : '- ';
      return `${quote}${indent}${marker}${inline(block.runs, quote + indent + marker, quote + indent + ' '.repeat(marker.length))}`;
    }
    case 'code': {
      const text = removeInvisibleCharacters(block.text).replace(/\r\n?|[\u2028\u2029]/g, '\n');
      if (!text.trim()) return '';
      // A fence longer than any run of backticks inside cannot be closed by the page's text.
      const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
      const fence = '`'.repeat(Math.max(3, longestRun + 1));
      return [fence, ...text.split('\n'), fence].map((line) => `${quote}${line}`).join('\n');
    }
  }
}

/**
 * Inline runs as one markdown line (more lines where the page had `<br>`), every piece of text
 * made inert for the place it lands. `prefix` is what stands before the text on its first line,
 * `continuation` what starts each further line; without one (a heading) line breaks are spaces.
 */
function inline(runs: InlineRun[], prefix: string, continuation?: string): string {
  const lines: string[] = [];
  let line = '';
  const pieces = runs.flatMap((run) => (continuation === undefined ? [{ ...run, text: run.text.replace(/\n/g, ' ') }] : splitLines(run)));
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index];
    if (piece === '\n') {
      if (line.trim()) lines.push(line.trim());
      line = '';
      continue;
    }
    const before = (lines.length === 0 ? prefix : continuation ?? '') + line;
    const nextPiece = pieces[index + 1];
    const after = nextPiece === undefined || nextPiece === '\n' ? '' : nextPiece.href ? '[' : nextPiece.text;
    const text = piece.text.replace(/\s+/g, ' ');
    const core = text.trim();
    const lead = text.startsWith(' ') && line && !line.endsWith(' ') ? ' ' : '';
    const trail = text.endsWith(' ') && core ? ' ' : '';
    if (!core) {
      if (text && line && !line.endsWith(' ')) line += ' ';
      continue;
    }
    if (piece.href) {
      const label = inertText(core, { before: `${before}${lead}[`, after: ']' });
      line += `${lead}[${label}](${linkDestination(piece.href)})${trail}`;
    } else {
      line += `${lead}${inertText(core, { before: before + lead, after: trail ? ` ${after}` : after })}${trail}`;
    }
  }
  if (line.trim()) lines.push(line.trim());
  return lines.join(`\n${continuation ?? ''}`);
}

/**
 * `inertDraftText`, with its two character references turned into backslash escapes: `&lt;` and
 * `&amp;` would stay in the passages Sourcebook reads back from the file (its markdown reader
 * keeps text verbatim and removes only backslash escapes), while `\<` and `\&` are plain `<` and
 * `&` to every CommonMark reader, and start no tag or reference. Every `&` of the page's own text
 * was already `&amp;` where it could start a reference, so each reference here is one of ours.
 */
function inertText(text: string, around: DraftSurroundings): string {
  return inertDraftText(text, 'markdown', around).replace(/&(amp|lt);/g, (_reference, name: string) => (name === 'lt' ? '\\<' : '\\&'));
}

type Piece = '\n' | InlineRun;

function splitLines(run: InlineRun): Piece[] {
  if (run.href) return [{ text: run.text.replace(/\n/g, ' '), href: run.href }];
  const parts = run.text.split('\n');
  return parts.flatMap((part, index): Piece[] => (index === 0 ? [{ text: part }] : ['\n', { text: part }]));
}

/** An http(s) address as a link destination: characters that could end it or start markup are percent-encoded. */
function linkDestination(href: string): string {
  return href.replace(/[\s()<>"'\\[\]`]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A YAML double-quoted scalar: JSON's string syntax is a subset of it. */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

function oneLine(value: string | undefined): string {
  return removeInvisibleCharacters(value ?? '').replace(/\s+/g, ' ').trim();
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}
