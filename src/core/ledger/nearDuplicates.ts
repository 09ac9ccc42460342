/**
 * Independence of sources: two passages that repeat each other (agency copy run by two
 * outlets) are one voice, not two confirmations. Near-duplicates are found by word shingles
 * (three words, case and accents folded) and their Jaccard overlap; a MinHash sketch would
 * scale to whole corpora, but the ledger only compares the few passages that support a claim.
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
  /** `YYYY-MM-DD` when known: the earlier of two repeating sources is the original. */
  date?: string;
}

/** Which source repeats which: `repeats` maps an article to the one it repeats (the original). */
export interface Independence {
  independent: string[];
  repeats: Map<string, string>;
}

/**
 * Groups voices that repeat each other (near-duplicate text, or citing the same original) and
 * keeps one per group: the earliest dated, else the first given.
 */
export function independentVoices(voices: readonly SourceVoice[]): Independence {
  const ordered = [...voices].sort((a, b) => (a.date && b.date ? a.date.localeCompare(b.date) : a.date ? -1 : b.date ? 1 : 0));
  const sketches = ordered.map((voice) => shingles(voice.text));
  const independent: string[] = [];
  const repeats = new Map<string, string>();
  ordered.forEach((voice, index) => {
    for (let earlier = 0; earlier < index; earlier++) {
      const original = ordered[earlier];
      if (repeats.has(original.articleId) || original.articleId === voice.articleId) continue;
      const sameCitation = voice.citing !== undefined && original.citing !== undefined && voice.citing.toLowerCase() === original.citing.toLowerCase();
      if (sameCitation || jaccard(sketches[index], sketches[earlier]) >= repeatJaccard) {
        repeats.set(voice.articleId, original.articleId);
        return;
      }
    }
    if (!independent.includes(voice.articleId)) independent.push(voice.articleId);
  });
  return { independent, repeats };
}
