/**
 * The benchmark's PDF and Word files, made with the same hand-written writers as the tests'
 * fixtures (test/fixtures/documents/documentFixtures.ts) but at report size: a long PDF whose
 * every page has a running header, a page-number footer and about 500 words of body text in
 * paragraphs, and a .docx with a given amount of WordprocessingML. The text is made from a fixed
 * vocabulary by a seeded generator, so every run reads the same bytes.
 */
import { makeDocx, makePdf, wordParagraph, type PdfTextLine } from '../fixtures/documents/documentFixtures';
import { seededRandom } from './benchQueries';

const words = (
  'the a of and to in on for with by from at as that which said officials minister ministry defence agreement talks navy army air force ' +
  'logistics supply fuel repairs ports bases exercise joint region regional security cooperation summit delegation government report budget ' +
  'programme contract delivery batteries missile systems satellite launch capsule mission engineers tested would could will was were has have ' +
  'spring winter year month week quarter December March annual review committee parliament statement briefing analysts market trade exports ' +
  'imports growth inflation percent billion million shipments border patrol coast guard vessels aircraft procurement industry partners'
).split(' ');
const names = ['New Delhi', 'Moscow', 'ISRO', 'Gaganyaan', 'RELOS', 'Zircon', 'S-400', 'Indo-Pacific', 'Arabian Sea', 'Rajnath Singh', 'Sergei Shoigu', 'Chandrayaan'];


function sentence(random: () => number): string {
  const length = 10 + Math.floor(random() * 16);
  const parts: string[] = [];
  for (let index = 0; index < length; index++) parts.push(random() < 0.08 ? names[Math.floor(random() * names.length)] : words[Math.floor(random() * words.length)]);
  const text = parts.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}${random() < 0.1 ? ', a spokesman said.' : '.'}`;
}

function paragraph(random: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(random)).join(' ');
}

/** Breaks text into lines of at most `width` characters at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A report of `pages` pages: each page a running header (the report's name), its number at the
 * foot, and body text from the top margin down at 14-point leading, paragraphs separated by a
 * blank line; a paragraph may run on to the next page. About 3,000 characters of body a page.
 */
export function longReportPdf(pages: number, seed = 15): Uint8Array {
  const random = seededRandom(seed);
  const linesPerPage = 44;
  const pageSpecs: PdfTextLine[][] = [];
  let pending: string[] = [];
  for (let page = 1; page <= pages; page++) {
    const lines: PdfTextLine[] = [
      { x: 72, y: 760, size: 9, text: 'Sourcebook Defence Review - Annual Report on Regional Security' },
      { x: 300, y: 40, size: 9, text: String(page) },
    ];
    let y = 720;
    for (let slot = 0; slot < linesPerPage; slot++, y -= 14) {
      if (pending.length === 0) {
        if (slot > 0) {
          pending = wrap(paragraph(random, 3 + Math.floor(random() * 4)), 88);
          continue; // the blank line between paragraphs
        }
        pending = wrap(paragraph(random, 3 + Math.floor(random() * 4)), 88);
      }
      lines.push({ x: 72, y, size: 11, text: pending.shift()! });
    }
    pageSpecs.push(lines);
  }
  return makePdf({ pages: pageSpecs, info: { Title: 'Annual Report on Regional Security', Author: 'Sourcebook benchmark', CreationDate: 'D:20240115120000Z' } });
}

/** A .docx whose word/document.xml holds about `xmlBytes` bytes: a title, a heading every twelve paragraphs, paragraphs of four to eight sentences. */
export function largeDocx(xmlBytes: number, seed = 19): { bytes: Uint8Array; xmlBytes: number } {
  const random = seededRandom(seed);
  const parts: string[] = [wordParagraph('Annual Report on Regional Security', { style: 'Title' })];
  let size = parts[0].length;
  for (let index = 0; size < xmlBytes; index++) {
    const part = index % 12 === 0 ? wordParagraph(`Chapter ${index / 12 + 1}: ${sentence(random).slice(0, 60)}`, { style: 'Heading1' }) : wordParagraph(paragraph(random, 4 + Math.floor(random() * 5)));
    parts.push(part);
    size += part.length;
  }
  const body = parts.join('');
  return { bytes: makeDocx({ body, core: { title: 'Annual Report on Regional Security', creator: 'Sourcebook benchmark', created: '2024-01-15T12:00:00Z' } }), xmlBytes: Buffer.byteLength(body) };
}
