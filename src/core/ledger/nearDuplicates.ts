/**
 * Independence of sources: two passages that repeat each other (agency copy run by two
 * outlets) are one voice, not two confirmations. Near-duplicates are found by word shingles
 * (three words, case and accents folded) and their Jaccard overlap; a MinHash sketch would
 * scale to whole corpora, but the ledger only compares the few passages that support a claim.
 * A source citing another one by its outlet ("according to the Associated Press") repeats it
 * too, whatever its wording.
 */
import { foldWord } from '../text/wordText';

const shingleSize = 3;
/** Two passages sharing this share of their three-word shingles repeat each other. */
export const repeatJaccard = 0.5;
const maxWords = 600;

/** The folded three-word shingles of a text. */
export function shingles(text: string): Set<string> {
  const words = (text.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, maxWords).map((word) => foldWord(word).toLowerCase());
  const result = new Set<string>();
  if (words.length < shingleSize) {
    if (words.length > 0) result.add(words.join(' '));
    return result;
  }
  for (let i = 0; i + shingleSize <= words.length; i++) result.add(words.slice(i, i + shingleSize).join(' '));
  return result;
}

/** |a ∩ b| / |a ∪ b|, 0 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

/** One source's voice on a claim: its text, and (for second-hand support) whom it cites. */
export interface SourceVoice {
  articleId: string;
  text: string;
  citing?: string;
  /** The source's outlet ("Associated Press"): a voice citing it ("according to the Associated Press") repeats it. */
  outlet?: string;
  /** `YYYY-MM-DD` when known: the earlier of two repeating sources is the original. */
  date?: string;
}

/** What a repeating voice shares with its original: the longest run of words they have in common (as the copy words it), and the share of their shingles in common. */
export interface Overlap {
  text: string;
  share: number;
}

/** Which source repeats which: `repeats` maps an article to the one it repeats (the original); `overlaps` what a copy shares with it. */
export interface Independence {
  independent: string[];
  repeats: Map<string, string>;
  overlaps: Map<string, Overlap>;
}

/**
 * The longest run of words of `copy` that `original` has too (three words at least, case and
 * accents folded), as `copy` writes it; empty when they share no three words in a row.
 */
export function sharedRun(copy: string, original: string): string {
  const words = [...copy.slice(0, maxWords * 20).matchAll(/[\p{L}\p{N}]+/gu)].slice(0, maxWords);
  const folded = words.map((word) => foldWord(word[0]).toLowerCase());
  const theirs = shingles(original);
  let best = { from: 0, to: -1 };
  let from = -1;
  for (let i = 0; i + shingleSize <= folded.length; i++) {
    if (theirs.has(folded.slice(i, i + shingleSize).join(' '))) {
      if (from < 0) from = i;
      const to = i + shingleSize - 1;
      if (to - from > best.to - best.from) best = { from, to };
    } else {
      from = -1;
    }
  }
  if (best.to < 0) return '';
  const start = words[best.from].index ?? 0;
  const last = words[best.to];
  return copy.slice(start, (last.index ?? 0) + last[0].length);
}

/** A name without case, a leading "the" or trailing punctuation: "the Associated Press" and "Associated Press" are one. */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/^the\s+/, '').replace(/[.,;:]+$/, '').trim();
}

/** True when `citing` names `outlet` ("the Associated Press", "AP reports" naming "AP"). */
function cites(citing: string | undefined, outlet: string | undefined): boolean {
  if (!citing || !outlet) return false;
  const key = nameKey(outlet);
  if (key.length < 2) return false;
  const cited = nameKey(citing);
  return ` ${cited.replace(/\s+/g, ' ')} `.includes(` ${key.replace(/\s+/g, ' ')} `);
}

/**
 * Groups voices that repeat each other (near-duplicate text, citing the same original, or one
 * citing another's outlet) and keeps one per group: the cited one, else the earliest dated,
 * else the first given.
 */
export function independentVoices(voices: readonly SourceVoice[]): Independence {
  const byDate = [...voices].sort((a, b) => (a.date && b.date ? a.date.localeCompare(b.date) : a.date ? -1 : b.date ? 1 : 0));
  // A source another one cites is the original, whatever the dates say.
  const cited = (voice: SourceVoice) => byDate.some((other) => other !== voice && cites(other.citing, voice.outlet));
  const ordered = [...byDate.filter(cited), ...byDate.filter((voice) => !cited(voice))];
  const sketches = ordered.map((voice) => shingles(voice.text));
  const independent: string[] = [];
  const repeats = new Map<string, string>();
  const overlaps = new Map<string, Overlap>();
  ordered.forEach((voice, index) => {
    for (let earlier = 0; earlier < index; earlier++) {
      const original = ordered[earlier];
      if (repeats.has(original.articleId) || original.articleId === voice.articleId) continue;
      const sameCitation = voice.citing !== undefined && original.citing !== undefined && nameKey(voice.citing) === nameKey(original.citing);
      const share = jaccard(sketches[index], sketches[earlier]);
      if (sameCitation || share >= repeatJaccard || cites(voice.citing, original.outlet)) {
        repeats.set(voice.articleId, original.articleId);
        const text = sharedRun(voice.text, original.text);
        if (text) overlaps.set(voice.articleId, { text, share });
        return;
      }
    }
    if (!independent.includes(voice.articleId)) independent.push(voice.articleId);
  });
  return { independent, repeats, overlaps };
}
