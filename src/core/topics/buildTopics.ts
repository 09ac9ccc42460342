import type { Article, Mention, Topic, TopicKind } from '../model';
import type { AliasTable } from './aliasFile';
import { ABSORBED_HEADS, IRREGULAR_DEMONYMS, KIND_BY_LAST_WORD, NAME_CONNECTORS, PLACE_PREFIXES, STOP_WORDS, TITLE_WORDS } from './englishWords';
import { Candidate, CandidateRole, findCandidates, looksLikeDemonym, WordCounts } from './findCandidates';
import { keyOfTokens, NormalToken, normaliseTerm, normaliseTokens, singularOf } from './normaliseTerm';
import { withoutInvisibleCharacters, wordText } from '../text/wordText';
import { sortInSlices } from '../scheduling/sortInSlices';
import { neverDue, runToCompletion, SliceClock, SlicedWork } from '../scheduling/timeSlice';
import { TopicTrie } from './topicTrie';
import { misspellingEdits } from './spellingDistance';

/** The topics of a corpus and the trie that recognises them in any text. */
export interface BuiltTopics {
  /** Every topic, hidden ones included, sorted by sources then mentions. */
  topics: Topic[];
  hiddenIds: Set<string>;
  /** Keys and names that came from the writer's alias file, by topic id. */
  aliasNamesById: Map<string, string[]>;
  trie: TopicTrie;
}

/**
 * One way a person's name was joined to the full name, or kept apart from it, while building topics: the
 * evidence for the precision of the joins (see test/unit/topics/nameJoins.test.ts).
 */
export interface NameJoin {
  /**
   * `surname`: a surname alone joined the only full name it fits ("Modi" -> "narendra modi");
   * `initials`: an initial for the first name ("s jaishankar" -> "subrahmanyam jaishankar");
   * `typo`: a one-edit slip of a surname beside the spelling it slips from ("byden administration" -> "biden administration"):
   *   its mentions count for the person (as `head`), while the two spellings stay two topics the writer may merge;
   * `head`: "the Biden administration" is also a mention of the person (counted in `mentions`);
   * `apart`: a surname left alone, because several people or a different office fit it;
   * `gloss`: a Chinese or Japanese name joined the person whose Latin spelling followed it in brackets ("布 林 肯" -> "antony blinken").
   */
  rule: 'surname' | 'initials' | 'typo' | 'head' | 'apart' | 'gloss';
  /** The key that joined (or stayed apart). */
  from: string;
  /** The key of the full name it joined; for `apart`, the full names it could have joined, joined by " / ". */
  to: string;
  /** For `head`: how many mentions it added. */
  mentions?: number;
}

interface KeyStats {
  key: string;
  count: number;
  strong: number;
  acronymCount: number;
  roles: Set<CandidateRole>;
  kindVotes: Map<TopicKind, number>;
  cues: { place: number; person: number };
  lowercaseSurface: boolean;
  adjectival: number;
  listedWith: Map<string, number>;
  allCapsWord: boolean;
  baseKey?: string;
  acronymKey?: string;
  hyphenParts?: [string, string];
  /** For acronyms and names of several words: the first articles that use them, so an acronym joins only an expansion used beside it. */
  articles?: Set<string>;
  /** The offices named before it ("prime minister"), with their counts. */
  titles?: Map<string, number>;
  /** A name of a script without capitals, found by its shape (`findDottedNames`, `findGlossedNames`): none of the tests of case applies. */
  caseless?: boolean;
  /** For the surname of such a name: the full names it was written in. */
  fullNameKeys?: Set<string>;
  /** For such a name written before a Latin spelling in brackets: the keys of those spellings. */
  glossKeys?: Set<string>;
}

/** Enough articles to find an acronym beside its expansion; a bound, so memory grows with the keys, not with the keys' articles. */
const ARTICLES_KEPT_PER_KEY = 64;

function statsFor(stats: Map<string, KeyStats>, key: string): KeyStats {
  let s = stats.get(key);
  if (!s) {
    s = { key, count: 0, strong: 0, acronymCount: 0, roles: new Set(), kindVotes: new Map(), cues: { place: 0, person: 0 }, lowercaseSurface: false, adjectival: 0, listedWith: new Map(), allCapsWord: false };
    stats.set(key, s);
  }
  return s;
}

function record(stats: Map<string, KeyStats>, candidate: Omit<Candidate, 'start' | 'end'>, articleId: string): void {
  const s = statsFor(stats, candidate.key);
  if ((candidate.role === 'acronym' || !isSingleWord(candidate.key)) && (s.articles?.size ?? 0) < ARTICLES_KEPT_PER_KEY) (s.articles ??= new Set()).add(articleId);
  s.count++;
  if (candidate.role !== 'sentenceStart') s.strong++;
  if (candidate.role === 'acronym') s.acronymCount++;
  s.roles.add(candidate.role);
  if (candidate.kind) s.kindVotes.set(candidate.kind, (s.kindVotes.get(candidate.kind) ?? 0) + (candidate.role === 'name' ? 2 : 1));
  if (candidate.cue) s.cues[candidate.cue]++;
  if (candidate.surface === candidate.surface.toLowerCase()) s.lowercaseSurface = true;
  if (candidate.adjectival) s.adjectival++;
  if (candidate.listedWith) s.listedWith.set(candidate.listedWith, (s.listedWith.get(candidate.listedWith) ?? 0) + 1);
  if (/\p{Lu}\p{Lu}/u.test(candidate.surface)) s.allCapsWord = true;
  if (candidate.baseKey) s.baseKey = candidate.baseKey;
  if (candidate.acronymKey) s.acronymKey = candidate.acronymKey;
  if (candidate.hyphenParts) s.hyphenParts = candidate.hyphenParts;
  if (candidate.title) (s.titles ??= new Map()).set(candidate.title, (s.titles.get(candidate.title) ?? 0) + 1);
  if (candidate.caseless) s.caseless = true;
  if (candidate.fullNameKey) (s.fullNameKeys ??= new Set()).add(candidate.fullNameKey);
  if (candidate.glossKey) (s.glossKeys ??= new Set()).add(candidate.glossKey);
}

function demonymForms(place: string): string[] {
  const stem = place.replace(/[aeiouy]$/, '');
  return [place + 'n', place + 'an', place + 'ian', place + 'ese', stem + 'ese', stem + 'an', stem + 'ian', stem + 'ish',
    place + 'i', place.replace(/istan$/, ''), place + 'ish', place.replace(/ey$/, '') + 'ish'];
}

function dominantVote(s: KeyStats): TopicKind | undefined {
  return [...s.kindVotes].sort((x, y) => y[1] - x[1])[0]?.[0];
}

/** Whether some article uses both keys: "TV" is not "Tennessee Valley" unless a source says so by using both. */
function usedTogether(a: KeyStats, b: KeyStats): boolean {
  if (!a.articles || !b.articles) return false;
  const [small, large] = a.articles.size <= b.articles.size ? [a.articles, b.articles] : [b.articles, a.articles];
  for (const article of small) if (large.has(article)) return true;
  return false;
}

function isSingleWord(key: string): boolean {
  return !key.includes(' ');
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    let node = x;
    while (node !== root) {
      const next = this.parent.get(node) ?? root;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

function acceptKey(s: KeyStats, stats: Map<string, KeyStats>, lowercaseWords: WordCounts): boolean {
  const key = s.key;
  // Found by its shape, a middle dot between transliterated parts: no word of the text is "lower case" to weigh it against.
  if (s.caseless) return s.strong > 0;
  if (key.length < 2 || /^[\d\s.,]+$/.test(key) || (isSingleWord(key) && STOP_WORDS.has(key) && (s.acronymCount < 2 || s.acronymCount * 2 < s.count))) {
    return false;
  }
  if (s.roles.has('term') && s.roles.size === 1) return s.count >= 2;
  if (s.roles.has('codeCompound') && s.roles.size === 1) {
    const base = s.baseKey ? stats.get(s.baseKey) : undefined;
    return s.count >= 3 && (!base || s.count * 2 >= base.count);
  }
  if (s.strong === 0) {
    return s.count >= 2 && !lowercaseWords.has(key) && !lowercaseWords.has(singularOf(key)) && !/(?:ly|ing|ed)$/.test(key);
  }
  const words = key.split(' ');
  if (words.length > 1 && (EDGE_WORDS.has(words[0]) || EDGE_WORDS.has(words[words.length - 1]))) return false;
  if (isSingleWord(key) && ((s.allCapsWord && ROMAN_NUMERAL.test(key)) || isOffice(key))) return false;
  if (words.length > 1 && words.includes('of') && words[0].endsWith('s') && lowercaseWords.count(singularOf(words[0])) > s.count) return false;
  if (isSingleWord(key) && s.acronymCount > 0 && key.length > 5 && lowercaseWords.count(singularOf(key)) * COMMON_NOUN_SHARE >= s.count) return false;
  if (isSingleWord(key) && s.acronymCount === 0 && !s.roles.has('code')) {
    if (lowercaseWords.count(singularOf(key)) * COMMON_NOUN_SHARE >= s.strong) return false;
    if (s.count >= 3 && s.adjectival >= s.count * ADJECTIVE_SHARE && lowercaseWords.has(key)) return false;
  }
  return true;
}

/** "Presidency", "Chairmanship", "Senators": an office or its holders are no topic, as a title alone is none. */
function isOffice(key: string): boolean {
  return (key.endsWith('s') && TITLE_WORDS.has(key.slice(0, -1))) || (key.endsWith('cy') && TITLE_WORDS.has(`${key.slice(0, -2)}t`)) || (key.endsWith('ship') && TITLE_WORDS.has(key.slice(0, -4)));
}

/** Words no name starts or ends with: "Government for", "Act of" are pieces of a sentence. */
const EDGE_WORDS = new Set(['of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'into', 'and', 'or', 'the']);

/** "II", "XIV" in capitals: a number, whatever it follows ("Title II", "World War II"); "Xi" and "Li" are names. */
const ROMAN_NUMERAL = /^(?=[ivxlcdm]+$)m*(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/;

/**
 * A capitalised word the corpus also writes in lower case at least once for every four capitalised uses is a
 * common noun capitalised by house style ("the Government", "a State", "the Nation"), not a name.
 */
const COMMON_NOUN_SHARE = 4;

/**
 * A capitalised word almost always followed by a lower-case word, and written in lower case too, is an adjective
 * ("Federal funds", "Communist aggression"); a name followed by its verbs ("Lavrov stressed") is never written in lower case.
 */
const ADJECTIVE_SHARE = 0.85;

/**
 * A name of several words keeps its capitals ("Social Security", "White House"); one written with a lower-case
 * word (not "of", "and", "the") in half of its mentions or more is a common noun phrase ("foreign policy",
 * "Small business" opening a sentence, "God bless").
 */
const LOWERCASE_WORD_SHARE = 1 / 2;

/** Lower-case words a name may hold: "Bay of Bengal", "Charles de Gaulle", "Trinidad and Tobago". */
const LOWERCASE_IN_NAMES = new Set([...NAME_CONNECTORS, 'the', 'and', 'on']);

function hasLowercaseWord(surface: string): boolean {
  const words = wordText(surface).text.split(/[\s-]+/u).filter((w) => /\p{L}/u.test(w));
  return words.length > 1 && words.some((w) => /^\p{Ll}/u.test(w) && !LOWERCASE_IN_NAMES.has(w.toLowerCase()));
}

/**
 * Whether a group of keys is a common noun phrase by its spellings. Lower-case technical terms, codes with their
 * nouns and names with their heads ("Trump administration") are exempt, but a common noun with a head is not
 * ("State governments").
 */
function isCommonNounPhrase(keys: string[], stats: Map<string, KeyStats>, lowercaseWords: WordCounts, surfaceCounts: ReadonlyMap<string, number>): boolean {
  if (keys.some((key) => {
    const s = stats.get(key);
    return !s || (s.baseKey !== undefined && !lowercaseWords.has(s.baseKey)) || s.roles.has('term') || s.roles.has('codeCompound');
  })) {
    return false;
  }
  let several = 0;
  let lowercased = 0;
  for (const [surface, count] of surfaceCounts) {
    if (!/\s/.test(surface)) continue;
    several += count;
    if (hasLowercaseWord(surface)) lowercased += count;
  }
  return several > 0 && lowercased >= several * LOWERCASE_WORD_SHARE;
}

function personLike(key: string, s: KeyStats | undefined, lowercaseWords: WordCounts): boolean {
  if (!s || isSingleWord(key)) return false;
  if (s.kindVotes.size > 0) return (s.kindVotes.get('person') ?? 0) > 0;
  const parts = key.split(' ');
  const last = parts[parts.length - 1];
  if (lowercaseWords.has(parts[0]) || (last.endsWith('s') && lowercaseWords.has(last))) return false;
  if (s.allCapsWord || PLACE_PREFIXES.has(parts[0]) || KIND_BY_LAST_WORD.has(parts[0]) || parts.some((p) => NAME_CONNECTORS.has(p) && p !== 'el' && p !== 'al')) return false;
  return parts.length <= 3 && parts.every((p) => /^\p{L}[\p{L}']*$/u.test(p)) && parts[parts.length - 1].length > 1
    && !s.roles.has('acronym');
}

/** A word the sources only ever wrote in capitals ("US", "WHO") matches only in capitals, so "Us" and "Who" do not. */
function isCapsOnly(key: string, s: KeyStats | undefined, aliasKeys: ReadonlyMap<string, number>): boolean {
  return isSingleWord(key) && !!s && !aliasKeys.has(key) && s.acronymCount === s.count && STOP_WORDS.has(key);
}

/** A spelling as the writer is shown it: no possessive, one space between words, no invisible characters (`Jaishan\u00adkar` is `Jaishankar`). */
function cleanSurface(surface: string): string {
  const visible = withoutInvisibleCharacters(surface);
  if (!/['’ʼ\s]/u.test(visible)) return visible;
  return visible.replace(/['’ʼ]s$/u, '').replace(/\s+/g, ' ').trim();
}

/**
 * The full name a surname alone stands for. The only full name with that surname, unless the surname is
 * written only after offices the full name is never written after ("Prime Minister Singh" is not "Raksha Mantri
 * Rajnath Singh"; "President Eisenhower" is "General Dwight Eisenhower" when "General Eisenhower" comes up too); among several full names, only the one left when the surname's offices rule out the others
 * ("President Kennedy" is John Kennedy when Edward Kennedy is only ever "Senator Edward Kennedy"), or one
 * used far more often than the others. Otherwise none: two people who share a surname stay apart.
 */
function surnameOwner(owners: ReadonlyMap<string, number>, surnameTitles: ReadonlyMap<string, number> | undefined, titlesByRoot: ReadonlyMap<string, ReadonlySet<string>>): string | undefined {
  const titles = [...(surnameTitles?.keys() ?? [])];
  if (owners.size === 1) {
    const [only] = owners.keys();
    const held = titlesByRoot.get(only);
    return !held || held.size === 0 || titles.length === 0 || titles.some((title) => held.has(title)) ? only : undefined;
  }
  const holds = (owner: string): boolean => titles.every((title) => titlesByRoot.get(owner)?.has(title));
  const fits = [...owners.keys()].filter((owner) => (titlesByRoot.get(owner)?.size ?? 0) === 0 || holds(owner));
  if (fits.length === 1 && titles.length > 0 && holds(fits[0])) return fits[0];
  const ranked = [...owners.keys()].sort((x, y) => owners.get(y)! - owners.get(x)!);
  return owners.get(ranked[0])! >= owners.get(ranked[1])! * DOMINANT_OWNER_FACTOR ? ranked[0] : undefined;
}

/** A full name used this many times as often as the next one with its surname is the one the surname alone means ("Kennedy" is John Kennedy when Edward and Robert Kennedy come up once each). */
const DOMINANT_OWNER_FACTOR = 3;

/** Heads after which a person's surname names the person's office or camp: "the Biden administration" speaks of Biden. */
const PERSONAL_HEADS = new Set(['administration', 'government', 'presidency', 'cabinet', 'regime']);

/**
 * "in", "to", "from" come before many things besides places ("in God", "to Medicare"); a place shows itself
 * after them in at least one use in eight.
 */
const PLACE_CUE_SHARE = 1 / 8;

/** Capitals words are more often things than places ("on TV", "in AIDS research"): they need a place cue in one use in four. */
const ACRONYM_PLACE_CUE_SHARE = 1 / 4;

function guessKind(keys: string[], stats: Map<string, KeyStats>, lowercaseWords: WordCounts): TopicKind {
  const votes = new Map<TopicKind, number>();
  let place = 0;
  let person = 0;
  let acronym = false;
  let code = false;
  let nameShaped = false;
  for (const key of keys) {
    const s = stats.get(key);
    if (!s) continue;
    for (const [kind, n] of s.kindVotes) {
      if (kind === 'person' && isSingleWord(key) && lowercaseWords.has(key)) continue;
      votes.set(kind, (votes.get(kind) ?? 0) + n);
    }
    if (s.cues.place >= s.count * (s.roles.has('acronym') ? ACRONYM_PLACE_CUE_SHARE : PLACE_CUE_SHARE)) place += s.cues.place;
    if (!(isSingleWord(key) && lowercaseWords.has(key))) person += s.cues.person;
    acronym ||= s.roles.has('acronym');
    code ||= s.roles.has('code');
    nameShaped ||= personLike(key, s, lowercaseWords);
  }
  if (place > 0) votes.set('place', (votes.get('place') ?? 0) + place);
  if (person > 0) votes.set('person', (votes.get('person') ?? 0) + person);
  const voted = [...votes].sort((a, b) => b[1] - a[1])[0];
  if (voted) return voted[0];
  if (nameShaped) return 'person';
  if (code) return 'system';
  if (acronym) return 'organisation';
  return 'other';
}

/**
 * Finds the topics of a corpus: candidates from every passage (see findCandidates), judged
 * against the whole corpus (a capitalised sentence opener counts only if the corpus never
 * uses it as an ordinary word; demonyms and "Russia-India" pairs fold into their places;
 * technical terms must repeat), grouped by normalised key, acronym definitions, full names
 * and the writer's aliases, and finally located by one longest-match pass over every passage.
 */
export function buildTopics(articles: readonly Article[], aliasTable: AliasTable, joins?: NameJoin[], evidenceOf?: (article: Article) => ArticleEvidence | undefined): BuiltTopics {
  return runToCompletion(buildTopicsInSlices(articles, aliasTable, neverDue, joins, evidenceOf));
}

/**
 * What one article contributes to finding topics before the corpus judges it: every passage's
 * candidates in order (their places left out) and how often each lower-case word occurs. It
 * depends on the article's text alone, so it can be worked out once and kept (the archive keeps
 * it per article, and a refresh reads it back instead of reading every passage again).
 */
export interface ArticleEvidence {
  candidates: Array<Omit<Candidate, 'start' | 'end'>>;
  lowercaseWords: Array<[string, number]>;
}

/** An article's {@link ArticleEvidence}, as buildTopics gathers it. */
export function articleEvidence(article: Article): ArticleEvidence {
  const lowercaseWords = new WordCounts();
  const candidates: ArticleEvidence['candidates'] = [];
  for (const passage of article.passages) {
    for (const { start: _start, end: _end, ...candidate } of findCandidates(passage.text, lowercaseWords).candidates) candidates.push(candidate);
  }
  return { candidates, lowercaseWords: lowercaseWords.entries() };
}

/**
 * {@link buildTopics} as sliced work: it yields whenever `clock` is due, inside every loop that
 * grows with the corpus, so a cooperative driver can give the thread back between slices.
 * Driven by a clock that is never due, it is buildTopics itself. Each join of a person's names is pushed
 * onto `joins` when given.
 */
export function* buildTopicsInSlices(articles: readonly Article[], aliasTable: AliasTable, clock: SliceClock, joins?: NameJoin[], evidenceOf?: (article: Article) => ArticleEvidence | undefined): SlicedWork<BuiltTopics> {
  const stats = new Map<string, KeyStats>();
  const lowercaseWords = new WordCounts();
  for (const article of articles) {
    // An article's evidence kept from before counts exactly as its passages would.
    const kept = evidenceOf?.(article);
    if (kept) {
      if (clock.due()) yield;
      for (const [word, times] of kept.lowercaseWords) lowercaseWords.add(word, times);
      for (const candidate of kept.candidates) record(stats, candidate, article.id);
      continue;
    }
    for (const passage of article.passages) {
      if (clock.due()) yield;
      const found = findCandidates(passage.text, lowercaseWords);
      for (const candidate of found.candidates) record(stats, candidate, article.id);
    }
  }

  const accepted = new Set<string>();
  for (const s of stats.values()) {
    if (clock.due()) yield;
    if (acceptKey(s, stats, lowercaseWords)) accepted.add(s.key);
  }

  const placeByDemonym = new Map<string, string>();
  for (const place of accepted) {
    if (clock.due()) yield;
    if (!isSingleWord(place) || place.length < 3) continue;
    for (const form of demonymForms(place)) if (form !== place && !placeByDemonym.has(form)) placeByDemonym.set(form, place);
  }
  const demonyms = new Set<string>();
  for (const key of accepted) {
    if (clock.due()) yield;
    const s = stats.get(key)!;
    if (!isSingleWord(key) || s.roles.has('acronym') || s.roles.has('code')) continue;
    const singular = key.replace(/s$/, '');
    if (IRREGULAR_DEMONYMS.has(singular) || IRREGULAR_DEMONYMS.has(key) || (looksLikeDemonym(key) && s.adjectival * 2 > s.count)) {
      demonyms.add(key);
      continue;
    }
    const place = placeByDemonym.get(key) ?? placeByDemonym.get(singular);
    if (place && place !== key) {
      demonyms.add(key);
      stats.get(place)!.cues.place += 2;
    }
  }
  for (const key of demonyms) accepted.delete(key);
  const resolves = (part: string): boolean => accepted.has(part) || demonyms.has(part);
  for (const key of [...accepted]) {
    if (clock.due()) yield;
    const parts = stats.get(key)?.hyphenParts;
    if (parts && parts.every((part) => resolves(part) || lowercaseWords.has(part))) accepted.delete(key);
  }

  for (const key of [...accepted]) {
    if (clock.due()) yield;
    const words = key.split(' ');
    const last = words[words.length - 1];
    if (words.length > 2 && ((stats.get(key)!.allCapsWord && ROMAN_NUMERAL.test(last)) || /^\d+$/.test(last))) accepted.delete(words.slice(0, -1).join(' '));
  }

  const groups = new UnionFind();
  for (const key of accepted) {
    if (clock.due()) yield;
    const words = key.split(' ');
    const head = words[words.length - 1];
    const name = words.slice(0, -1).join(' ');
    if (words.length > 2 && ABSORBED_HEADS.has(head) && accepted.has(name)) groups.union(name, key);
    if (words.length === 2 && head === 'islands' && accepted.has(`${words[0]}s`)) groups.union(`${words[0]}s`, key);
    const of = words.indexOf('of');
    if (of >= 2 && of === words.length - 2 && accepted.has(words.slice(0, of).join(' ')) && accepted.has(head)
      && dominantVote(stats.get(key)!) === 'place' && dominantVote(stats.get(words.slice(0, of).join(' '))!) === 'place') {
      groups.union(words.slice(0, of).join(' '), key);
    }
  }
  for (const key of accepted) {
    if (clock.due()) yield;
    const acronym = stats.get(key)?.acronymKey;
    if (acronym && accepted.has(acronym)) groups.union(acronym, key);
  }
  for (const key of [...accepted]) {
    if (clock.due()) yield;
    const s = stats.get(key)!;
    const base = s.baseKey;
    if (!base) continue;
    if (s.roles.has('codeCompound') && accepted.has(base)) groups.union(key, base);
    if (s.roles.has('name') && !isSingleWord(base) && !accepted.has(base) && !stats.has(base)) {
      accepted.add(base);
      statsFor(stats, base).roles.add('name');
      groups.union(key, base);
    }
  }
  const byInitials = new Map<string, string[]>();
  for (const key of accepted) {
    if (clock.due()) yield;
    if (isSingleWord(key)) continue;
    const initials = key.split(' ').filter((w) => !NAME_CONNECTORS.has(w)).map((w) => w[0]).join('');
    if (initials.length < 2) continue;
    const sharing = byInitials.get(initials);
    if (sharing) sharing.push(key);
    else byInitials.set(initials, [key]);
  }
  for (const key of accepted) {
    if (clock.due()) yield;
    const s = stats.get(key)!;
    if (!isSingleWord(key) || s.acronymCount * 2 < s.count || key.length > 6) continue;
    const expansions = byInitials.get(key);
    if (expansions && expansions.length === 1 && usedTogether(s, stats.get(expansions[0])!)) groups.union(expansions[0], key);
  }
  // A Chinese or Japanese name written before a person's Latin spelling in brackets (`布林肯（Antony Blinken）`) joins that person;
  // known only that way, and not joined (a place, two people, a spelling found nowhere else), it names no topic.
  for (const key of [...accepted]) {
    if (clock.due()) yield;
    const s = stats.get(key)!;
    if (!s.glossKeys) continue;
    const people = [...s.glossKeys].filter((gloss) => gloss !== key && accepted.has(gloss) && personLike(gloss, stats.get(gloss), lowercaseWords));
    const roots = new Set(people.map((gloss) => groups.find(gloss)));
    if (roots.size === 1) {
      groups.union(people[0], key);
      joins?.push({ rule: 'gloss', from: key, to: people[0] });
    } else if (s.roles.size === 1 && s.roles.has('glossed')) {
      accepted.delete(key);
      if (roots.size > 1) joins?.push({ rule: 'apart', from: key, to: people.sort().join(' / ') });
    }
  }
  // The surname of a dotted Chinese or Japanese name (`普京`) joins the one full name it was written in; shared by two, it stays apart and names no topic.
  for (const key of [...accepted]) {
    if (clock.due()) yield;
    const fullNames = [...(stats.get(key)?.fullNameKeys ?? [])].filter((full) => full !== key && accepted.has(full));
    if (fullNames.length === 0) continue;
    if (fullNames.length === 1) {
      groups.union(fullNames[0], key);
      joins?.push({ rule: 'surname', from: key, to: fullNames[0] });
    } else {
      accepted.delete(key);
      joins?.push({ rule: 'apart', from: key, to: fullNames.sort().join(' / ') });
    }
  }
  const people: string[] = [];
  for (const key of accepted) {
    if (clock.due()) yield;
    // Names without capitals have their own joins (above); the rules of Latin names (initials, first names) do not read them.
    if (stats.get(key)?.caseless) continue;
    if (personLike(key, stats.get(key), lowercaseWords)) people.push(key);
  }
  const byInitial = new Map<string, string[]>();
  for (const key of people) {
    const words = key.split(' ');
    if (words.length >= 2 && words[0].length > 1) {
      const sharing = `${words[0][0]} ${words[words.length - 1]}`;
      byInitial.set(sharing, [...(byInitial.get(sharing) ?? []), key]);
    }
  }
  for (const key of people) {
    if (clock.due()) yield;
    const words = key.split(' ');
    if (words.length !== 2 || words[0].length !== 1) continue;
    const full = byInitial.get(key) ?? [];
    if (full.length > 0 && new Set(full.map((name) => groups.find(name))).size === 1) {
      groups.union(full[0], key);
      joins?.push({ rule: 'initials', from: key, to: full[0] });
    }
  }
  const byEnds = new Map<string, string>();
  for (const key of people.sort((a, b) => a.split(' ').length - b.split(' ').length)) {
    if (clock.due()) yield;
    const parts = key.split(' ');
    const ends = `${parts[0]} ${parts[parts.length - 1]}`;
    const existing = byEnds.get(ends);
    if (existing) groups.union(existing, key);
    else byEnds.set(ends, key);
  }
  const fullNamesBySurname = new Map<string, Map<string, number>>();
  /** How many full names start with a word: "John" and "Charles" are first names, and a surname alone is never one of them. */
  const firstNameUses = new Map<string, number>();
  for (const key of people) firstNameUses.set(key.split(' ')[0], (firstNameUses.get(key.split(' ')[0]) ?? 0) + 1);
  /** "Florida Everglades", "Philippine Islands Maj" look like people, but a place starts no person's name; nor does "Mrs" ("Mrs Clinton" is no full name). */
  const startsNoName = (word: string): boolean => TITLE_WORDS.has(word) || (accepted.has(word) && (dominantVote(stats.get(word)!) === 'place' || stats.get(word)!.cues.place * 4 >= stats.get(word)!.count));
  const nameWords = new Set<string>();
  for (const key of people) {
    if (clock.due()) yield;
    const words = key.split(' ');
    for (const word of words) nameWords.add(word);
    const surname = words[words.length - 1];
    if (surname.length < 3 || words.includes('of') || stats.get(key)!.hyphenParts || startsNoName(words[0])) continue;
    const owners = fullNamesBySurname.get(surname) ?? new Map<string, number>();
    const root = groups.find(key);
    owners.set(root, (owners.get(root) ?? 0) + stats.get(key)!.count);
    fullNamesBySurname.set(surname, owners);
  }
  const titlesByRoot = new Map<string, Set<string>>();
  for (const key of people) {
    if (clock.due()) yield;
    const titles = stats.get(key)!.titles;
    if (!titles) continue;
    const root = groups.find(key);
    const held = titlesByRoot.get(root) ?? new Set<string>();
    for (const title of titles.keys()) held.add(title);
    titlesByRoot.set(root, held);
  }
  /** "Spain, Sweden and Norway": a word listed among places, and never with a title or a speech verb, is a place. */
  const listedWithPlaces = (s: KeyStats): boolean => (s.kindVotes.get('person') ?? 0) === 0 && s.cues.person === 0
    && [...s.listedWith.keys()].some((partner) => accepted.has(partner) && (dominantVote(stats.get(partner)!) === 'place' || stats.get(partner)!.cues.place > 0));
  const ownerBySurname = new Map<string, string>();
  for (const key of accepted) {
    if (clock.due()) yield;
    const s = stats.get(key)!;
    if (!isSingleWord(key) || s.roles.has('code') || s.roles.has('acronym') || lowercaseWords.has(key)) continue;
    const otherKinds = [...s.kindVotes].filter(([kind]) => kind !== 'person').reduce((sum, [, n]) => sum + n, 0);
    if (s.cues.place > s.cues.person + (s.kindVotes.get('person') ?? 0) || otherKinds > (s.kindVotes.get('person') ?? 0)) continue;
    const owners = fullNamesBySurname.get(key);
    if (!owners || listedWithPlaces(s) || (firstNameUses.get(key) ?? 0) >= 2) continue;
    const owner = surnameOwner(owners, s.titles, titlesByRoot);
    if (owner) {
      groups.union(owner, key);
      ownerBySurname.set(key, owner);
      joins?.push({ rule: 'surname', from: key, to: owner });
    } else {
      joins?.push({ rule: 'apart', from: key, to: [...owners.keys()].sort().join(' / ') });
    }
  }
  const surnamesByInitial = new Map<string, string[]>();
  const typoOf = new Map<string, string>();
  for (const [surname, owners] of fullNamesBySurname) {
    if (clock.due()) yield;
    surnamesByInitial.set(surname[0], [...(surnamesByInitial.get(surname[0]) ?? []), surname]);
    const [owner] = owners.keys();
    if (owners.size === 1 && !ownerBySurname.has(surname) && !accepted.has(surname) && (firstNameUses.get(surname) ?? 0) < 2
      && !lowercaseWords.has(surname) && !looksLikeDemonym(surname)) {
      ownerBySurname.set(surname, owner);
    }
  }
  for (const key of accepted) {
    if (clock.due()) yield;
    const [word, head, ...rest] = key.split(' ');
    if (rest.length > 0 || !head || !PERSONAL_HEADS.has(head) || word.length < 4 || ownerBySurname.has(word) || accepted.has(word) || nameWords.has(word)) continue;
    for (const surname of surnamesByInitial.get(word[0]) ?? []) {
      const correct = `${surname} ${head}`;
      if (misspellingEdits(word, surname) !== 1 || !ownerBySurname.has(surname) || !accepted.has(correct) || stats.get(correct)!.count <= stats.get(key)!.count) continue;
      typoOf.set(word, surname);
      joins?.push({ rule: 'typo', from: key, to: correct });
      break;
    }
  }

  const aliasKeys = new Map<string, number>();
  const lowercaseAliasKeys = new Set<string>();
  const trie = new TopicTrie();
  aliasTable.entries.forEach((entry, index) => {
    const node = `\u0000alias${index}`;
    for (const name of [entry.name, ...entry.aliases]) {
      const key = normaliseTerm(name);
      if (name === name.toLowerCase()) lowercaseAliasKeys.add(key);
      if (key === '' || aliasKeys.has(key)) continue;
      aliasKeys.set(key, index);
      groups.union(node, key);
    }
  });

  const keysByRoot = new Map<string, string[]>();
  for (const key of [...accepted, ...aliasKeys.keys()]) {
    if (clock.due()) yield;
    const root = groups.find(key);
    const list = keysByRoot.get(root) ?? [];
    list.push(key);
    keysByRoot.set(root, list);
  }
  const rootOfAlias = new Map<number, string>();
  for (const [key, index] of aliasKeys) rootOfAlias.set(index, groups.find(key));

  // Topic ids depend on the canonical name, which depends on the spellings the mention pass
  // finds; so this first trie points at group roots and the final one at topic ids.
  for (const [root, keys] of keysByRoot) {
    if (clock.due()) yield;
    for (const key of keys) {
      const s = stats.get(key);
      trie.add(key, {
        topicId: root,
        fromAlias: aliasKeys.has(key),
        lowercaseOk: !isSingleWord(key) || lowercaseAliasKeys.has(key) || (!!s && s.lowercaseSurface),
        capsOnly: isCapsOnly(key, s, aliasKeys),
      });
    }
  }

  const personBeforeHead = (tokens: NormalToken[], from: number, to: number): string | undefined => {
    if (!PERSONAL_HEADS.has(tokens[to - 1].singular) || tokens[to - 1].isCode) return undefined;
    if (to - from === 2) {
      const surname = tokens[from].norm;
      const owner = ownerBySurname.get(surname) ?? ownerBySurname.get(typoOf.get(surname) ?? '');
      return owner === undefined ? undefined : groups.find(owner);
    }
    const name = trie.longestAt(tokens, from);
    return name && name.to === to - 1 ? name.entry.topicId : undefined;
  };
  const headMentions: Array<{ root: string; key: string; mention: Mention }> = [];
  const mentionsByRoot = new Map<string, Mention[]>();
  const addMention = (root: string, mention: Mention): void => {
    const list = mentionsByRoot.get(root) ?? [];
    list.push(mention);
    mentionsByRoot.set(root, list);
  };
  for (const article of articles) {
    for (const passage of article.passages) {
      if (clock.due()) yield;
      const tokens = normaliseTokens(passage.text);
      for (const match of trie.allMatches(tokens)) {
        const start = tokens[match.from].start;
        const end = tokens[match.to - 1].end;
        addMention(match.entry.topicId, { passageId: passage.id, articleId: article.id, start, end, surface: passage.text.slice(start, end) });
        const person = match.to - match.from > 1 ? personBeforeHead(tokens, match.from, match.to) : undefined;
        if (person && person !== match.entry.topicId) {
          const t = tokens[match.from];
          const last = tokens[match.to - 2];
          headMentions.push({ root: person, key: keyOfTokens(tokens, match.from, match.to), mention: { passageId: passage.id, articleId: article.id, start: t.start, end: last.end, surface: passage.text.slice(t.start, last.end) } });
        }
        if (match.to - match.from > 1) {
          for (let k = match.from; k < match.to; k++) {
            const inner = tokens[k].isCode ? trie.longestAt([tokens[k]], 0) : undefined;
            if (inner && inner.entry.topicId !== match.entry.topicId) {
              const t = tokens[k];
              addMention(inner.entry.topicId, { passageId: passage.id, articleId: article.id, start: t.start, end: t.end, surface: passage.text.slice(t.start, t.end) });
            }
          }
        }
      }
    }
  }

  const topics: Topic[] = [];
  const hiddenIds = new Set<string>();
  const aliasNamesById = new Map<string, string[]>();
  const entryByRoot = new Map<string, number>();
  for (const [index, root] of rootOfAlias) if (!entryByRoot.has(root)) entryByRoot.set(root, index);
  const kinds = new Map<string, TopicKind>();
  for (const [root, keys] of keysByRoot) {
    if (clock.due()) yield;
    kinds.set(root, guessKind(keys, stats, lowercaseWords));
  }
  for (let round = 0; round < 2; round++) {
    for (const [root, keys] of keysByRoot) {
      if (clock.due()) yield;
      if (kinds.get(root) !== 'other') continue;
      const votes = new Map<TopicKind, number>();
      for (const key of keys) {
        for (const [partner, n] of stats.get(key)?.listedWith ?? []) {
          const partnerKind = accepted.has(partner) ? kinds.get(groups.find(partner)) : undefined;
          if (partnerKind && partnerKind !== 'other') votes.set(partnerKind, (votes.get(partnerKind) ?? 0) + n * (partnerKind === 'place' ? 3 : 1));
        }
      }
      const best = [...votes].sort((x, y) => y[1] - x[1])[0];
      if (best) kinds.set(root, best[0]);
    }
  }
  const headCounts = new Map<string, { key: string; root: string; mentions: number }>();
  for (const { root, key, mention } of headMentions) {
    if (clock.due()) yield;
    if (kinds.get(root) !== 'person' || !mentionsByRoot.has(root)) continue;
    addMention(root, mention);
    const join = `${key} -> ${root}`;
    const counted = headCounts.get(join) ?? { key, root, mentions: 0 };
    counted.mentions++;
    headCounts.set(join, counted);
  }
  const usedIds = new Set<string>();
  const rootToId = new Map<string, string>();
  for (const [root, keys] of keysByRoot) {
    if (clock.due()) yield;
    const mentions = mentionsByRoot.get(root);
    if (!mentions || mentions.length === 0) continue;
    yield* sortInSlices(mentions, inCorpusOrder, clock);
    const entryIndex = entryByRoot.get(root);
    const entry = entryIndex === undefined ? undefined : aliasTable.entries[entryIndex];
    const surfaceCounts = new Map<string, number>();
    const spellingSets = new Map<string, Set<string>>();
    for (const mention of mentions) {
      if (clock.due()) yield;
      const surface = cleanSurface(mention.surface);
      surfaceCounts.set(surface, (surfaceCounts.get(surface) ?? 0) + 1);
      let spellings = spellingSets.get(mention.articleId);
      if (!spellings) {
        spellings = new Set();
        spellingSets.set(mention.articleId, spellings);
      }
      spellings.add(surface);
    }
    if (!entryByRoot.has(root) && isCommonNounPhrase(keys, stats, lowercaseWords, surfaceCounts)) continue;
    const articleIds = [...spellingSets.keys()];
    const spellingsByArticle: Record<string, string[]> = {};
    for (const [articleId, spellings] of spellingSets) spellingsByArticle[articleId] = [...spellings];
    const name = entry?.name ?? canonicalName(keys, stats, surfaceCounts, lowercaseWords);
    const aliases: string[] = [];
    const seen = new Set([name]);
    for (const surface of [...surfaceCounts.keys(), ...(entry ? [entry.name, ...entry.aliases] : [])]) {
      if (!seen.has(surface)) {
        seen.add(surface);
        aliases.push(surface);
      }
    }
    let id = `topic:${normaliseTerm(name) || keys[0]}`;
    while (usedIds.has(id)) id += '+';
    usedIds.add(id);
    const topic: Topic = {
      id,
      name,
      kind: entry?.kind ?? kinds.get(root) ?? 'other',
      aliases,
      mentions,
      articleIds,
      spellingsByArticle,
    };
    topics.push(topic);
    if (entry?.hidden) hiddenIds.add(id);
    if (entry) aliasNamesById.set(id, [entry.name, ...entry.aliases]);
    rootToId.set(root, id);
  }
  for (const { key, root, mentions } of headCounts.values()) {
    const id = rootToId.get(root);
    joins?.push({ rule: 'head', from: key, to: normaliseTerm(topics.find((topic) => topic.id === id)?.name ?? root), mentions });
  }
  const finalTrie = new TopicTrie();
  for (const [root, keys] of keysByRoot) {
    if (clock.due()) yield;
    const id = rootToId.get(root);
    if (!id) continue;
    for (const key of keys) {
      const s = stats.get(key);
      finalTrie.add(key, {
        topicId: id,
        fromAlias: aliasKeys.has(key),
        lowercaseOk: !isSingleWord(key) || lowercaseAliasKeys.has(key) || (!!s && s.lowercaseSurface),
        capsOnly: isCapsOnly(key, s, aliasKeys),
      });
    }
  }
  const surnameOwners = new Map<string, string[]>();
  for (const topic of topics) {
    if (clock.due()) yield;
    if (topic.kind !== 'person') continue;
    const words = normaliseTerm(topic.name).split(' ');
    const surname = words[words.length - 1];
    if (words.length < 2 || surname.length < 4) continue;
    const owners = surnameOwners.get(surname);
    if (owners) owners.push(topic.id);
    else surnameOwners.set(surname, [topic.id]);
  }
  for (const [surname, owners] of surnameOwners) {
    if (clock.due()) yield;
    if (owners.length === 1) finalTrie.add(surname, { topicId: owners[0], fromAlias: false, lowercaseOk: false, capsOnly: false });
  }
  yield* sortInSlices(topics, mostSourcesFirst, clock);
  return { topics, hiddenIds, aliasNamesById, trie: finalTrie };
}

function inCorpusOrder(a: Mention, b: Mention): number {
  return a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.passageId < b.passageId ? -1 : a.passageId > b.passageId ? 1 : a.start - b.start;
}

function mostSourcesFirst(a: Topic, b: Topic): number {
  return b.articleIds.length - a.articleIds.length || b.mentions.length - a.mentions.length || a.name.localeCompare(b.name);
}

/** The most common well-formed spelling; the acronym when one was defined; the full name of a person; `S-400` over `S400`. */
function canonicalName(keys: string[], stats: Map<string, KeyStats>, surfaceCounts: Map<string, number>, lowercaseWords: WordCounts): string {
  const acronymKeys = new Set(keys.map((k) => stats.get(k)?.acronymKey).filter((k): k is string => !!k));
  const people = keys.filter((k) => personLike(k, stats.get(k), lowercaseWords));
  const ranked = [...surfaceCounts].filter(([surface]) => /^[\p{Lu}\d]/u.test(surface) || surface.length > 0).sort((a, b) => {
    const score = (surface: string, count: number): number => {
      const key = normaliseTerm(surface);
      let value = count;
      if (/^[\p{Lu}\d]/u.test(surface)) value += 1000;
      if (acronymKeys.has(key)) value += 100000;
      // A Chinese or Japanese name written whole, with its dot, over its surname alone, however often that is used.
      if (/\p{L}[\u00b7\u2022\u30fb\uff65]\p{L}/u.test(surface)) value += 10000;
      if (people.length > 0 && people.includes(key)) value += 10000;
      // A person a Chinese or Japanese source also spells in Latin letters (`安东尼·布林肯（Antony Blinken）`) is named as in Latin.
      if (people.length > 0 && people.includes(key) && !stats.get(key)?.caseless) value += 20000;
      if (/\p{L}-\d/u.test(wordText(surface).text)) value += 500;
      if (/\d/.test(surface) && !/\s/.test(surface)) value += 200;
      if (/\d/.test(surface) && surface === surface.toUpperCase()) value += 100;
      return value;
    };
    return score(b[0], b[1]) - score(a[0], a[1]) || b[0].length - a[0].length;
  });
  return ranked[0]?.[0] ?? keys[0];
}
