import { Handler, Parser, ParserOptions } from 'htmlparser2';

/** Told about the start and end tags a `DepthCappedParser` flattened instead of opening or closing an element. */
export interface FlattenedTagHandler {
  /** A start tag past the depth cap, with its attributes: its element is not opened; its text flows into the innermost open element. */
  onflattenedopen(name: string, attributes: Record<string, string>): void;
  /** An end tag taken to close the latest flattened start tag. */
  onflattenedclose(): void;
}

/**
 * htmlparser2's `Parser`, with at most `maxDepth` elements open at once. The parser keeps its
 * open elements in an array it shifts, unshifts and searches on every tag, so each tag costs as
 * much as the nesting is deep, and 200,000 unclosed `<div>`s (1 MB) took 18 s. Past the cap, a
 * start tag (other than a void element's) opens nothing. While such flattened start tags are
 * open, an end tag naming an element that is really open closes them all and then that element
 * (`</article>` after 10,000 unclosed `<div>`s inside it); any other end tag closes the latest
 * flattened one instead of reaching the parser. Work per tag is then bounded by the cap, so a
 * page costs time linear in its length.
 *
 * The whole page must be written in one `write` (the tag name is read from `source` at the
 * offsets the tokenizer reports).
 */
export class DepthCappedParser extends Parser {
  /** Start tags flattened so far. */
  flattenedTags = 0;
  /** The names of the elements the parser has open, innermost last. */
  private readonly openElements: string[];
  private flattenedOpen = 0;
  private readonly source: string;
  private readonly maxDepth: number;
  private readonly flattenedHandler: FlattenedTagHandler;
  /** The flattened start tag whose attributes are being read: reported when the tag ends. */
  private readonly pendingFlattened: { tag?: { name: string; attributes: Record<string, string> } };

  constructor(handler: Partial<Handler> & FlattenedTagHandler, options: ParserOptions, source: string, maxDepth: number) {
    // Every element the parser opens is reported by onopentag and every one it closes (even implied, even void) by onclosetag, innermost first.
    const openElements: string[] = [];
    const pendingFlattened: { tag?: { name: string; attributes: Record<string, string> } } = {};
    super(
      {
        ...handler,
        // The parser reports every attribute here, also those of a tag it never opens.
        onattribute(name, value, quote) {
          const tag = pendingFlattened.tag;
          if (tag && !Object.hasOwn(tag.attributes, name)) tag.attributes[name] = value;
          handler.onattribute?.(name, value, quote);
        },
        onopentag(name, attributes, isImplied) {
          openElements.push(name.toLowerCase());
          handler.onopentag?.(name, attributes, isImplied);
        },
        onclosetag(name, isImplied) {
          openElements.pop();
          handler.onclosetag?.(name, isImplied);
        },
      },
      options,
    );
    this.openElements = openElements;
    this.pendingFlattened = pendingFlattened;
    this.source = source;
    this.maxDepth = maxDepth;
    this.flattenedHandler = handler;
  }

  override onopentagname(start: number, endIndex: number): void {
    if (this.openElements.length < this.maxDepth || this.isVoidTag(start, endIndex)) {
      super.onopentagname(start, endIndex);
      return;
    }
    this.flattenedTags++;
    this.flattenedOpen++;
    this.pendingFlattened.tag = { name: this.tagName(start, endIndex), attributes: Object.create(null) as Record<string, string> };
  }

  override onopentagend(endIndex: number): void {
    this.reportFlattenedOpen();
    super.onopentagend(endIndex);
  }

  override onselfclosingtag(endIndex: number): void {
    this.reportFlattenedOpen();
    super.onselfclosingtag(endIndex);
  }

  private reportFlattenedOpen(): void {
    const tag = this.pendingFlattened.tag;
    if (!tag) return;
    this.pendingFlattened.tag = undefined;
    this.flattenedHandler.onflattenedopen(tag.name, tag.attributes);
  }

  override onclosetag(start: number, endIndex: number): void {
    this.reportFlattenedOpen();
    if (this.flattenedOpen === 0 || this.isVoidTag(start, endIndex)) {
      super.onclosetag(start, endIndex);
      return;
    }
    if (this.openElements.includes(this.tagName(start, endIndex))) {
      for (; this.flattenedOpen > 0; this.flattenedOpen--) {
        this.flattenedHandler.onflattenedclose();
      }
      super.onclosetag(start, endIndex);
      return;
    }
    this.flattenedOpen--;
    this.flattenedHandler.onflattenedclose();
    this.endIndex = endIndex;
    this.startIndex = endIndex + 1;
  }

  private tagName(start: number, endIndex: number): string {
    return this.source.slice(start, endIndex).toLowerCase();
  }

  private isVoidTag(start: number, endIndex: number): boolean {
    const name = this.tagName(start, endIndex);
    return name === 'image' || this.isVoidElement(name);
  }
}
