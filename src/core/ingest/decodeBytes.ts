import * as l10n from '@vscode/l10n';
/** The result of turning a file's bytes into text. */
export type DecodeResult =
  | { ok: true; text: string; encoding: string }
  | { ok: false; reason: 'binary' | 'unknown-encoding'; detail: string };

/** How far into a file a charset declaration or a binary signature is looked for. */
const sniffLength = 8192;

/** How much of a file the encoding guess reads: enough for statistics, bounded for huge files. */
const guessSampleLength = 65536;

/** Legacy encodings Sourcebook guesses between when a file is not UTF-8 and declares nothing. */
export const guessedEncodings = ['windows-1251', 'koi8-r', 'windows-1252'] as const;

/**
 * Bytes to text the way VS Code does it: a BOM decides first (UTF-8, UTF-16 LE/BE);
 * then strict UTF-8; then a charset the file declares (HTML `<meta charset>`, an XML
 * declaration); then a statistical guess among windows-1251, KOI8-R and windows-1252.
 * Decoding uses the platform `TextDecoder`, present in node and in browsers. Files with
 * NUL bytes or many control characters are binary, and so are bytes that decode as UTF-16
 * (or BOM'd UTF-8) without reading as text; text that no candidate decodes convincingly is
 * 'unknown-encoding', never indexed as mojibake or U+FFFD soup.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return readsAsText(checked(decodeStrict('utf-8', bytes.subarray(3))));
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return readsAsText(checked(decodeStrict('utf-16le', bytes.subarray(2))));
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return readsAsText(checked(decodeStrict('utf-16be', bytes.subarray(2))));
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    const decoded = readsAsText(checked(decodeStrict(utf16, bytes)));
    if (decoded.ok) {
      return decoded;
    }
  }
  const binary = binaryEvidence(bytes);
  if (binary) {
    return { ok: false, reason: 'binary', detail: binary };
  }
  const utf8 = decodeStrict('utf-8', bytes);
  if (utf8.ok) {
    return checked(utf8);
  }
  const declared = declaredCharset(bytes);
  if (declared) {
    const decoded = decodeLegacy(declared, bytes);
    if (decoded) {
      return checked(decoded);
    }
  }
  const guess = guessLegacyEncoding(bytes);
  if (!guess) {
    return { ok: false, reason: 'unknown-encoding', detail: l10n.t('The file is not UTF-8 and does not read as windows-1251, KOI8-R or windows-1252.') };
  }
  return checked(decodeLegacy(guess, bytes)!);
}

/** The charset named by an HTML `<meta>` tag or an XML declaration near the start of the file, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes.subarray(0, sniffLength));
  const patterns = [
    /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i,
    /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']/i,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(head);
    if (match) {
      return match[1].toLowerCase();
    }
  }
  return undefined;
}

/**
 * Picks the legacy encoding whose decoding looks most like language, or undefined when
 * none does. Cyrillic encodings are told apart by letter case and frequency (Russian is
 * mostly lower case, and KOI8-R swaps the case ranges of windows-1251); windows-1252 is
 * told from them because its non-ASCII letters sit inside Latin words ("café").
 */
export function guessLegacyEncoding(bytes: Uint8Array): string | undefined {
  let best: { encoding: string; score: number } | undefined;
  const sample = bytes.subarray(0, guessSampleLength);
  for (const encoding of guessedEncodings) {
    const decoded = decodeLegacy(encoding, sample);
    if (!decoded || !looksLikeProse(decoded.text)) {
      continue;
    }
    const score = encoding === 'windows-1252' ? latinScore(decoded.text) : cyrillicScore(decoded.text);
    if (score > 0 && (!best || score > best.score)) {
      best = { encoding, score };
    }
  }
  return best?.encoding;
}

/** Non-ASCII characters that ordinary prose uses besides letters. */
const proseSymbols = /[\u00a0\u00ab\u00bb\u00b0\u00a9\u00ae\u00b7\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026\u2116\u20ac\u2122]/;

/**
 * Rejects decodings that do not look like prose at all: too few spaces (CJK read as a
 * European encoding) or non-ASCII characters that are neither letters nor common punctuation
 * (box drawing from KOI8-R, C1 controls).
 */
function looksLikeProse(text: string): boolean {
  let spaces = 0;
  let nonAscii = 0;
  let junk = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 10 || code === 13 || code === 9) {
      spaces++;
    } else if (code >= 0x80) {
      nonAscii++;
      if (!/\p{L}/u.test(text[i]) && !proseSymbols.test(text[i])) {
        junk++;
      }
    }
  }
  return spaces * 25 >= text.length && junk <= nonAscii * 0.02;
}

const frequentRussianLetters = new Set('оеаинтсрвлкмдпуяыь');

function cyrillicScore(text: string): number {
  let lower = 0;
  let upper = 0;
  let frequent = 0;
  let latinNeighbour = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x400 || code > 0x4ff) {
      continue;
    }
    const letter = text[i];
    if (letter === letter.toLowerCase()) {
      lower++;
    } else {
      upper++;
    }
    if (frequentRussianLetters.has(letter.toLowerCase())) {
      frequent++;
    }
    if (/[A-Za-z]/.test(text[i - 1] ?? '') || /[A-Za-z]/.test(text[i + 1] ?? '')) {
      latinNeighbour++;
    }
  }
  const letters = lower + upper;
  if (letters < 2 || lower < upper || latinNeighbour > letters * 0.1 || frequent < letters * 0.4) {
    return 0;
  }
  return letters + frequent + lower;
}

function latinScore(text: string): number {
  let accented = 0;
  let insideWord = 0;
  let symbols = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      continue;
    }
    if (code < 0xa0) {
      symbols++;
      continue;
    }
    if (/\p{L}/u.test(text[i])) {
      accented++;
      if (/[A-Za-z]/.test(text[i - 1] ?? '') || /[A-Za-z]/.test(text[i + 1] ?? '')) {
        insideWord++;
      }
    }
  }
  if (symbols > 0 || (accented > 0 && insideWord < accented * 0.6)) {
    return 0;
  }
  return 1 + insideWord;
}

/**
 * UTF-16 without a BOM shows as a NUL in every other byte (for Latin text) and nowhere else;
 * binary files have NULs in both positions. Only then is UTF-16 tried, strictly.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const head = bytes.subarray(0, Math.min(bytes.length, 1024) & ~1);
  if (head.length < 8) {
    return undefined;
  }
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < head.length; i += 2) {
    if (head[i] === 0) {
      evenNul++;
    }
    if (head[i + 1] === 0) {
      oddNul++;
    }
  }
  const pairs = head.length / 2;
  if (oddNul >= pairs * 0.4 && evenNul === 0) {
    return 'utf-16le';
  }
  if (evenNul >= pairs * 0.4 && oddNul === 0) {
    return 'utf-16be';
  }
  return undefined;
}

function binaryEvidence(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, sniffLength);
  if (bytes.includes(0)) {
    return l10n.t('The file contains NUL bytes.');
  }
  let controls = 0;
  for (const byte of head) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) {
      controls++;
    }
  }
  return controls > Math.max(8, head.length * 0.05) ? l10n.t('The file is mostly control characters.') : undefined;
}

type Decoded = { ok: true; text: string; encoding: string };

function decodeStrict(encoding: string, bytes: Uint8Array): Decoded | { ok: false; reason: 'unknown-encoding'; detail: string } {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes), encoding };
  } catch {
    return { ok: false, reason: 'unknown-encoding', detail: l10n.t('The file is not valid {0}.', encoding) };
  }
}

function decodeLegacy(label: string, bytes: Uint8Array): Decoded | undefined {
  try {
    const decoder = new TextDecoder(label, { fatal: true });
    const text = decoder.decode(bytes);
    return { ok: true, text: decoder.encoding === 'windows-1252' ? repairWindows1252(text) : text, encoding: decoder.encoding };
  } catch {
    return undefined;
  }
}

/** windows-1252 bytes 0x80-0x9F that are not C1 controls, as the WHATWG Encoding Standard maps them. */
const windows1252HighControls = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Some node versions decode windows-1252 as ISO-8859-1, turning curly quotes and dashes
 * into C1 controls; browsers do not. Mapping 0x80-0x9F here makes both agree.
 */
function repairWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (control) => windows1252HighControls[control.charCodeAt(0) - 0x80]);
}

/**
 * A BOM, or a NUL in every other byte, makes almost any bytes decode: a file that starts
 * FF FE followed by an image, or random bytes with zeros in alternate places, comes out as
 * characters without being text. Text has few control, private-use or unassigned
 * characters, and its letters sit next to letters of the same script (a word); decoded
 * binary puts Latin, Han, Hangul, Yi and the rest side by side.
 */
function readsAsText(result: DecodeResult): DecodeResult {
  if (!result.ok) {
    return result;
  }
  const sample = result.text.slice(0, guessSampleLength);
  let junk = 0;
  let pairs = 0;
  let switches = 0;
  let previousScript = -1;
  for (const char of sample) {
    const code = char.codePointAt(0)!;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x1b) || (code >= 0x7f && code < 0xa0) || /[\p{Co}\p{Cn}]/u.test(char)) {
      junk++;
    }
    if (!/\p{L}/u.test(char)) {
      previousScript = -1;
      continue;
    }
    const script = scriptGroup(code);
    if (previousScript >= 0) {
      pairs++;
      if (script !== previousScript) {
        switches++;
      }
    }
    previousScript = script;
  }
  if (sample.includes('\u0000') || junk > Math.max(8, sample.length * 0.05)) {
    return { ok: false, reason: 'binary', detail: l10n.t('The file decodes as {0} but is mostly control or unassigned characters: it is not text.', result.encoding) };
  }
  if (pairs >= 16 && switches > pairs * 0.2) {
    return { ok: false, reason: 'unknown-encoding', detail: l10n.t('The file decodes as {0} but its letters mix unrelated scripts inside words: it is not text.', result.encoding) };
  }
  return result;
}

/** A coarse script for a letter: Latin, Han with kana, and Hangul are one group each; Greek with its extension; other scripts by their 256-code-point page. */
function scriptGroup(code: number): number {
  if (code < 0x250 || (code >= 0x1e00 && code < 0x1f00)) {
    return 0;
  }
  if ((code >= 0x3000 && code < 0x3100) || (code >= 0x3400 && code < 0xa000) || (code >= 0xf900 && code < 0xfb00) || (code >= 0xff00 && code < 0xfff0) || code >= 0x20000) {
    return 1;
  }
  if ((code >= 0xac00 && code < 0xd7b0) || (code >= 0x1100 && code < 0x1200) || (code >= 0x3130 && code < 0x3190)) {
    return 2;
  }
  if (code >= 0x1f00 && code < 0x2000) {
    return 3 + (0x370 >> 8);
  }
  return 3 + (code >> 8);
}

/** Rejects decodings full of replacement characters: they come from files already mangled. */
function checked(result: DecodeResult): DecodeResult {
  if (!result.ok) {
    return result;
  }
  let replacements = 0;
  for (let i = result.text.indexOf('\ufffd'); i >= 0; i = result.text.indexOf('\ufffd', i + 1)) {
    replacements++;
  }
  if (replacements > 3 && replacements > result.text.length * 0.01) {
    return { ok: false, reason: 'unknown-encoding', detail: l10n.t('The text is full of replacement characters ({0}).', replacements) };
  }
  return result;
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i++) {
    text += String.fromCharCode(bytes[i]);
  }
  return text;
}
