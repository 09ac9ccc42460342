import type { ArticleMetadata, DroppedLine } from '../model';
import { DepthCappedParser } from './depthCappedParser';
import type { LineIndex } from './lineIndex';
import type { ProseLine } from './proseLines';
import type { TextPiece } from './textBlock';
import { parsePrintedDate } from './textMetadata';

/** The main text of an HTML page and what its head says about it. */
export interface HtmlProse {
  /** One line per block element of the main text; headings are blank lines. */
  lines: ProseLine[];
  /** From og:title, else `<title>`, else the first `<h1>`. */
  title?: string;
  /** From meta tags: author, article:published_time, og:site_name, og:url / canonical link, `<html lang>` (else Content-Language, og:locale). */
  metadata: Partial<ArticleMetadata>;
  /** Text of the page that is not article text, with the reason: navigation, footers, ads, headings, other articles. Code and the page head are not listed. */
  dropped: DroppedLine[];
  /** True when the page had more blocks of text than were read. */
  truncated: boolean;
  /** Start tags nested deeper than the cap, whose elements were flattened into their ancestor (their text is kept). */
  flattenedTags: number;
}

/** Elements whose content is never article text. */
const skippedElements = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'textarea', 'option', 'label', 'figure', 'figcaption',
  'head', 'dialog', 'menu',
]);

/** Elements that end a line of text. */
const blockElements = new Set([
  'p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'table',
  'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'address', 'hr', 'body', 'html', 'center', 'details', 'summary',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);

/** Skipped elements that also end a line (the inline ones, like an iframe in a sentence, do not). */
const skippedBlocks = new Set(['nav', 'header', 'footer', 'aside', 'form', 'figure', 'figcaption', 'dialog', 'menu', 'head']);

/** Skipped elements whose content is code or page metadata, not text: nothing in them is reported as dropped. */
const markupElements = new Set(['script', 'style', 'template', 'head']);

/** Why the text of a skipped element is not article text, as `DroppedLine.reason` says it. */
const elementReasons = new Map<string, string>([
  ['nav', 'navigation'], ['menu', 'navigation'], ['header', 'page header'], ['footer', 'page footer'], ['aside', 'aside'],
  ['form', 'form'], ['button', 'form'], ['select', 'form'], ['textarea', 'form'], ['option', 'form'], ['label', 'form'],
  ['figure', 'figure'], ['figcaption', 'figure'], ['dialog', 'dialog'],
]);
const roleReasons = new Map<string, string>([
  ['navigation', 'navigation'], ['menu', 'navigation'], ['menubar', 'navigation'], ['toolbar', 'navigation'], ['banner', 'page header'],
  ['contentinfo', 'page footer'], ['complementary', 'aside'], ['search', 'form'], ['dialog', 'dialog'],
]);

/** A skipped element: `reason` says why its text is dropped, and is absent for code and metadata (`<script>`, `<head>`). */
interface Skip {
  reason?: string;
}

/** Page-level elements are never skipped for their class or id ("menu-open" on <body> is state, not cruft). */
const structuralElements = new Set(['html', 'body', 'main', 'article']);

const headingElements = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const skippedRoles = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'menu', 'menubar', 'toolbar']);
const cruftToken = /^(?:ads?|advert|adverts|advertisement|advertising|banner|promo|sponsor|sponsored|social|share|sharing|newsletter|subscribe|subscription|related|recommended|comments?|cookie|cookies|breadcrumbs?|sidebar|menu|nav|navbar|navigation|footer|masthead|popup|modal|outbrain|taboola|paywall|tags|taglist)(?:[-_][\w-]*)?$/i;

interface OpenElement {
  name: string;
  skips?: Skip;
  container?: { kind: 'article' | 'main'; id: number };
  heading: boolean;
  /** A link to another page (an `href` that is not `#` plus an anchor on this page). */
  link: boolean;
}

/**
 * Extracts the main text of an HTML page with htmlparser2, a real streaming parser: the
 * `<article>`s of the page (see `articlesOfThePage`: the largest, and every other one that is
 * not a teaser, in document order), else the largest `<main>`, else the body, is kept; navigation, headers, footers,
 * asides, forms, scripts, styles and elements marked as ads, sharing or related links are
 * dropped, and their text is listed with the reason. Nesting deeper than `maxDepth` is
 * flattened into its ancestor (see `DepthCappedParser`), so 200,000 nested `<div>`s cost no
 * more than their text; a flattened element still ends a line, and a flattened `<nav>` or
 * cookie banner is still skipped. After `maxLines` blocks the rest of the page is parsed but
 * not collected. Piece offsets point into the HTML source.
 */
export function readHtml(index: LineIndex, maxDepth: number, maxLines = Infinity): HtmlProse {
  const text = index.text;
  const stack: OpenElement[] = [];
  /** Elements flattened past the depth cap and not yet closed: their names, and whether each is skipped. */
  const flattened: Array<{ name: string; skips?: Skip }> = [];
  let skipping = 0;
  let markupDepth = 0;
  let droppedReason: string | undefined;
  let droppedPieces: TextPiece[] = [];
  const dropped: DroppedLine[] = [];
  let headingDepth = 0;
  let containerCount = 0;
  const lines: ProseLine[] = [];
  const lineContainers: Array<{ article?: number; main?: number }> = [];
  const containerSizes = new Map<number, number>();
  const articleTexts = new Map<number, ArticleText>();
  let linkDepth = 0;
  let lineLinkChars = 0;
  let lineHasLinkedHeading = false;
  let pieces: TextPiece[] = [];
  let nextStartsParagraph = true;
  let titleText = '';
  let inTitle = false;
  let firstH1: string | undefined;
  let h1Buffer: string | undefined;
  let h1Done = false;
  const meta = new Map<string, string>();
  let canonical: string | undefined;
  let htmlLang: string | undefined;

  const currentContainers = (): { article?: number; main?: number } => {
    const found: { article?: number; main?: number } = {};
    for (const element of stack) {
      if (element.container?.kind === 'article' && found.article === undefined) {
        found.article = element.container.id;
      }
      if (element.container?.kind === 'main' && found.main === undefined) {
        found.main = element.container.id;
      }
    }
    return found;
  };

  const full = (): boolean => lines.length + dropped.length >= maxLines;
  const lineOf = (visible: TextPiece[]): number => {
    const firstVisible = visible.find((piece) => piece.text.trim().length > 0)!;
    return index.lineAt(firstVisible.start + (firstVisible.text.length - firstVisible.text.trimStart().length));
  };

  const flushDropped = (): void => {
    const joined = droppedPieces.map((piece) => piece.text).join('');
    if (joined.trim().length > 0 && droppedReason !== undefined && !full()) {
      dropped.push({ line: lineOf(droppedPieces), text: folded(joined), reason: droppedReason });
    }
    droppedPieces = [];
  };
  const enterSkip = (skip: Skip): void => {
    if (skipping === 0) {
      flushDropped();
      droppedReason = skip.reason;
    }
    skipping++;
    if (skip.reason === undefined) {
      markupDepth++;
    }
  };
  const leaveSkip = (skip: Skip): void => {
    skipping--;
    if (skip.reason === undefined) {
      markupDepth--;
    }
    if (skipping === 0) {
      flushDropped();
      droppedReason = undefined;
    }
  };

  /**
   * Adjacent text nodes of one kind (verbatim text, or decoded entities) become one piece: a
   * run of 5 million `<` or `&amp;` is one object, not 5 million. Verbatim pieces stay exact
   * inside; inside a run of entities offsets are approximate, as `TextPiece` allows.
   */
  let openPiece: { decoded?: string[]; start: number; end: number } | undefined;
  const addText = (data: string, start: number, end: number): void => {
    const verbatim = end - start === data.length;
    if (openPiece && openPiece.end === start && (openPiece.decoded === undefined) === verbatim) {
      openPiece.decoded?.push(data);
      openPiece.end = end;
      return;
    }
    closePiece();
    openPiece = { decoded: verbatim ? undefined : [data], start, end };
  };
  const closePiece = (): void => {
    if (openPiece) {
      const pieceText = openPiece.decoded?.join('') ?? text.slice(openPiece.start, openPiece.end);
      pieces.push({ text: pieceText, start: openPiece.start, end: openPiece.end, gapBefore: '' });
      openPiece = undefined;
    }
  };

  const flush = (startsParagraph: boolean): void => {
    closePiece();
    flushDropped();
    if (full()) {
      pieces = [];
      return;
    }
    const joined = pieces.map((piece) => piece.text).join('');
    if (joined.trim().length > 0) {
      const line = lineOf(pieces);
      const inHeading = headingDepth > 0;
      if (inHeading) {
        dropped.push({ line, text: folded(joined), reason: 'heading' });
      }
      lines.push(inHeading ? { line, text: '', pieces: [] } : { line, text: joined, pieces, startsParagraph: nextStartsParagraph || undefined });
      const containers = currentContainers();
      lineContainers.push(containers);
      for (const id of [containers.article, containers.main]) {
        if (id !== undefined) {
          containerSizes.set(id, (containerSizes.get(id) ?? 0) + joined.length);
        }
      }
      if (containers.article !== undefined) {
        const counted = articleTexts.get(containers.article) ?? { prose: 0, linked: 0, total: 0, linkedHeading: false };
        counted.total += joined.length;
        counted.linked += Math.min(lineLinkChars, joined.length);
        counted.prose += inHeading ? 0 : Math.max(0, joined.length - lineLinkChars);
        counted.linkedHeading ||= lineHasLinkedHeading;
        articleTexts.set(containers.article, counted);
      }
      nextStartsParagraph = false;
    }
    pieces = [];
    lineLinkChars = 0;
    lineHasLinkedHeading = false;
    if (startsParagraph) {
      nextStartsParagraph = true;
    }
  };

  const parser = new DepthCappedParser(
    {
      onflattenedopen(name, attributes) {
        const skips = skipOf(name, attributes);
        if (blockElements.has(name) || skippedBlocks.has(name)) {
          flush(true);
        }
        flattened.push({ name, skips });
        if (skips) {
          enterSkip(skips);
        }
      },
      onflattenedclose() {
        const element = flattened.pop();
        if (element && (blockElements.has(element.name) || skippedBlocks.has(element.name))) {
          flush(true);
        }
        if (element?.skips) {
          leaveSkip(element.skips);
        }
      },
      onopentag(name, attributes) {
        if (name === 'meta') {
          const equiv = attributes['http-equiv'];
          const key = (attributes.property ?? attributes.name ?? attributes.itemprop ?? (equiv ? `http-equiv:${equiv}` : '')).toLowerCase();
          if (key && attributes.content !== undefined && !meta.has(key)) {
            meta.set(key, attributes.content);
          }
        } else if (name === 'link' && /\bcanonical\b/i.test(attributes.rel ?? '') && canonical === undefined) {
          canonical = attributes.href;
        } else if (name === 'html' && attributes.lang && htmlLang === undefined) {
          htmlLang = attributes.lang;
        } else if (name === 'title' && titleText.length === 0 && !stack.some((element) => element.name === 'svg')) {
          inTitle = true;
        }
        if (name === 'br') {
          flush(false);
          return;
        }
        if (voidElements.has(name)) {
          return;
        }
        const skips = skipOf(name, attributes);
        if (blockElements.has(name) || skippedBlocks.has(name)) {
          flush(true);
        }
        const heading = headingElements.has(name);
        const container = name === 'article' || attributes.itemprop === 'articleBody'
          ? { kind: 'article' as const, id: ++containerCount }
          : name === 'main' || attributes.role === 'main'
            ? { kind: 'main' as const, id: ++containerCount }
            : undefined;
        const link = name === 'a' && attributes.href !== undefined && !attributes.href.trim().startsWith('#');
        stack.push({ name, skips, container, heading, link });
        if (skips) {
          enterSkip(skips);
        }
        if (heading) {
          headingDepth++;
        }
        if (link) {
          linkDepth++;
        }
        if (name === 'h1' && !h1Done) {
          h1Buffer = '';
        }
      },
      ontext(data) {
        if (inTitle) {
          titleText += data;
        }
        if (h1Buffer !== undefined) {
          h1Buffer += data;
        }
        if (full() || (stack.length === 0 && data.trim().length === 0)) {
          return;
        }
        if (skipping > 0) {
          if (markupDepth === 0) {
            droppedPieces.push({ text: data, start: parser.startIndex, end: parser.endIndex + 1, gapBefore: '' });
          }
          return;
        }
        addText(data, parser.startIndex, parser.endIndex + 1);
        if (linkDepth > 0) {
          lineLinkChars += data.length;
          lineHasLinkedHeading ||= headingDepth > 0 && data.trim().length > 0;
        }
      },
      onclosetag(name) {
        if (name === 'title') {
          inTitle = false;
        }
        if (voidElements.has(name)) {
          return;
        }
        const element = stack.pop();
        if (!element) {
          return;
        }
        if (blockElements.has(element.name) || skippedBlocks.has(element.name)) {
          flush(true);
        }
        if (element.skips) {
          leaveSkip(element.skips);
        }
        if (element.heading) {
          headingDepth--;
        }
        if (element.link) {
          linkDepth--;
        }
        if (element.name === 'h1' && h1Buffer !== undefined) {
          const candidate = h1Buffer.replace(/\s+/g, ' ').trim();
          h1Buffer = undefined;
          if (candidate.length > 0) {
            firstH1 = candidate;
            h1Done = true;
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
    text,
    maxDepth,
  );
  parser.write(text);
  parser.end();
  flush(true);

  const largestArticle = largestContainer(lineContainers, containerSizes, 'article');
  const keptArticles = largestArticle === undefined ? undefined : articlesOfThePage(largestArticle, articleTexts);
  const chosenMain = largestArticle === undefined ? largestContainer(lineContainers, containerSizes, 'main') : undefined;
  const inChosen = (position: number): boolean => keptArticles
    ? keptArticles.has(lineContainers[position].article!)
    : chosenMain === undefined || lineContainers[position].main === chosenMain;
  const kept = lines.filter((_, position) => inChosen(position));
  lines.forEach((line, position) => {
    if (!inChosen(position) && line.text.trim().length > 0) {
      dropped.push({ line: line.line, text: folded(line.text), reason: 'outside the main article' });
    }
  });
  dropped.sort((a, b) => a.line - b.line);

  const metadata = metadataFromHead(meta, canonical, htmlLang);
  const title = clean(meta.get('og:title')) ?? clean(meta.get('twitter:title')) ?? withoutSiteName(clean(titleText), metadata.outlet) ?? firstH1;
  return { lines: kept, title, metadata, dropped, truncated: full(), flattenedTags: parser.flattenedTags };
}

/** "India receives Putin | Example Wire" is titled "India receives Putin" when the site is Example Wire. */
function withoutSiteName(title: string | undefined, siteName: string | undefined): string | undefined {
  if (!title || !siteName) {
    return title;
  }
  for (const separator of [' | ', ' - ', ' – ', ' — ', ' :: ']) {
    const suffix = `${separator}${siteName}`;
    if (title.endsWith(suffix) && title.length > suffix.length) {
      return title.slice(0, -suffix.length).trim();
    }
  }
  return title;
}

function largestContainer(lineContainers: Array<{ article?: number; main?: number }>, sizes: Map<number, number>, kind: 'article' | 'main'): number | undefined {
  let best: number | undefined;
  for (const containers of lineContainers) {
    const id = containers[kind];
    if (id !== undefined && (best === undefined || (sizes.get(id) ?? 0) > (sizes.get(best) ?? 0))) {
      best = id;
    }
  }
  return best;
}

/** What an outermost `<article>` holds, in characters of its lines: all of it, inside links, and outside headings and links. */
interface ArticleText {
  total: number;
  linked: number;
  prose: number;
  /** A heading of the article is (or is inside) a link: the headline points to another page. */
  linkedHeading: boolean;
}

/** Prose of its own that makes an article a post rather than a one-line teaser, when it is not comparable to the largest. */
const minimumPostProse = 50;
/** An article with at least this share of the largest article's prose is of comparable size. */
const comparableShare = 0.25;

/**
 * The outermost `<article>`s read as the page: the largest, and every other one that is a post
 * of its own rather than a teaser for another page. A live blog or a sectioned document is a
 * row of such posts; a "related" or "more stories" teaser is a linked headline, a card wrapped
 * in a link, or a line too short to stand alone. So an article is kept unless a heading of it
 * is a link to another page (an anchor on this page, `#rivers`, is not one), or half or more of
 * its text is link text, or its prose (outside headings and links) is under `minimumPostProse`
 * characters and under `comparableShare` of the largest's. Nested articles are part of their
 * outermost one; a kept article's text is read in document order, and the rest is listed as
 * dropped, 'outside the main article'.
 */
function articlesOfThePage(largest: number, texts: Map<number, ArticleText>): Set<number> {
  const largestProse = texts.get(largest)?.prose ?? 0;
  const kept = new Set([largest]);
  for (const [id, text] of texts) {
    const teaser = text.linkedHeading || text.linked * 2 >= text.total
      || (text.prose < minimumPostProse && text.prose < largestProse * comparableShare);
    if (!teaser) {
      kept.add(id);
    }
  }
  return kept;
}

/** Whether an element's content is skipped, and why; undefined when it may hold article text. */
function skipOf(name: string, attributes: Record<string, string>): Skip | undefined {
  if (markupElements.has(name)) {
    return {};
  }
  if (skippedElements.has(name)) {
    return { reason: elementReasons.get(name) ?? 'embedded content' };
  }
  return structuralElements.has(name) ? undefined : markedAsCruft(attributes);
}

function markedAsCruft(attributes: Record<string, string>): Skip | undefined {
  if ('hidden' in attributes || attributes['aria-hidden'] === 'true') {
    return { reason: 'hidden' };
  }
  const role = attributes.role?.toLowerCase();
  if (role && skippedRoles.has(role)) {
    return { reason: roleReasons.get(role) ?? 'navigation' };
  }
  const tokens = `${attributes.class ?? ''} ${attributes.id ?? ''}`.split(/\s+/).filter(Boolean);
  const token = tokens.find((candidate) => cruftToken.test(candidate));
  return token ? { reason: `marked as ${token.slice(0, 40).toLowerCase()}` } : undefined;
}

function folded(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function metadataFromHead(meta: Map<string, string>, canonical: string | undefined, htmlLang: string | undefined): Partial<ArticleMetadata> {
  const metadata: Partial<ArticleMetadata> = {};
  const author = firstOf(meta, ['author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator']);
  if (author && !/^https?:/i.test(author)) {
    metadata.author = author.replace(/^by\s+/i, '');
  }
  const outlet = firstOf(meta, ['og:site_name', 'application-name', 'publisher', 'dc.publisher']);
  if (outlet) {
    metadata.outlet = outlet;
  }
  const printed = firstOf(meta, ['article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'publish-date', 'dc.date', 'dcterms.date', 'sailthru.date', 'parsely-pub-date']);
  const date = printed ? parsePrintedDate(printed) : undefined;
  if (date) {
    metadata.date = date;
  }
  const url = firstOf(meta, ['og:url']) ?? clean(canonical);
  if (url && /^https?:\/\/\S+$/i.test(url)) {
    metadata.url = url;
  }
  // `<html lang>` first, as browsers and screen readers read it; then the older declarations.
  const language = clean(htmlLang) ?? firstOf(meta, ['http-equiv:content-language', 'content-language', 'og:locale', 'dc.language', 'language'])?.split(',')[0].trim();
  if (language && /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(language)) {
    metadata.language = language;
  }
  return metadata;
}

function firstOf(meta: Map<string, string>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = clean(meta.get(key));
    if (value) {
      return value;
    }
  }
  return undefined;
}

function clean(value: string | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text && text.length <= 500 ? text : undefined;
}
