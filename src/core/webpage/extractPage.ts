import * as l10n from '@vscode/l10n';
import type { ExtractedPage, InlineRun, PageBlock, PageExtraction, PageMetadata } from './extractedPage';

/**
 * The DOM and the readability library `extractPage` works with, passed in so that this file
 * stays small: the engine's thread loads them (linkedom and @mozilla/readability, in
 * `dist/readability.js`) only when the first page is captured. Neither runs scripts nor fetches
 * anything: a `<script>` is a node like any other, an `<img>` an element with an attribute.
 */
export interface PageReaderLibraries {
  parseHTML(html: string): { document: Document };
  Readability: new (document: Document, options: ReadabilityOptions) => { parse(): ReadabilityResult | null };
}

interface ReadabilityOptions {
  maxElemsToParse?: number;
  serializer?: (node: Node) => unknown;
  charThreshold?: number;
}

interface ReadabilityResult {
  title?: string | null;
  content?: unknown;
  byline?: string | null;
  siteName?: string | null;
  lang?: string | null;
  publishedTime?: string | null;
}

/** Caps on a page's reading, so that a hostile or enormous page ends in a message, not a stall. */
export interface ExtractLimits {
  /** HTML longer than this (in UTF-16 units) is not parsed. */
  maxHtmlChars: number;
  /** Readability gives up on a document with more elements than this. */
  maxElements: number;
  /** The article stops after this many blocks or characters (the page is marked truncated). */
  maxBlocks: number;
  maxTextChars: number;
  /** Elements nested deeper than this are read as plain text (Readability's time grows with the cube of the nesting). */
  maxDepth: number;
}

/** Less text than this is a menu or an error page, not an article. */
const minArticleChars = 40;

export const defaultExtractLimits: ExtractLimits = {
  maxHtmlChars: 12 * 1024 * 1024,
  maxElements: 150_000,
  maxBlocks: 20_000,
  maxTextChars: 3 * 1024 * 1024,
  maxDepth: 60,
};

/** Elements whose content is never text of the article (media are counted as dropped). */
const skippedElements = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'canvas', 'svg', 'math', 'head', 'title', 'meta', 'link', 'base', 'input', 'button', 'select', 'textarea', 'option', 'form', 'dialog', 'map', 'area', 'param', 'track']);
const mediaElements = new Set(['img', 'picture', 'video', 'audio', 'source', 'image']);
/** Elements that end the text before them and start a block of their own. */
const containerElements = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'figure', 'figcaption', 'address', 'details', 'summary', 'center', 'fieldset', 'hgroup', 'dl', 'dd', 'dt', 'body', 'html', 'caption', 'thead', 'tbody', 'tfoot']);
const headingElements: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/**
 * Reads a page's HTML into its article: `Readability` (Firefox's reader view) picks the main
 * content and drops navigation, teasers, share bars and footers; its metadata comes from the
 * page's meta tags and JSON-LD. The content is then walked into blocks (headings, paragraphs,
 * list items, block quotes, preformatted text, table rows as `cell | cell`). Links keep their
 * text, and their address when it is absolute http(s) (resolved against `pageUrl`); images and
 * other media are dropped. Never throws: a page that cannot be read gives its reason.
 */
export function extractPage(html: string, pageUrl: string | undefined, libraries: PageReaderLibraries, limits: ExtractLimits = defaultExtractLimits): PageExtraction {
  if (html.length > limits.maxHtmlChars) {
    return { ok: false, reason: 'too-large', detail: l10n.t('the page\'s HTML is {0} MB, over the {1} MB that are read', Math.ceil(html.length / 1048576), Math.floor(limits.maxHtmlChars / 1048576)) };
  }
  let content: unknown;
  let result: ReadabilityResult | null;
  let language: string | undefined;
  try {
    // A fragment (HTML copied to the clipboard) gets the document around it that a browser would give it.
    const { document } = libraries.parseHTML(/<(html|body)[\s>]/i.test(html.slice(0, 4096)) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
    language = document.documentElement?.getAttribute?.('lang') ?? undefined;
    const elements = flattenDeepNesting(document, limits.maxDepth);
    if (elements > limits.maxElements) return { ok: false, reason: 'too-large', detail: l10n.t('the page has more than {0} elements', limits.maxElements.toLocaleString('en')) };
    result = new libraries.Readability(document, { maxElemsToParse: limits.maxElements, serializer: (node) => node }).parse();
    content = result?.content;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/Aborting parsing document/i.test(message)) return { ok: false, reason: 'too-large', detail: l10n.t('the page has more than {0} elements', limits.maxElements.toLocaleString('en')) };
    return { ok: false, reason: 'parse-error', detail: message };
  }
  if (!result || !isNode(content)) return { ok: false, reason: 'no-article', detail: l10n.t('no article text was found on the page') };
  if ((content.textContent ?? '').replace(/\s+/g, ' ').trim().length < minArticleChars) return { ok: false, reason: 'no-article', detail: l10n.t('no article text was found on the page') };
  const walker = new BlockWalker(baseUrl(pageUrl), limits);
  walker.walkBlock(content, { quoteDepth: 0 }, 0);
  walker.flush();
  const metadata = metadataOf(result, language);
  const blocks = tidyBlocks(walker.blocks, metadata);
  if (blocks.length === 0) return { ok: false, reason: 'no-article', detail: l10n.t('no article text was found on the page') };
  const page: ExtractedPage = {
    metadata,
    blocks,
    droppedMedia: walker.droppedMedia,
    truncated: walker.truncated,
  };
  return { ok: true, page };
}

/**
 * Replaces every element nested deeper than `maxDepth` by its text. Readability scores each
 * element against its ancestors and cleans each against its descendants: on 800 nested
 * `<div>`s it took 3.5 s, on 3,000 minutes. Real articles sit 10 to 30 elements deep. Returns
 * how many elements the page has (Readability's own count does not work over linkedom).
 */
function flattenDeepNesting(document: Document, maxDepth: number): number {
  const root = document.documentElement;
  if (!root) return 0;
  let elements = 1;
  const stack: Array<{ element: Element; depth: number }> = [{ element: root, depth: 0 }];
  while (stack.length > 0) {
    const { element, depth } = stack.pop()!;
    for (let child = element.firstElementChild; child; ) {
      const next = child.nextElementSibling;
      elements++;
      if (depth + 1 >= maxDepth) {
        child.replaceWith(document.createTextNode(` ${child.textContent ?? ''} `));
      } else {
        stack.push({ element: child, depth: depth + 1 });
      }
      child = next;
    }
  }
  return elements;
}

/**
 * What Readability leaves that is not the article's text: a heading with nothing under it (a
 * newsletter box's "Sign up", an emptied "Related" box), the headline again (the file has the
 * title as its heading), and the byline printed as a paragraph (it is in the metadata).
 */
function tidyBlocks(blocks: PageBlock[], metadata: PageMetadata): PageBlock[] {
  const textOf = (block: PageBlock) => (block.kind === 'code' ? block.text : block.runs.map((run) => run.text).join('')).replace(/\s+/g, ' ').trim().toLowerCase();
  const title = metadata.title?.toLowerCase();
  const author = metadata.author?.toLowerCase();
  return blocks.filter((block, index) => {
    if (block.kind === 'heading') {
      if (index === 0 && title && textOf(block) === title) return false;
      const next = blocks.slice(index + 1).find((candidate) => candidate.kind !== 'heading' || candidate.level <= block.level);
      return next !== undefined && next.kind !== 'heading';
    }
    if (index < 3 && block.kind === 'paragraph' && author) {
      const text = textOf(block).replace(/^by[:\s]+/, '');
      if (text === author) return false;
    }
    return true;
  });
}

function metadataOf(result: ReadabilityResult, documentLanguage: string | undefined): PageMetadata {
  const metadata: PageMetadata = {};
  const set = (field: keyof PageMetadata, value: string | null | undefined, maxLength: number) => {
    const text = (value ?? '').replace(/\s+/g, ' ').trim();
    if (text) metadata[field] = text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
  };
  set('title', result.title, 300);
  set('siteName', result.siteName, 120);
  set('author', (result.byline ?? '').replace(/^\s*by[:\s]+/i, ''), 200);
  set('published', result.publishedTime, 80);
  set('language', result.lang ?? documentLanguage, 35);
  return metadata;
}

interface BlockContext {
  quoteDepth: number;
  list?: { ordered: boolean; depth: number; next: number };
}

type OpenBlock = { kind: 'paragraph' } | { kind: 'heading'; level: number } | { kind: 'listItem'; ordered: boolean; number: number; depth: number };

/** Walks the article's DOM into blocks; text between block elements becomes a paragraph of its own. */
class BlockWalker {
  readonly blocks: PageBlock[] = [];
  droppedMedia = 0;
  truncated = false;
  private runs: InlineRun[] = [];
  private open: OpenBlock = { kind: 'paragraph' };
  private quoteDepth = 0;
  private textChars = 0;

  constructor(private readonly base: URL | undefined, private readonly limits: ExtractLimits) {}

  private get full(): boolean {
    if (!this.truncated && (this.blocks.length >= this.limits.maxBlocks || this.textChars >= this.limits.maxTextChars)) this.truncated = true;
    return this.truncated;
  }

  /** Ends the block being written (if it has any text) and starts `next` at `quoteDepth`. */
  flush(next: OpenBlock = { kind: 'paragraph' }, quoteDepth = this.quoteDepth): void {
    const runs = mergeRuns(this.runs);
    if (runs.length > 0 && !this.full) {
      this.textChars += runs.reduce((sum, run) => sum + run.text.length, 0);
      const open = this.open;
      if (open.kind === 'heading') this.blocks.push({ kind: 'heading', level: open.level, runs, quoteDepth: this.quoteDepth });
      else if (open.kind === 'listItem') this.blocks.push({ kind: 'listItem', ordered: open.ordered, number: open.number, depth: open.depth, runs, quoteDepth: this.quoteDepth });
      else this.blocks.push({ kind: 'paragraph', runs, quoteDepth: this.quoteDepth });
    }
    this.runs = [];
    this.open = next;
    this.quoteDepth = quoteDepth;
  }

  walkBlock(node: Node, context: BlockContext, depth: number): void {
    for (let child = node.firstChild; child && !this.full; child = child.nextSibling) this.walkNode(child, context, depth + 1);
  }

  private walkNode(node: Node, context: BlockContext, depth: number): void {
    const element = this.elementToWalk(node);
    if (!element) return;
    const tag = element.tagName.toLowerCase();
    if (depth > this.limits.maxDepth) {
      this.addText(` ${element.textContent ?? ''} `);
      return;
    }
    const level = headingElements[tag];
    if (level !== undefined) {
      this.flush({ kind: 'heading', level }, context.quoteDepth);
      this.walkInline(element, depth);
      this.flush({ kind: 'paragraph' }, context.quoteDepth);
      return;
    }
    switch (tag) {
      case 'br':
        this.runs.push({ text: '\n' });
        return;
      case 'hr':
        this.flush({ kind: 'paragraph' }, context.quoteDepth);
        return;
      case 'a':
        this.addLink(element);
        return;
      case 'pre':
        this.flush({ kind: 'paragraph' }, context.quoteDepth);
        this.addCode(element, context.quoteDepth);
        return;
      case 'blockquote':
        this.flush({ kind: 'paragraph' }, context.quoteDepth + 1);
        this.walkBlock(element, { quoteDepth: context.quoteDepth + 1 }, depth);
        this.flush({ kind: 'paragraph' }, context.quoteDepth);
        return;
      case 'ul':
      case 'ol': {
        const start = Number.parseInt(element.getAttribute('start') ?? '1', 10);
        const list = { ordered: tag === 'ol', depth: context.list ? context.list.depth + 1 : 0, next: Number.isFinite(start) && start >= 0 && start < 1e9 ? start : 1 };
        this.flush({ kind: 'paragraph' }, context.quoteDepth);
        this.walkBlock(element, { quoteDepth: context.quoteDepth, list }, depth);
        this.flush({ kind: 'paragraph' }, context.quoteDepth);
        return;
      }
      case 'li': {
        const list = context.list ?? { ordered: false, depth: 0, next: 1 };
        this.flush({ kind: 'listItem', ordered: list.ordered, number: list.next++, depth: list.depth }, context.quoteDepth);
        this.walkListItem(element, { quoteDepth: context.quoteDepth, list }, depth);
        this.flush({ kind: 'paragraph' }, context.quoteDepth);
        return;
      }
      case 'table':
        this.flush({ kind: 'paragraph' }, context.quoteDepth);
        this.addTable(element, depth);
        return;
      case 'p':
        this.flush({ kind: 'paragraph' }, context.quoteDepth);
        this.walkBlock(element, { quoteDepth: context.quoteDepth }, depth);
        this.flush({ kind: 'paragraph' }, context.quoteDepth);
        return;
    }
    if (containerElements.has(tag) || tag === 'tr') {
      this.flush({ kind: 'paragraph' }, context.quoteDepth);
      this.walkBlock(element, { quoteDepth: context.quoteDepth }, depth);
      this.flush({ kind: 'paragraph' }, context.quoteDepth);
      return;
    }
    this.walkBlock(element, context, depth);
  }

  /** A list item's own text stays one item (its paragraphs joined); a nested list follows it. */
  private walkListItem(item: Element, context: BlockContext, depth: number): void {
    for (let child = item.firstChild; child && !this.full; child = child.nextSibling) {
      if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toLowerCase();
        if (tag === 'ul' || tag === 'ol' || tag === 'blockquote' || tag === 'pre' || tag === 'table') {
          this.walkNode(child, context, depth + 1);
          continue;
        }
        if (tag === 'p' || containerElements.has(tag) || headingElements[tag] !== undefined) {
          this.addText(' ');
          this.walkInline(child as Element, depth + 1);
          this.addText(' ');
          continue;
        }
      }
      this.walkInline(child, depth + 1);
    }
  }

  /**
   * What block and inline walks do alike with a node: text is added, media counted and
   * dropped, skipped and hidden elements (`hidden`, `aria-hidden="true"`) left out; any other
   * element is returned to be walked.
   */
  private elementToWalk(node: Node): Element | undefined {
    if (node.nodeType === 3) {
      this.addText(node.nodeValue ?? '');
      return undefined;
    }
    if (node.nodeType !== 1) return undefined;
    const element = node as Element;
    const tag = element.tagName.toLowerCase();
    if (mediaElements.has(tag)) {
      this.droppedMedia++;
      return undefined;
    }
    if (skippedElements.has(tag) || element.getAttribute('hidden') !== null || element.getAttribute('aria-hidden') === 'true') return undefined;
    return element;
  }

  /** Everything inside as inline text (links kept, media dropped, line breaks kept). */
  private walkInline(node: Node, depth: number): void {
    const element = this.elementToWalk(node);
    if (!element) return;
    const tag = element.tagName.toLowerCase();
    if (tag === 'br') {
      this.runs.push({ text: '\n' });
      return;
    }
    if (tag === 'a') {
      this.addLink(element);
      return;
    }
    if (depth > this.limits.maxDepth) {
      this.addText(element.textContent ?? '');
      return;
    }
    const blockLike = containerElements.has(tag) || tag === 'p' || tag === 'li' || tag === 'tr' || headingElements[tag] !== undefined;
    if (blockLike) this.addText(' ');
    for (let child = element.firstChild; child; child = child.nextSibling) this.walkInline(child, depth + 1);
    if (blockLike) this.addText(' ');
  }

  private addText(text: string): void {
    if (text) this.runs.push({ text: text.replace(/[ \t\n\r\f]+/g, ' ') });
  }

  private addLink(element: Element): void {
    const text = inlineText(element, this).replace(/[ \t\n\r\f]+/g, ' ');
    if (!text.trim()) return;
    const href = absoluteHttpUrl(element.getAttribute('href'), this.base);
    this.runs.push(href ? { text, href } : { text });
  }

  private addCode(element: Element, quoteDepth: number): void {
    const text = (element.textContent ?? '').replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '');
    if (!text || this.full) return;
    this.textChars += text.length;
    this.blocks.push({ kind: 'code', text, quoteDepth });
  }

  /** Each row a paragraph of its own, cells joined by ` | `. */
  private addTable(table: Element, depth: number): void {
    for (const row of Array.from(table.getElementsByTagName('tr'))) {
      if (this.full) return;
      const cells = Array.from(row.children)
        .filter((cell) => /^t[dh]$/i.test(cell.tagName))
        .map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())
        .filter(Boolean);
      if (cells.length === 0) continue;
      this.flush({ kind: 'paragraph' }, this.quoteDepth);
      this.runs.push({ text: cells.join(' | ') });
      this.flush({ kind: 'paragraph' }, this.quoteDepth);
    }
    void depth;
  }
}

/** A link's text: its text nodes, media left out (and counted). */
function inlineText(element: Element, walker: BlockWalker): string {
  let text = '';
  const stack: Node[] = [element];
  let visited = 0;
  while (stack.length > 0 && visited++ < 10_000) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      text += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = (node as Element).tagName.toLowerCase();
    if (mediaElements.has(tag)) {
      walker.droppedMedia++;
      continue;
    }
    if (skippedElements.has(tag)) continue;
    if (tag === 'br') text += ' ';
    const children: Node[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
  return text;
}

/** Adjacent runs without a link are one run; runs of nothing but spaces at the ends are dropped. */
function mergeRuns(runs: InlineRun[]): InlineRun[] {
  const merged: InlineRun[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && !last.href && !run.href) last.text += run.text;
    else merged.push({ ...run });
  }
  while (merged.length > 0 && !merged[0].href && !merged[0].text.trim()) merged.shift();
  while (merged.length > 0 && !merged[merged.length - 1].href && !merged[merged.length - 1].text.trim()) merged.pop();
  return merged.some((run) => run.text.trim()) ? merged : [];
}

function baseUrl(pageUrl: string | undefined): URL | undefined {
  if (!pageUrl) return undefined;
  try {
    const url = new URL(pageUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The link's address when it resolves to http(s) without credentials; `javascript:`, `data:`, `mailto:`, `#fragment` and the like give none. */
export function absoluteHttpUrl(href: string | null, base: URL | undefined): string | undefined {
  const trimmed = href?.trim();
  if (!trimmed || trimmed.startsWith('#') || trimmed.length > 2000) return undefined;
  try {
    const url = new URL(trimmed, base);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).nodeType === 'number';
}
