/**
 * Whether a Latin spelling of a name (`Putin`, `Lavrov`, `Biden`) is written by an Arabic or
 * Hebrew word (`بوتين`, `لافروف`, `بايدن`, `פוטין`), letter by letter.
 *
 * Arabic and Hebrew write consonants and long vowels, not short vowels, so their transliteration
 * (`bwtyn`) rarely equals a Latin spelling. Here every letter of the Arabic or Hebrew word must
 * answer a part of the Latin word by the usual correspondences: a Latin consonant one of the
 * letters that write it (`p` -> ب in Arabic, which has no p, or פ; `v` -> ف, ב or ו), a Latin
 * vowel a letter of long vowel (`a` -> ا, `o`/`u` -> و, `i`/`e` -> ي, `i` also -> اي as in
 * Biden, `ei` and `i` -> יי in Hebrew, `u` before two consonants -> ا as in
 * Trump) or nothing. Precision first:
 * - the Arabic or Hebrew word has four letters or more (`بين`, "between", is not `been`), and
 *   the Latin word's first vowel is written (`كان`, "was", is not `again`);
 * - the Latin word may leave out few of its vowels: none out of one (`Trump` = ترامب, not
 *   ترمب), one out of two or three, half of four or more. Words written with short vowels left
 *   out, which is most of the Arabic and Hebrew vocabulary, are thus not names spelled in Latin
 *   (`Putin` is not بطن, "belly");
 * - a Latin `h` must be written (ه, ح, ה, ח), a doubled consonant is one letter (`Abbas`);
 * - the words are whole: the article `ال` (al-) makes another word, and what Latin spelling
 *   conventions do not write letter for letter (`Washington` for واشنطن, whose ng is one n;
 *   `Moscow` for موسكو, a translation) does not match.
 */

/** Arabic and Hebrew letters by the Latin consonant classes the correspondences speak of. */
const LETTERS: Record<string, string> = {
  b: 'بב',
  p: 'بپפף',
  f: 'فפף',
  v: 'فڤבו',
  t: 'تطטת',
  th: 'ثتذת',
  d: 'دضד',
  dh: 'ذدضظ',
  s: 'سصثסש',
  sh: 'شש',
  z: 'زظذזצ',
  zh: 'ژجז',
  ts: 'تسצץ',
  tz: 'צץ',
  j: 'جژגי',
  g: 'غجقكگג',
  gh: 'غג',
  k: 'كقکכךק',
  kh: 'خحכךח',
  q: 'قק',
  c: 'كقسکכךקס',
  ch: 'شچخכךח',
  ph: 'فפף',
  l: 'لל',
  m: 'مמם',
  n: 'نנן',
  r: 'رר',
  h: 'هحהח',
  w: 'وו',
  y: 'يیי',
};

/** The letters that write a long vowel (matres lectionis), by Latin vowel. */
const VOWEL_LETTERS: Record<string, string> = {
  a: 'اآىאעع',
  e: 'يیא',
  i: 'يیי',
  o: 'وו',
  u: 'وו',
  y: 'يیי',
};

/** Letters that end a word on a final vowel: ta marbuta, alif maqsura, Hebrew final he. */
const FINAL_VOWEL_LETTERS: Record<string, string> = { a: 'ةهىاהא', e: 'ةهיה' };

/** A hamza seat or glottal letter that may stand before a vowel (`أوباما` Obama, `אובמה`). */
const VOWEL_CARRIERS = 'اأإآءئؤעאع';

const LATIN_DIGRAPHS = new Set(['th', 'dh', 'sh', 'zh', 'ts', 'tz', 'gh', 'kh', 'ch', 'ph']);
const VOWELS = 'aeiou';

/** One sound of the Latin word: a consonant class of `LETTERS`, or a run of vowels (`ai`, `oo`) each of `VOWEL_LETTERS`. */
interface LatinUnit {
  text: string;
  vowel: boolean;
}

/** Whether `word` (folded) is wholly Arabic or wholly Hebrew letters: the words this match is for. */
export function isAbjadWord(word: string): boolean {
  if (word.length < MIN_ABJAD_LETTERS) return false;
  let arabic = 0;
  let hebrew = 0;
  for (const char of word) {
    const code = char.charCodeAt(0);
    if ((code >= 0x0620 && code <= 0x064a) || (code >= 0x066e && code <= 0x06d3)) arabic++;
    else if (code >= 0x05d0 && code <= 0x05ea) hebrew++;
    else return false;
  }
  return arabic === 0 || hebrew === 0;
}

/** Words of fewer letters are function words and short roots more often than names. */
export const MIN_ABJAD_LETTERS = 4;

/** The Latin word (plain folded a-z) as its sounds: digraphs as one, a doubled consonant as one, a run of vowels as one, `y` not before a vowel as a vowel. */
function latinUnits(latin: string): LatinUnit[] {
  const units: LatinUnit[] = [];
  for (let index = 0; index < latin.length; index++) {
    const char = latin[index];
    const pair = latin.slice(index, index + 2);
    if (LATIN_DIGRAPHS.has(pair)) {
      units.push({ text: pair, vowel: false });
      index++;
      continue;
    }
    const previous = units[units.length - 1];
    const nextIsVowel = index + 1 < latin.length && VOWELS.includes(latin[index + 1]);
    if (VOWELS.includes(char) || (char === 'y' && !nextIsVowel && index > 0)) {
      if (previous?.vowel) previous.text += char;
      else units.push({ text: char, vowel: true });
      continue;
    }
    if (previous && !previous.vowel && previous.text === char) continue;
    if (char === 'x') {
      units.push({ text: 'k', vowel: false }, { text: 's', vowel: false });
      continue;
    }
    units.push({ text: char, vowel: false });
  }
  return units;
}

/**
 * How many letters from `letters[from]` may write the vowel run `run`: each letter a vowel letter
 * of one of the run's vowels, in order (`ai` -> ا, ي or اي; `oo` -> و), and `i` alone also اي
 * (Biden, بايدن).
 */
function vowelLetterRuns(run: string, letters: readonly string[], from: number): number[] {
  const counts: number[] = [];
  let vowelAt = 0;
  let used = 0;
  while (vowelAt < run.length && from + used < letters.length) {
    const letter = letters[from + used];
    let at = vowelAt;
    while (at < run.length && !VOWEL_LETTERS[run[at]]?.includes(letter)) at++;
    if (at === run.length) break;
    used++;
    vowelAt = at + 1;
    counts.push(used);
  }
  if (run === 'i' && letters[from] === 'ا' && letters[from + 1] === 'ي') counts.push(2);
  if (/[aei]$/.test(run) && /[ie]/.test(run) && letters[from] === 'י' && letters[from + 1] === 'י') counts.push(2);
  return counts;
}

/** How many of a Latin word's vowels its Arabic or Hebrew spelling may leave out. */
function vowelsLeftOutAllowed(vowelCount: number): number {
  if (vowelCount <= 1) return 0;
  if (vowelCount <= 3) return 1;
  return Math.floor(vowelCount / 2);
}

/** The letters an Arabic or Hebrew word that writes `latin` (see `abjadWrites`) may begin with. */
export function abjadFirstLetters(latin: string): Set<string> {
  const first = latinUnits(latin)[0];
  if (!first) return new Set();
  if (!first.vowel) return new Set(LETTERS[first.text] ?? '');
  return new Set([...VOWEL_CARRIERS, ...[...first.text].flatMap((vowel) => [...(VOWEL_LETTERS[vowel] ?? '')])]);
}

/**
 * Whether the Arabic or Hebrew word `abjad` (folded: no harakat, no tatweel) writes the Latin
 * word `latin` (folded, a-z only, four letters or more), by the correspondences of the module
 * comment.
 */
export function abjadWrites(abjad: string, latin: string): boolean {
  if (!isAbjadWord(abjad) || !/^[a-z]{4,}$/.test(latin)) return false;
  const units = latinUnits(latin);
  const letters = [...abjad];
  const vowelCount = units.filter((unit) => unit.vowel).length; // runs: `ai` is one
  const allowed = vowelsLeftOutAllowed(vowelCount);
  // The fewest vowels left out to write units[i..] with letters[j..] (Infinity: impossible).
  const memo = new Map<number, number>();
  const width = letters.length + 1;
  const leftOut = (i: number, j: number): number => {
    if (i === units.length) return j === letters.length ? 0 : Infinity;
    const key = i * width + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let best = Infinity;
    const unit = units[i];
    const letter = letters[j];
    if (unit.vowel) {
      // A word's first vowel is always written (on a carrier: أوباما); a vowel after it may be left out.
      if (i > 0) best = 1 + leftOut(i + 1, j);
      if (letter !== undefined && VOWEL_CARRIERS.includes(letter) && (j === 0 || 'أإئؤء'.includes(letter))) best = Math.min(best, leftOut(i, j + 1));
      for (const used of vowelLetterRuns(unit.text, letters, j)) best = Math.min(best, leftOut(i + 1, j + used));
      // English u in a closed syllable sounds a: Trump, ترامب, טראמפ.
      const closed = unit.text === 'u' && units[i + 1] && !units[i + 1].vowel && (units[i + 2] === undefined || !units[i + 2].vowel);
      if (closed && (letter === 'ا' || letter === 'א')) best = Math.min(best, leftOut(i + 1, j + 1));
      const isLast = i === units.length - 1 && j === letters.length - 1;
      if (isLast && FINAL_VOWEL_LETTERS[unit.text[unit.text.length - 1]]?.includes(letter)) best = 0;
    } else if (letter !== undefined && LETTERS[unit.text]?.includes(letter)) {
      best = leftOut(i + 1, j + 1);
    }
    if (letter === 'ء' && j > 0) best = Math.min(best, leftOut(i, j + 1));
    memo.set(key, best);
    return best;
  };
  return leftOut(0, 0) <= allowed;
}
