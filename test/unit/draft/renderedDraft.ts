/**
 * How a writer's markdown draft looks once rendered, by two real parsers: markdown-it set up as
 * VS Code's markdown preview sets it up (raw HTML on, bare addresses linked, no fuzzy links), and
 * marked with GFM (bare URLs, `www.` names and e-mail addresses linked, single-tilde strike).
 * The HTML is read back with htmlparser2 into what a reader meets: elements and visible text.
 */
import MarkdownIt from 'markdown-it';
import { marked } from 'marked';
import { Parser } from 'htmlparser2';

const preview = new MarkdownIt({ html: true, linkify: true });
preview.linkify.set({ fuzzyLink: false });

export type Renderer = 'markdown-it (VS Code preview settings)' | 'marked (GFM)';
export const renderers: readonly Renderer[] = ['markdown-it (VS Code preview settings)', 'marked (GFM)'];

export function renderMarkdown(markdown: string, renderer: Renderer): string {
  return renderer === 'marked (GFM)' ? (marked.parse(markdown, { gfm: true, async: false }) as string) : preview.render(markdown);
}

/** An element of the rendered draft, with its attributes and the text inside it. */
export interface RenderedElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
}

export interface RenderedDraft {
  elements: RenderedElement[];
  /** The visible text, entities decoded, in pieces, each with the link it is inside (if any). */
  pieces: Array<{ text: string; link?: RenderedElement }>;
  /** The visible text: entities decoded, white space folded. */
  text: string;
}

export function readRendered(html: string): RenderedDraft {
  const elements: RenderedElement[] = [];
  const open: RenderedElement[] = [];
  const pieces: RenderedDraft['pieces'] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      const element = { name, attributes, text: '' };
      elements.push(element);
      open.push(element);
    },
    ontext(data) {
      pieces.push({ text: data, link: [...open].reverse().find((element) => element.name === 'a') });
      for (const element of open) element.text += data;
    },
    onclosetag() {
      open.pop();
    },
    oncomment(data) {
      elements.push({ name: '!--', attributes: {}, text: data });
    },
    onprocessinginstruction(name) {
      elements.push({ name, attributes: {}, text: '' });
    },
  });
  parser.write(html);
  parser.end();
  return { elements, pieces, text: fold(pieces.map((piece) => piece.text).join('')) };
}

function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A link whose text is its own address: what a renderer makes of a bare URL, `www.` name or
 * e-mail address written as plain text. It shows the address it goes to and loads nothing until
 * it is clicked. (With `[` and `]` escaped no link with text of its own can form, so an `<a>`
 * whose text starts with an address is the renderer's auto-linking, not a live element.)
 */
export function isBareAddressLink(element: RenderedElement): boolean {
  if (element.name !== 'a') return false;
  if (!/^(https?:\/\/|ftp:\/\/|mailto:|\/\/)/i.test(element.attributes.href ?? '')) return false;
  const shown = unescapeMarkdown(element.text.trim());
  return /^(https?:\/\/|ftp:\/\/|mailto:|\/\/|www\.)/i.test(shown) || /^[^\s@]+@/.test(shown);
}

/** What is live in the rendered draft: every element except paragraphs, block quotes and bare-address links. */
export function liveElements(markdown: string, renderer: Renderer, allowed: readonly string[] = ['p', 'blockquote', 'br']): string[] {
  return readRendered(renderMarkdown(markdown, renderer))
    .elements.filter((element) => !allowed.includes(element.name) && !isBareAddressLink(element))
    .map((element) => `<${element.name} ${JSON.stringify(element.attributes)}>${element.text.slice(0, 60)}`);
}

/** The visible text of the rendered draft, and whether a bare address in it became a link. */
export function visibleText(markdown: string, renderer: Renderer): { text: string; outsideAddresses: RegExp; hasAddressLink: boolean } {
  const rendered = readRendered(renderMarkdown(markdown, renderer));
  const marked = fold(rendered.pieces.map((piece) => (piece.link && isBareAddressLink(piece.link) ? addressMark : piece.text)).join(''));
  const pattern = marked.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(new RegExp(`${addressMark}+`, 'g'), '\\S+');
  return { text: rendered.text, outsideAddresses: new RegExp(`^${pattern}$`), hasAddressLink: rendered.elements.some(isBareAddressLink) };
}

/** Stands for a linked address in `visibleText`'s pattern; a control character, so never in a draft Sourcebook wrote. */
const addressMark = '\u0001';

/**
 * Whether the draft shows `expected`: exactly, or, where a bare address became a link, with
 * everything outside the address exactly. A renderer's link text is its own reading of the
 * address: markdown-it 13+ and marked link it straight from the source, so they show escapes
 * in it as written (a backslash, `&lt;`) and may cut an escape in two at its end, and
 * markdown-it rewrites an odd address (`http://US$a:2` shows as `http://US:2$a`); VS Code's
 * preview (markdown-it 12) reads escapes before linking.
 */
export function showsWords(markdown: string, renderer: Renderer, expected: string): boolean {
  const { text, outsideAddresses, hasAddressLink } = visibleText(markdown, renderer);
  return text === expected || (hasAddressLink && outsideAddresses.test(expected));
}

export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
