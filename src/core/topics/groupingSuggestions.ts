import * as l10n from '@vscode/l10n';
import type { Topic, TopicKind } from '../model';
import { normaliseTerm } from './normaliseTerm';
import { misspellingEdits } from './spellingDistance';
import { neverDue, runToCompletion, type SliceClock, type SlicedWork } from '../scheduling/timeSlice';

/**
 * Pairs of topics that may be one thing although no rule can prove it: a machine translation's
 * rendering of a name ("Su Jiesheng" for S. Jaishankar), a misspelling the sources printed
 * ("Byden administration"). Shown to the writer with the evidence, never merged by Sourcebook.
 * Precision first: a pair needs either near-identical spellings, or the same role in the
 * sources ("Indian Foreign Minister Su Jiesheng", "his counterpart Dr S Jaishankar") AND names
 * that sound alike; a role that differs ("Prime Minister Singh", "Raksha Mantri Rajnath Singh"),
 * two given names that differ, or both names in one passage rule a pair out.
 */

/** One reason to think two topics are one, as the writer reads it in the tooltip. */
export interface SuggestionEvidence {
  kind: 'spelling' | 'role' | 'sound' | 'company';
  /** "same role: foreign minister of India". */
  text: string;
}

/** A possible same-topic pair. */
export interface SameTopicSuggestion {
  /** The topic whose name the alias is written under (see {@link SuggestionInputs.preferAsName}). */
  keep: Topic;
  /** The topic that would become an alias of `keep`. */
  other: Topic;
  /** 0 to 1, higher is more likely. */
  score: number;
  evidence: SuggestionEvidence[];
  /** Where each name is found, e.g. "“Su Jiesheng” in YCPress · “S Jaishankar” in 003". */
  where: string;
  /** One line for the tree row: the main evidence and the sources, "same role: foreign minister of India · in YCPress and 003". */
  summary: string;
  /** The same for the same two names, in either order: what a dismissal and a command argument name. */
  key: string;
}

/** What the suggestions are computed from; all of it comes from the built index and the corpus. */
export interface SuggestionInputs {
  topics: readonly Topic[];
  passageText(passageId: string): string | undefined;
  /** A short name for an article: its outlet, else its file name. */
  sourceLabel(articleId: string): string;
  /** True when the topic's name comes from an alias file: it is kept as the name. */
  preferAsName?(topic: Topic): boolean;
  /** Pairs the writer said are not the same ("notSame" in the alias file), by any of their names. */
  notSame?: ReadonlyArray<readonly [string, string]>;
  /** At most this many suggestions, best first; 50 unless given. */
  limit?: number;
}

/** The key of a pair of names, whatever their order. */
export function suggestionKey(a: string, b: string): string {
  return [normaliseTerm(a), normaliseTerm(b)].sort().join(' ↔ ');
}

// ---- roles ---------------------------------------------------------------------------------

interface Role {
  role: string;
  country?: string;
  /** For "his counterpart": the role of someone from this country, so not of it. */
  notCountry?: string;
}

const ROLE_PHRASES: Array<[string[], string]> = [
  [['external', 'affairs', 'minister'], 'foreign minister'],
  [['foreign', 'affairs', 'minister'], 'foreign minister'],
  [['minister', 'of', 'external', 'affairs'], 'foreign minister'],
  [['minister', 'of', 'foreign', 'affairs'], 'foreign minister'],
  [['foreign', 'minister'], 'foreign minister'],
  [['eam'], 'foreign minister'],
  [['secretary', 'of', 'state'], 'secretary of state'],
  [['defence', 'minister'], 'defence minister'],
  [['defense', 'minister'], 'defence minister'],
  [['minister', 'of', 'defence'], 'defence minister'],
  [['minister', 'of', 'defense'], 'defence minister'],
  [['raksha', 'mantri'], 'defence minister'],
  [['defense', 'secretary'], 'defence minister'],
  [['defence', 'secretary'], 'defence minister'],
  [['secretary', 'of', 'defense'], 'defence minister'],
  [['prime', 'minister'], 'prime minister'],
  [['pm'], 'prime minister'],
  [['vice', 'president'], 'vice president'],
  [['president'], 'president'],
  [['finance', 'minister'], 'finance minister'],
  [['home', 'minister'], 'home minister'],
  [['interior', 'minister'], 'interior minister'],
  [['foreign', 'secretary'], 'foreign secretary'],
  [['national', 'security', 'adviser'], 'national security adviser'],
  [['national', 'security', 'advisor'], 'national security adviser'],
  [['spokesman'], 'spokesperson'],
  [['spokesperson'], 'spokesperson'],
  [['spokeswoman'], 'spokesperson'],
  [['ambassador'], 'ambassador'],
  [['chancellor'], 'chancellor'],
  [['speaker'], 'speaker'],
  [['senator'], 'senator'],
  [['governor'], 'governor'],
  [['chief', 'justice'], 'chief justice'],
  [['attorney', 'general'], 'attorney general'],
];

/** Words between a role and a name that change nothing ("Defence Minister General Shoigu", "counterpart Dr S Jaishankar"). */
const HONORIFICS = new Set(['dr', 'mr', 'mrs', 'ms', 'shri', 'sri', 'smt', 'general', 'gen', 'admiral', 'sir', 'dame', 'madam', 'mme', 'm', 'comrade']);

const COUNTRY_WORDS: Record<string, string> = {
  india: 'India', indian: 'India', indias: 'India',
  russia: 'Russia', russian: 'Russia', russias: 'Russia',
  us: 'United States', usa: 'United States', american: 'United States', americas: 'United States', america: 'United States',
  china: 'China', chinese: 'China', chinas: 'China',
  france: 'France', french: 'France', frances: 'France',
  britain: 'United Kingdom', british: 'United Kingdom', uk: 'United Kingdom', britains: 'United Kingdom',
  pakistan: 'Pakistan', pakistani: 'Pakistan', pakistans: 'Pakistan',
  japan: 'Japan', japanese: 'Japan', japans: 'Japan',
  australia: 'Australia', australian: 'Australia', australias: 'Australia',
  germany: 'Germany', german: 'Germany', germanys: 'Germany',
  ukraine: 'Ukraine', ukrainian: 'Ukraine', ukraines: 'Ukraine',
  israel: 'Israel', israeli: 'Israel', iran: 'Iran', iranian: 'Iran',
  soviet: 'Soviet Union', mexico: 'Mexico', mexican: 'Mexico', canada: 'Canada', canadian: 'Canada',
};

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|\./gu;

function wordsOf(text: string): string[] {
  return [...text.matchAll(WORD)].map((m) => m[0].toLowerCase().replace(/['’]s$/u, 's').replace(/['’]/gu, '')).filter((w) => w !== '.');
}

/** The role phrase ending just before `end` in `words`: its role and where it starts. */
function roleEndingAt(words: readonly string[], end: number): { role: string; start: number } | undefined {
  let best: { role: string; start: number } | undefined;
  for (const [phrase, role] of ROLE_PHRASES) {
    const start = end - phrase.length;
    if (start < 0 || (best && best.start <= start)) continue;
    if (phrase.every((word, i) => words[start + i] === word)) best = { role, start };
  }
  return best;
}

/** The country word right before a role ("Indian", "India's", "U.S."), if any. */
function countryBefore(words: readonly string[], at: number): string | undefined {
  if (at >= 2 && words[at - 2] === 'u' && words[at - 1] === 's') return 'United States';
  return at >= 1 ? COUNTRY_WORDS[words[at - 1]] : undefined;
}

/** The role a passage gives the name at `start`..`end`: before it ("Indian Foreign Minister Su Jiesheng"), after it (", India's foreign minister"), or as someone's counterpart. */
export function roleAt(text: string, start: number, end: number): Role | undefined {
  const before = wordsOf(text.slice(Math.max(0, start - 120), start));
  let at = before.length;
  while (at > 0 && HONORIFICS.has(before[at - 1])) at--;
  const found = roleEndingAt(before, at);
  if (found) return { role: found.role, country: countryBefore(before, found.start) };
  if (before[at - 1] === 'counterpart' || (before[at - 2] === 'counterpart' && COUNTRY_WORDS[before[at - 1]])) {
    const earlier = wordsOf(text.slice(0, start));
    for (let i = earlier.length - 2; i > 0; i--) {
      const role = roleEndingAt(earlier, i);
      if (role) {
        const country = COUNTRY_WORDS[before[at - 1]];
        return { role: role.role, country, notCountry: country ? undefined : countryBefore(earlier, role.start) };
      }
    }
  }
  const after = /^,\s+(?:the\s+|a\s+)?([\p{L}’'. ]{3,60}?)(?:[,;.)]|\s+(?:who|said|and|of|in|to|has|had|is|was|will|on)\b)/u.exec(text.slice(end, end + 80));
  if (after) {
    const words = wordsOf(after[1]);
    const role = roleEndingAt(words, words.length);
    if (role) return { role: role.role, country: countryBefore(words, role.start) };
  }
  return undefined;
}

function describeRole(role: Role): string {
  return role.country ? l10n.t('{0} of {1}', roleName(role.role), countryName(role.country)) : roleName(role.role);
}

/** A role of {@link ROLE_PHRASES} as the writer reads it, in the display language. */
function roleName(role: string): string {
  switch (role) {
    case 'foreign minister':
      return l10n.t('foreign minister');
    case 'secretary of state':
      return l10n.t('secretary of state');
    case 'defence minister':
      return l10n.t('defence minister');
    case 'prime minister':
      return l10n.t('prime minister');
    case 'vice president':
      return l10n.t('vice president');
    case 'president':
      return l10n.t('president');
    case 'finance minister':
      return l10n.t('finance minister');
    case 'home minister':
      return l10n.t('home minister');
    case 'interior minister':
      return l10n.t('interior minister');
    case 'foreign secretary':
      return l10n.t('foreign secretary');
    case 'national security adviser':
      return l10n.t('national security adviser');
    case 'spokesperson':
      return l10n.t('spokesperson');
    case 'ambassador':
      return l10n.t('ambassador');
    case 'chancellor':
      return l10n.t('chancellor');
    case 'speaker':
      return l10n.t('speaker');
    case 'senator':
      return l10n.t('senator');
    case 'governor':
      return l10n.t('governor');
    case 'chief justice':
      return l10n.t('chief justice');
    case 'attorney general':
      return l10n.t('attorney general');
    default:
      return role;
  }
}

/** A country of {@link COUNTRY_WORDS} as the writer reads it, in the display language. */
function countryName(country: string): string {
  switch (country) {
    case 'India':
      return l10n.t('India');
    case 'Russia':
      return l10n.t('Russia');
    case 'United States':
      return l10n.t('United States');
    case 'China':
      return l10n.t('China');
    case 'France':
      return l10n.t('France');
    case 'United Kingdom':
      return l10n.t('United Kingdom');
    case 'Pakistan':
      return l10n.t('Pakistan');
    case 'Japan':
      return l10n.t('Japan');
    case 'Australia':
      return l10n.t('Australia');
    case 'Germany':
      return l10n.t('Germany');
    case 'Ukraine':
      return l10n.t('Ukraine');
    case 'Israel':
      return l10n.t('Israel');
    case 'Iran':
      return l10n.t('Iran');
    case 'Soviet Union':
      return l10n.t('Soviet Union');
    case 'Mexico':
      return l10n.t('Mexico');
    case 'Canada':
      return l10n.t('Canada');
    default:
      return country;
  }
}

function rolesCompatible(a: Role, b: Role): boolean {
  if (a.role !== b.role) return false;
  if (a.country && b.country && a.country !== b.country) return false;
  if ((a.country && a.country === b.notCountry) || (b.country && b.country === a.notCountry)) return false;
  return true;
}

// ---- how names sound -----------------------------------------------------------------------

function folded(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
}

/**
 * The consonants of a word as they sound, in broad classes, vowels and repeats dropped:
 * "Jaishankar" JSNKR, "Jiesheng" JSN, "Tchaikovsky" and "Chaikovsky" alike. A romanised
 * Chinese rendering keeps the first syllables' consonants and drops the rest, so a key that
 * begins another is a match (see soundsAlike).
 */
export function soundKey(word: string): string {
  let key = soundKeys.get(word);
  if (key === undefined) {
    if (soundKeys.size > 50_000) soundKeys.clear();
    soundKeys.set(word, (key = computeSoundKey(word)));
  }
  return key;
}

const soundKeys = new Map<string, string>();

function computeSoundKey(word: string): string {
  const w = folded(word)
    .replace(/^x/, 's')
    .replace(/tch|sch|sh|zh|ch|ts|tz|x|z/g, 'S')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/ng$/, 'n')
    .replace(/ng/g, 'n')
    .replace(/ck|q/g, 'k')
    .replace(/c([eiy])/g, 's$1')
    .replace(/dj|dzh/g, 'j');
  const classes: Record<string, string> = { b: 'P', p: 'P', f: 'P', v: 'P', w: '', d: 'T', t: 'T', g: 'K', k: 'K', c: 'K', j: 'J', s: 'S', S: 'S', l: 'L', r: 'R', m: 'M', n: 'N', h: '' };
  let key = '';
  for (const ch of w) {
    const cls = classes[ch] ?? '';
    if (cls && key[key.length - 1] !== cls) key += cls;
  }
  return key;
}

/** Two surnames that sound alike: the same word, or keys of three consonants or more of which the shorter begins the longer. */
function soundsAlike(a: string, b: string): boolean {
  if (a === b) return true;
  const ka = soundKey(a);
  const kb = soundKey(b);
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  return short.length >= 3 && long.startsWith(short);
}

/** One word is the other with an ending ("Germans", "Korean", "Governments"): another form of the word, not another spelling of the name. */
function isInflection(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short) || (long.startsWith(short.slice(0, -1)) && long.length > short.length && /[aeiouy]$/.test(short));
}

/** Given names that can be the same person's: equal, one an initial of the other, or nearly spelled alike. */
function givenNamesAgree(a: readonly string[], b: readonly string[]): boolean {
  if (a.length < 2 || b.length < 2) return true;
  const x = a[0];
  const y = b[0];
  if (x === y) return true;
  if (x.length === 1 || y.length === 1) return x[0] === y[0];
  return misspellingEdits(x, y) !== undefined || soundKey(x) === soundKey(y);
}

// ---- scoring -------------------------------------------------------------------------------

const MENTIONS_READ = 40;

interface TopicFacts {
  topic: Topic;
  words: string[];
  roles: Role[];
  passages: Set<string>;
}

/** Which topics are mentioned in the same passages as each other, to tell which names keep the same company. */
interface Company {
  topicsByPassage: Map<string, Topic[]>;
  /** Topics in so many of the articles that sharing them says nothing ("America" in every address). */
  widespread: Set<string>;
}

function companyOf(topics: readonly Topic[]): Company {
  const topicsByPassage = new Map<string, Topic[]>();
  const articles = new Set<string>();
  for (const topic of topics) {
    for (const id of topic.articleIds) articles.add(id);
    let previous: string | undefined;
    for (const mention of topic.mentions) {
      if (mention.passageId === previous) continue;
      previous = mention.passageId;
      const list = topicsByPassage.get(mention.passageId);
      if (list) {
        if (list[list.length - 1] !== topic) list.push(topic);
      } else topicsByPassage.set(mention.passageId, [topic]);
    }
  }
  const widespread = new Set<string>();
  if (articles.size >= 20) for (const topic of topics) if (topic.articleIds.length * 4 > articles.size) widespread.add(topic.id);
  return { topicsByPassage, widespread };
}

/** The topics both are mentioned with (neither of the two, nor a topic found everywhere), most sources first. */
function sharedCompany(a: TopicFacts, b: TopicFacts, company: Company): Topic[] {
  const around = (facts: TopicFacts): Map<string, Topic> => {
    const found = new Map<string, Topic>();
    for (const passage of facts.passages) for (const topic of company.topicsByPassage.get(passage) ?? []) found.set(topic.id, topic);
    return found;
  };
  const nearA = around(a);
  const shared: Topic[] = [];
  for (const [id, topic] of around(b)) {
    if (nearA.has(id) && id !== a.topic.id && id !== b.topic.id && !company.widespread.has(id)) shared.push(topic);
  }
  return shared.sort((x, y) => y.articleIds.length - x.articleIds.length);
}

function companyEvidence(shared: readonly Topic[]): SuggestionEvidence {
  const names = shared.slice(0, 3).map((t) => t.name).join(', ');
  return { kind: 'company', text: l10n.t('both mentioned with {0}', shared.length > 3 ? l10n.t('{0} and {1} more', names, shared.length - 3) : names) };
}

function rolesOf(topic: Topic, passageText: SuggestionInputs['passageText']): Role[] {
  const roles: Role[] = [];
  const seen = new Set<string>();
  for (const mention of topic.mentions.slice(0, MENTIONS_READ)) {
    const text = passageText(mention.passageId);
    const role = text === undefined ? undefined : roleAt(text, mention.start, mention.end);
    if (!role) continue;
    const key = `${role.role}|${role.country ?? ''}|${role.notCountry ?? ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      roles.push(role);
    }
  }
  return roles;
}

function factsOf(topic: Topic, passageText: SuggestionInputs['passageText']): TopicFacts {
  let roles: Role[] | undefined;
  return {
    topic,
    words: normaliseTerm(topic.name).split(' ').filter(Boolean),
    get roles() {
      return (roles ??= rolesOf(topic, passageText));
    },
    passages: new Set(topic.mentions.map((m) => m.passageId)),
  };
}

function kindsAgree(a: TopicKind, b: TopicKind): boolean {
  return a === b || a === 'other' || b === 'other';
}

/** "Southeast" and "Southwest" are one letter apart and two places. */
const COMPASS: Array<[string, string]> = [['north', 'south'], ['east', 'west']];

/** Every word of one name a plausible misspelling of the word in the same place of the other, and at least one edit. */
function spelledAlike(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length || a.join(' ') === b.join(' ')) return false;
  if (COMPASS.some(([x, y]) => a.some((w) => w.includes(x)) !== b.some((w) => w.includes(x)) || a.some((w) => w.includes(y)) !== b.some((w) => w.includes(y)))) return false;
  let edits = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    const e = misspellingEdits(a[i], b[i]);
    if (e === undefined || isInflection(a[i], b[i]) || soundKey(a[i]) !== soundKey(b[i])) return false;
    edits += e;
  }
  return edits > 0 && a.join('').length >= 5;
}

function namesOf(topic: Topic): Set<string> {
  return new Set([topic.name, ...topic.aliases].map(normaliseTerm));
}

function dismissed(a: Topic, b: Topic, notSame: SuggestionInputs['notSame']): boolean {
  if (!notSame || notSame.length === 0) return false;
  const na = namesOf(a);
  const nb = namesOf(b);
  return notSame.some(([x, y]) => {
    const kx = normaliseTerm(x);
    const ky = normaliseTerm(y);
    return (na.has(kx) && nb.has(ky)) || (na.has(ky) && nb.has(kx));
  });
}

function score(a: TopicFacts, b: TopicFacts, company: Company): { score: number; evidence: SuggestionEvidence[] } | undefined {
  if (!kindsAgree(a.topic.kind, b.topic.kind)) return undefined;
  const evidence: SuggestionEvidence[] = [];
  if (spelledAlike(a.words, b.words)) {
    const shared = sharedCompany(a, b, company);
    if (shared.length === 0) return undefined;
    evidence.push({ kind: 'spelling', text: l10n.t('spelled nearly alike: “{0}” and “{1}”', a.topic.name, b.topic.name) }, companyEvidence(shared));
    return { score: 0.9, evidence };
  }
  if (a.topic.kind !== 'person' && b.topic.kind !== 'person') return undefined;
  if ([...a.passages].some((passage) => b.passages.has(passage))) return undefined;
  if (!givenNamesAgree(a.words, b.words)) return undefined;
  const surnameA = a.words[a.words.length - 1];
  const surnameB = b.words[b.words.length - 1];
  if (!surnameA || !surnameB || !soundsAlike(surnameA, surnameB)) return undefined;
  if (a.roles.length === 0 || b.roles.length === 0) return undefined;
  const shared = a.roles.flatMap((x) => b.roles.filter((y) => rolesCompatible(x, y)).map((y) => ({ role: x.role, country: x.country ?? y.country })));
  if (shared.length === 0) return undefined;
  const best = shared.find((role) => role.country) ?? shared[0];
  if (surnameA !== surnameB && !best.country && Math.min(soundKey(surnameA).length, soundKey(surnameB).length) < 4) return undefined;
  evidence.push({ kind: 'role', text: l10n.t('same role: {0}', describeRole(best)) });
  evidence.push({ kind: 'sound', text: surnameA === surnameB ? l10n.t('same surname: {0} / {1}', a.topic.name, b.topic.name) : l10n.t('names sound alike: {0} / {1}', a.topic.name, b.topic.name) });
  const around = sharedCompany(a, b, company);
  if (around.length > 0) evidence.push(companyEvidence(around));
  return { score: best.country ? 0.85 : 0.75, evidence };
}

function sourcesOf(topic: Topic, sourceLabel: SuggestionInputs['sourceLabel'], most: number): string {
  const labels = [...new Set(topic.articleIds.map(sourceLabel))];
  const named = labels.slice(0, most).join(', ');
  return labels.length > most ? l10n.t('{0} and {1} more', named, labels.length - most) : named;
}

function where(topic: Topic, sourceLabel: SuggestionInputs['sourceLabel']): string {
  return l10n.t('“{0}” in {1}', topic.name, sourcesOf(topic, sourceLabel, 3));
}

/** The topic to keep as the name: one named by an alias file, else in more sources, else more mentioned, else the longer name. */
function keepFirst(a: Topic, b: Topic, prefer: SuggestionInputs['preferAsName']): [Topic, Topic] {
  const rank = (t: Topic): number[] => [prefer?.(t) ? 1 : 0, t.articleIds.length, t.mentions.length, t.name.length];
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] > rb[i] ? [a, b] : [b, a];
  return a.name < b.name ? [a, b] : [b, a];
}

/**
 * Possible same-topic pairs among `topics`, best first. Candidates are compared only within
 * buckets that any suggestion shares (the first letters of every word, for spellings; the first
 * sound of the surname, for people), so a large corpus does not compare every pair.
 */
export function groupingSuggestions(inputs: SuggestionInputs): SameTopicSuggestion[] {
  return runToCompletion(groupingSuggestionsInSlices(inputs, neverDue));
}

/** {@link groupingSuggestions} as sliced work: it yields whenever `clock` is due, so the extension host computes it in turns. */
export function* groupingSuggestionsInSlices(inputs: SuggestionInputs, clock: SliceClock): SlicedWork<SameTopicSuggestion[]> {
  const facts = new Map<string, TopicFacts>();
  const factsFor = (topic: Topic): TopicFacts => {
    let f = facts.get(topic.id);
    if (!f) facts.set(topic.id, (f = factsOf(topic, inputs.passageText)));
    return f;
  };
  const buckets = new Map<string, Topic[]>();
  const put = (key: string, topic: Topic): void => {
    const list = buckets.get(key);
    if (list) list.push(topic);
    else buckets.set(key, [topic]);
  };
  for (const topic of inputs.topics) {
    if (clock.due()) yield;
    const words = normaliseTerm(topic.name).split(' ').filter(Boolean);
    if (words.length === 0) continue;
    put(`spell:${words.map((w) => w[0]).join('')}`, topic);
    if (topic.kind === 'person' || topic.kind === 'other') {
      const sound = soundKey(words[words.length - 1]);
      if (sound.length >= 2) put(`sound:${sound[0]}`, topic);
    }
  }
  const company = companyOf(inputs.topics);
  if (clock.due()) yield;
  const found: Array<{ a: Topic; b: Topic; score: number; evidence: SuggestionEvidence[] }> = [];
  const seen = new Set<string>();
  for (const [bucket, topics] of buckets) {
    const isSound = bucket.startsWith('sound:');
    for (let i = 0; i < topics.length; i++) {
      if (clock.due()) yield;
      for (let j = i + 1; j < topics.length; j++) {
        const a = topics[i];
        const b = topics[j];
        const pairId = a.id < b.id ? `${a.id}\u0000${b.id}` : `${b.id}\u0000${a.id}`;
        if (seen.has(pairId)) continue;
        if (isSound && (a.kind !== 'person' && b.kind !== 'person')) continue;
        const result = score(factsFor(a), factsFor(b), company);
        if (!result) continue;
        seen.add(pairId);
        found.push({ a, b, ...result });
      }
    }
  }
  const partners = new Map<string, Set<string>>();
  const link = (x: Topic, y: Topic): void => {
    const set = partners.get(x.id);
    if (set) set.add(y.id);
    else partners.set(x.id, new Set([y.id]));
  };
  for (const { a, b } of found) {
    link(a, b);
    link(b, a);
  }
  /** A name paired with two topics that are not paired with each other ("Roosevelt": Theodore and Franklin) says nothing about either. */
  const ambiguous = (x: Topic): boolean => {
    const others = [...(partners.get(x.id) ?? [])];
    return others.some((y, i) => others.slice(i + 1).some((z) => !partners.get(y)?.has(z)));
  };
  const out: SameTopicSuggestion[] = [];
  for (const { a, b, score: value, evidence } of found) {
    if (ambiguous(a) || ambiguous(b) || dismissed(a, b, inputs.notSame)) continue;
    const [keep, other] = keepFirst(a, b, inputs.preferAsName);
    const main = evidence.find((e) => e.kind === 'role')?.text ?? l10n.t('spelled nearly alike');
    const summary = l10n.t('{0} · in {1} and {2}', main, sourcesOf(other, inputs.sourceLabel, 2), sourcesOf(keep, inputs.sourceLabel, 2));
    out.push({ keep, other, score: value, evidence, where: `${where(other, inputs.sourceLabel)} · ${where(keep, inputs.sourceLabel)}`, summary, key: suggestionKey(keep.name, other.name) });
  }
  out.sort((x, y) => y.score - x.score || y.keep.articleIds.length + y.other.articleIds.length - (x.keep.articleIds.length + x.other.articleIds.length) || (x.key < y.key ? -1 : 1));
  return out.slice(0, inputs.limit ?? 50);
}
