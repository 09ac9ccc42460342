/**
 * When a word the writer typed is a plausible misspelling of a word of a topic's name. The
 * rule is deliberately narrow (a wrong hover card is worse than none): a few edits, scaled to
 * the word's length, with the first letter kept and any digits exact, so "Byden" is Biden and
 * "Jaishanker" is Jaishankar, but "Turin" is not Putin and "S-500" is not the S-400.
 */

/** Edits allowed in a word of `length` letters: none under 4, one for 4–7, two from 8. */
export function editsAllowed(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

/**
 * The Damerau (optimal string alignment) distance between `a` and `b`: insertions, deletions,
 * substitutions and swaps of neighbouring letters each cost one. Stops early: any distance
 * above `max` is returned as `max + 1`.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let beforePrevious = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, beforePrevious[j - 2] + 1);
      }
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(previous[b.length], max + 1);
}

/**
 * The edits from a folded draft word to a folded name word when the first is a plausible
 * misspelling of the second, else undefined. Equal words cost 0. Otherwise both must start
 * with the same letter, carry the same digits ("COP27" is not COP26), and be within
 * {@link editsAllowed} of the shorter word's length (in a word of five letters or fewer, a changed
 * letter must be a likely slip: a vowel for a vowel or a neighbouring key); the whole name with letters added after
 * it is another word formed from it ("Russian", "Pakistani"), not a misspelling, unless the
 * added letter only doubles the last one ("Modii").
 */
export function misspellingEdits(draftWord: string, nameWord: string): number | undefined {
  if (draftWord === nameWord) return 0;
  if (draftWord[0] !== nameWord[0] || isFormedFrom(draftWord, nameWord)) return undefined;
  if (/\d/.test(draftWord) || /\d/.test(nameWord)) return undefined;
  const max = editsAllowed(Math.min(draftWord.length, nameWord.length));
  if (max === 0) return undefined;
  const edits = boundedEditDistance(draftWord, nameWord, max);
  if (edits > max) return undefined;
  if (Math.min(draftWord.length, nameWord.length) <= SHORT_WORD && !isLikelySubstitution(draftWord, nameWord)) return undefined;
  return edits;
}

/** Up to this length a name is one letter away from many other real names (China, Chita), so a changed letter must be a likely slip. */
const SHORT_WORD = 5;
const VOWELS = 'aeiouy';
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/**
 * False for two equally long words that differ in one letter which is neither a vowel for a
 * vowel ("Byden") nor a key next to it on a keyboard ("Putim"), and for one letter more or less
 * that is not a likely slip (see isLikelyExtraLetter); other edits pass.
 */
function isLikelySubstitution(a: string, b: string): boolean {
  if (a.length !== b.length) return isLikelyExtraLetter(a.length > b.length ? a : b, a.length > b.length ? b : a);
  const differing = [...a].map((_, i) => i).filter((i) => a[i] !== b[i]);
  if (differing.length !== 1) return true;
  const x = a[differing[0]];
  const y = b[differing[0]];
  return (VOWELS.includes(x) && VOWELS.includes(y)) || areKeyboardNeighbours(x, y);
}

/**
 * In a short word, one letter more or less is a slip only when that letter is a vowel, doubles
 * its neighbour ("Modii") or ends the word ("Ladak", "Sing"); a consonant dropped inside the word
 * makes another name ("Lagos" is not Laos).
 */
function isLikelyExtraLetter(longer: string, shorter: string): boolean {
  if (longer.length - shorter.length !== 1) return true;
  for (let i = 0; i < longer.length; i++) {
    if (longer.slice(0, i) + longer.slice(i + 1) !== shorter) continue;
    const letter = longer[i];
    if (VOWELS.includes(letter) || longer[i - 1] === letter || longer[i + 1] === letter || i === longer.length - 1) return true;
  }
  return false;
}

function areKeyboardNeighbours(x: string, y: string): boolean {
  const place = (c: string): [number, number] | undefined => {
    const row = KEYBOARD_ROWS.findIndex((keys) => keys.includes(c));
    return row < 0 ? undefined : [row, KEYBOARD_ROWS[row].indexOf(c) + row * 0.5];
  };
  const p = place(x);
  const q = place(y);
  return !!p && !!q && Math.abs(p[0] - q[0]) <= 1 && Math.abs(p[1] - q[1]) <= 1;
}

function isFormedFrom(draftWord: string, nameWord: string): boolean {
  if (!draftWord.startsWith(nameWord)) return false;
  const added = draftWord.slice(nameWord.length);
  return added !== nameWord[nameWord.length - 1];
}
