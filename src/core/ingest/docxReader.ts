import * as l10n from '@vscode/l10n';
import { Parser } from 'htmlparser2';
import type { ArticleMetadata } from '../model';
import { calendarDate, type DocumentContent, type DocumentParagraph } from './documentArticle';
import { foldWhitespace } from './splitPassages';
import { readZipEntries } from './zipEntries';

/** The parts of a .docx Sourcebook reads; everything else in the archive (images, fonts, settings) is never inflated. */
const documentPart = 'word/document.xml';
const stylesPart = 'word/styles.xml';
const footnotesPart = 'word/footnotes.xml';
const endnotesPart = 'word/endnotes.xml';
const corePart = 'docProps/core.xml';

/** A Word document read, or why not. */
export type DocxReading = { ok: true; content: DocumentContent } | { ok: false; reason: 'parse-error' | 'too-large' | 'empty'; detail: string };

/**
 * Reads a Word (.docx) file: body paragraphs in order, headings, list items and table rows as
 * paragraphs of their own (a row's cells joined by " | "), then footnotes and endnotes as
 * "[1] text". Footnote marks in the body are left out, so a sentence quoted from the body matches
 * word for word. Metadata comes from docProps/core.xml (title, creator, created or modified
 * date, language); without a title there, the first Title-styled paragraph or heading names it.
 * Text in deleted revisions, field codes and the fallback copies of text boxes is not read.
 */
export function readDocx(bytes: Uint8Array, maxExpandedBytes: number): DocxReading {
  const entries = readZipEntries(bytes, [documentPart, stylesPart, footnotesPart, endnotesPart, corePart], maxExpandedBytes);
  if (!(entries instanceof Map)) {
    return { ok: false, reason: entries.kind === 'too-large' ? 'too-large' : 'parse-error', detail: entries.kind === 'too-large' ? entries.detail : l10n.t('not a Word document: {0}', entries.detail) };
  }
  const documentXml = entries.get(documentPart);
  if (!documentXml) return { ok: false, reason: 'parse-error', detail: l10n.t('not a Word document: it has no word/document.xml') };
  const decoder = new TextDecoder();
  const headingStyles = readHeadingStyles(entries.has(stylesPart) ? decoder.decode(entries.get(stylesPart)) : '');
  const body = readParagraphs(decoder.decode(documentXml), headingStyles);
  const notes: DocumentParagraph[] = [];
  for (const [part, label] of [[footnotesPart, ''], [endnotesPart, 'endnote ']] as const) {
    const xml = entries.get(part);
    if (!xml) continue;
    const byId = readNotes(decoder.decode(xml), headingStyles);
    const referenced = part === footnotesPart ? body.footnoteIds : body.endnoteIds;
    referenced.forEach((id, at) => {
      const text = byId.get(id);
      if (text) notes.push({ text: `[${label}${at + 1}] ${text}` });
    });
  }
  const core = entries.has(corePart) ? readCoreProperties(decoder.decode(entries.get(corePart))) : {};
  const paragraphs = [...body.paragraphs.map(({ text }) => ({ text })), ...notes];
  if (paragraphs.length === 0) return { ok: false, reason: 'empty', detail: l10n.t('The document has no text.') };
  const meta: Partial<ArticleMetadata> = { ...core };
  if (!meta.title) {
    const named = body.paragraphs.find((paragraph) => paragraph.kind === 'title') ?? body.paragraphs.find((paragraph) => paragraph.kind === 'heading');
    if (named) meta.title = named.text;
  }
  return { ok: true, content: { paragraphs, meta, dropped: [] } };
}

interface BodyParagraph {
  text: string;
  kind: 'title' | 'heading' | 'paragraph';
  /** In footnotes.xml and endnotes.xml: the id of the note the paragraph belongs to. */
  note?: string;
}

/** Style ids that make a paragraph a heading (`heading 1`...`heading 9`, or an outline level) or the title. */
interface HeadingStyles {
  headings: Set<string>;
  titles: Set<string>;
}

function readHeadingStyles(xml: string): HeadingStyles {
  const styles: HeadingStyles = { headings: new Set(), titles: new Set() };
  let styleId: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'w:style') styleId = attributes['w:styleId'];
        else if (styleId && name === 'w:name') {
          const styleName = (attributes['w:val'] ?? '').toLowerCase();
          if (/^heading \d$/.test(styleName)) styles.headings.add(styleId);
          if (styleName === 'title') styles.titles.add(styleId);
        } else if (styleId && name === 'w:outlineLvl' && isHeadingLevel(attributes['w:val'])) styles.headings.add(styleId);
      },
      onclosetag(name) {
        if (name === 'w:style') styleId = undefined;
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  return styles;
}

/** Elements whose text is not the document's: deleted revisions, field instructions, the duplicate fallback of a drawing. */
const skippedElements = new Set(['w:delText', 'w:instrText', 'mc:Fallback', 'w:del']);

interface ParagraphWalk {
  paragraphs: BodyParagraph[];
  footnoteIds: string[];
  endnoteIds: string[];
}

/**
 * Walks WordprocessingML: each `w:p` is a paragraph (one inside a text box is a paragraph of
 * its own), each table row becomes one paragraph of its cells.
 */
function readParagraphs(xml: string, styles: HeadingStyles): ParagraphWalk {
  const result: ParagraphWalk = { paragraphs: [], footnoteIds: [], endnoteIds: [] };
  const seenNotes = new Set<string>();
  interface OpenParagraph {
    parts: string[];
    kind: BodyParagraph['kind'];
  }
  const open: OpenParagraph[] = [];
  const rows: string[][] = [];
  let skipping = 0;
  let inText = false;
  let note: string | undefined;
  const emit = (text: string, kind: BodyParagraph['kind']) => {
    const folded = foldWhitespace(text);
    if (folded.length === 0) return;
    const row = rows[rows.length - 1];
    if (row) row.push(folded);
    else result.paragraphs.push(note === undefined ? { text: folded, kind } : { text: folded, kind, note });
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (skippedElements.has(name)) {
          skipping++;
          return;
        }
        if (skipping > 0) return;
        const current = open[open.length - 1];
        switch (name) {
          case 'w:p':
            open.push({ parts: [], kind: 'paragraph' });
            break;
          case 'w:footnote':
          case 'w:endnote': {
            // Word keeps separator lines as notes of their own type; only normal notes are text.
            const type = attributes['w:type'];
            if (type !== undefined && type !== 'normal') skipping++;
            else note = attributes['w:id'];
            break;
          }
          case 'w:pStyle':
            if (current) {
              const style = attributes['w:val'] ?? '';
              if (styles.titles.has(style) || /^title$/i.test(style)) current.kind = 'title';
              else if (styles.headings.has(style) || /^heading\d$/i.test(style)) current.kind = 'heading';
            }
            break;
          case 'w:outlineLvl':
            if (current && current.kind === 'paragraph' && isHeadingLevel(attributes['w:val'])) current.kind = 'heading';
            break;
          case 'w:t':
            inText = true;
            break;
          case 'w:tab':
          case 'w:br':
          case 'w:cr':
            current?.parts.push(' ');
            break;
          case 'w:noBreakHyphen':
            current?.parts.push('-');
            break;
          case 'w:tr':
            rows.push([]);
            break;
          case 'w:footnoteReference':
          case 'w:endnoteReference': {
            const id = attributes['w:id'];
            const key = `${name}:${id}`;
            if (id !== undefined && !seenNotes.has(key)) {
              seenNotes.add(key);
              (name === 'w:footnoteReference' ? result.footnoteIds : result.endnoteIds).push(id);
            }
            break;
          }
        }
      },
      ontext(text) {
        if (inText && skipping === 0) open[open.length - 1]?.parts.push(text);
      },
      onclosetag(name) {
        if (skippedElements.has(name)) {
          skipping--;
          return;
        }
        if ((name === 'w:footnote' || name === 'w:endnote') && note === undefined) {
          skipping = Math.max(0, skipping - 1);
          return;
        }
        if (skipping > 0) return;
        if (name === 'w:footnote' || name === 'w:endnote') note = undefined;
        else if (name === 'w:t') inText = false;
        else if (name === 'w:p') {
          const paragraph = open.pop();
          if (paragraph) emit(paragraph.parts.join(''), paragraph.kind);
        } else if (name === 'w:tr') {
          const cells = rows.pop() ?? [];
          if (cells.length > 0) emit(cells.join(' | '), 'paragraph');
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return result;
}

/** Outline levels 0 to 8 are headings; 9 is Word's "body text". */
function isHeadingLevel(value: string | undefined): boolean {
  return value !== undefined && /^[0-8]$/.test(value);
}

/** Footnotes (or endnotes) by id, each as one paragraph of text; the separator notes Word keeps are left out. */
function readNotes(xml: string, styles: HeadingStyles): Map<string, string> {
  const notes = new Map<string, string>();
  for (const paragraph of readParagraphs(xml, styles).paragraphs) {
    if (paragraph.note === undefined) continue;
    const before = notes.get(paragraph.note);
    notes.set(paragraph.note, before === undefined ? paragraph.text : `${before} ${paragraph.text}`);
  }
  return notes;
}

/** Title, creator, created (else modified) date and language from docProps/core.xml; empty values are left out. */
function readCoreProperties(xml: string): Partial<ArticleMetadata> {
  const values = new Map<string, string>();
  let current: string | undefined;
  const parser = new Parser(
    {
      onopentag(name) {
        current = name;
        values.set(name, '');
      },
      ontext(text) {
        if (current) values.set(current, (values.get(current) ?? '') + text);
      },
      onclosetag() {
        current = undefined;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  const value = (name: string) => {
    const text = foldWhitespace(values.get(name) ?? '');
    return text.length > 0 ? text : undefined;
  };
  const meta: Partial<ArticleMetadata> = {};
  const title = value('dc:title');
  const author = value('dc:creator');
  const date = calendarDate(value('dcterms:created')) ?? calendarDate(value('dcterms:modified'));
  const language = value('dc:language');
  if (title) meta.title = title;
  if (author) meta.author = author;
  if (date) meta.date = date;
  if (language && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language)) meta.language = language;
  return meta;
}
