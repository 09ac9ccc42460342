/**
 * Source text that Sourcebook writes into the writer's draft (Insert Quote, Copy Citation, a
 * topic completion, a misquote fix) must read as the source's words and do nothing else: no
 * link, image, HTML, code, emphasis or heading may come alive from it in the markdown preview,
 * and no bidi override or invisible character may ride along.
 *
 * Unlike hover text (`escapeMarkdown`, which escapes every punctuation mark because nobody reads
 * the hover's source), the draft is read as written, so the escaping here is minimal: only the
 * characters that can start or end markup where they stand are escaped (a backslash, or a
 * character reference for `<` and `&`), and a plain-text draft gets no escapes at all.
 */

/** How the draft is read: markdown is rendered by a preview; plain text is read as it is. */
export type DraftFlavour = 'markdown' | 'plaintext';

/** Plain text for `plaintext` documents; everything else is treated as markdown, the safer reading. */
export function draftFlavourOf(languageId: string): DraftFlavour {
  return languageId === 'plaintext' ? 'plaintext' : 'markdown';
}

/**
 * The draft text just before and just after the place a value lands (only the end of `before`'s
 * last line and the start of `after` matter). Without `before` the value is assumed to start a
 * line, the reading that needs the most escaping.
 */
export interface DraftSurroundings {
  before?: string;
  after?: string;
}

/**
 * Makes untrusted text inert in the writer's draft while keeping its words:
 *
 * - both flavours: bidi controls, zero-width and other invisible characters and control
 *   characters are removed (a zero-width joiner or non-joiner stays between two letters of a
 *   script that needs it, and in emoji sequences); line breaks become `\n`.
 * - markdown: white space is folded to single spaces (a value is one line, so no heading, list,
 *   fence, table or definition can start inside it) and these are backslash-escaped:
 *   `\` `` ` `` `*` `~` `[` `]` always; `_` unless it sits inside a word; `$` where it could
 *   close inline math; `!` when the draft continues with `[`; and, when the value starts a line,
 *   a leading `#` `>` `-` `+` `=` `|` `:` or the `.`/`)` after a leading number. `<` becomes
 *   `&lt;`, and `&` becomes `&amp;` where it would start a character reference: a renderer that
 *   links a bare address takes a backslash into the link and leaves the next character bare,
 *   but a reference is text to all of them. Bare web addresses are left as written (see the
 *   README: a preview may show them as links whose text is the address).
 */
export function inertDraftText(untrusted: string, flavour: DraftFlavour, around: DraftSurroundings = {}): string {
  const visible = removeInvisibleCharacters(untrusted);
  if (flavour === 'plaintext') return visible.replace(/\r\n?|[\u2028\u2029]/g, '\n');
  return escapeMarkdownInDraft(visible.replace(/\s+/g, ' ').trim(), lastLine(around.before), around.after ?? '');
}

/**
 * What the text of a draft says once read: in markdown, with backslash escapes, `&lt;` and
 * `&amp;` read as the preview reads them. For comparing the writer's quotations, which may hold
 * quotes Sourcebook inserted with escapes, with the sources' words.
 */
export function readDraftText(text: string, flavour: DraftFlavour): string {
  if (flavour === 'plaintext') return text;
  return text.replace(/\\([!-/:-@[-`{-~])|&(lt|amp);/g, (_whole, escaped: string | undefined, reference: string | undefined) => escaped ?? (reference === 'lt' ? '<' : '&'));
}

/**
 * Removes control characters (except tab, line feed and carriage return), bidi embeddings,
 * overrides, isolates and marks, zero-width and other invisible characters (soft hyphen, word
 * joiner, invisible operators, fillers, interlinear annotation, tag characters outside a flag).
 */
export function removeInvisibleCharacters(text: string): string {
  return text.replace(invisibleCharacter, (match: string, offset: number) => {
    if (match.length > 2) return match;
    if (match === '\u200c' || match === '\u200d') return joinsLetters(text, offset, match.length) ? match : '';
    return '';
  });
}

/** A flag's tag sequence (kept whole), a joiner (judged by its neighbours), or a character to drop. */
const invisibleCharacter =
  // eslint-disable-next-line no-control-regex
  /\u{1f3f4}[\u{e0020}-\u{e007e}]+\u{e007f}|[\u200c\u200d]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\u{1d173}-\u{1d17a}\u{e0000}-\u{e007f}]/gu;

/** Letters, marks and emoji of scripts past Latin, Greek and Cyrillic, where a joiner or non-joiner shapes the text. */
const joinable = /^[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f\u20e3]$/u;

function joinsLetters(text: string, offset: number, width: number): boolean {
  const before = codePointBefore(text, offset);
  const after = codePointAt(text, offset + width);
  return isJoinable(before) && isJoinable(after);
}

function isJoinable(character: string): boolean {
  return character !== '' && character.codePointAt(0)! >= 0x530 && joinable.test(character);
}

function codePointBefore(text: string, offset: number): string {
  if (offset <= 0) return '';
  const low = text.charCodeAt(offset - 1);
  return low >= 0xdc00 && low <= 0xdfff && offset >= 2 ? text.slice(offset - 2, offset) : text.charAt(offset - 1);
}

function codePointAt(text: string, offset: number): string {
  const code = text.codePointAt(offset);
  return code === undefined ? '' : String.fromCodePoint(code);
}

function lastLine(before: string | undefined): string | undefined {
  return before === undefined ? undefined : before.slice(Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1);
}

/** Only white space and container markers (block quote, bullet, ordered item) before the value on its line: a block could start. */
const blockStartPrefix = /^[ \t]*(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]*)*$/;
const orderedMarker = /^\d{1,9}[.)]/;
const blockMarkerCharacter = /^[#>\-+=|:]/;
const characterReference = /^&(?:#\d{1,7};|#[xX][\da-fA-F]{1,6};|[A-Za-z][A-Za-z\d]{1,31};)/;
const wordCharacter = /^[\p{L}\p{N}\p{M}]$/u;
const mathWordCharacter = /^[\w$]$/;
const asciiPunctuation = /^[!-/:-@[-`{-~]/;

function escapeMarkdownInDraft(text: string, lineBefore: string | undefined, after: string): string {
  let markerIndex = -1;
  if (lineBefore === undefined || blockStartPrefix.test(lineBefore)) {
    const ordered = orderedMarker.exec(text);
    if (ordered) markerIndex = ordered[0].length - 1;
    else if (blockMarkerCharacter.test(text)) markerIndex = 0;
  }
  let result = '';
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    result += index === markerIndex ? `\\${character}` : escapedAt(text, index, lineBefore ?? '', after);
  }
  // A backslash the writer left just before the cursor would escape our first escape.
  if (/(^|[^\\])(\\\\)*\\$/.test(lineBefore ?? '') && asciiPunctuation.test(result)) result = ` ${result}`;
  // Right after the writer's `<`, a value with spaces could spell a tag with attributes (`img src=…`).
  if ((lineBefore ?? '').endsWith('<') && /\s/.test(result) && /^[A-Za-z/!?]/.test(result)) result = ` ${result}`;
  return result;
}

function escapedAt(text: string, index: number, lineBefore: string, after: string): string {
  const character = text[index];
  switch (character) {
    case '\\':
    case '`':
    case '*':
    case '~':
    case '[':
    case ']':
      return `\\${character}`;
    case '<':
      return '&lt;';
    case '_': {
      const previous = index > 0 ? codePointBefore(text, index) : codePointBefore(lineBefore, lineBefore.length);
      const next = index + 1 < text.length ? codePointAt(text, index + 1) : codePointAt(after, 0);
      return wordCharacter.test(previous) && wordCharacter.test(next) ? '_' : '\\_';
    }
    case '&':
      return characterReference.test(text.slice(index, index + 40) + (index + 40 >= text.length ? after.slice(0, 40) : '')) ? '&amp;' : '&';
    case '$': {
      const next = index + 1 < text.length ? text[index + 1] : after.charAt(0);
      return mathWordCharacter.test(next) ? '$' : '\\$';
    }
    case '!':
      return index === text.length - 1 && after.startsWith('[') ? '\\!' : '!';
    default:
      return character;
  }
}
