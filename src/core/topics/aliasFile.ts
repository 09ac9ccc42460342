import type { TopicKind } from '../model';
import { JsonSyntaxError, lineAndColumn, parseJsonWithPositions } from './jsonWithPositions';
import { normaliseTerm } from './normaliseTerm';

/**
 * The writer's corrections to the topics Sourcebook found: `.sourcebook/topics.json` in a
 * workspace folder (the bundled corpus ships `corpus/topics.json`). Strict JSON:
 *
 * ```json
 * {
 *   "version": 1,
 *   "topics": [
 *     { "name": "S. Jaishankar", "kind": "person", "aliases": ["Su Jiesheng", "Jaishankar"] },
 *     { "name": "Vladimir Putin", "aliases": ["Poutine"] },
 *     { "name": "Home Politics", "hidden": true }
 *   ]
 * }
 * ```
 *
 * - `name` (required): the canonical name shown for the topic. If the sources already have a
 *   topic with this name (or any of the aliases, compared after {@link normaliseTerm}), that
 *   topic takes this name; otherwise the entry creates a topic found wherever a name or alias
 *   occurs.
 * - `aliases`: other names of the same thing (translations, transliterations, typos). Every
 *   topic the sources have under one of these names is merged into this one.
 * - `kind`: `person`, `place`, `organisation`, `system`, `agreement`, `event` or `other`;
 *   overrides the guessed kind.
 * - `hidden`: true keeps the topic out of lists, hovers and decorations.
 *
 * Any other field is kept as written; edits made by Sourcebook change only what they must.
 */
export interface AliasEntry {
  name: string;
  kind?: TopicKind;
  aliases: string[];
  hidden: boolean;
}

/** The parsed alias file(s); when several tables are merged, earlier entries win. */
export interface AliasTable {
  entries: AliasEntry[];
  /**
   * Pairs of names the writer said are not one topic (the top-level `"notSame": [["A", "B"]]`),
   * so Sourcebook never suggests them again. They change no topic.
   */
  notSame?: Array<[string, string]>;
}

/** The result of reading an alias file: a table, or a message with the line and column to fix. */
export type AliasFileParseResult =
  | { ok: true; table: AliasTable }
  | { ok: false; message: string; line: number; column: number };

export const ALIAS_FILE_VERSION = 1;
export const TOPIC_KINDS: readonly TopicKind[] = ['person', 'place', 'organisation', 'system', 'agreement', 'event', 'other'];

/** An empty table: what a missing alias file means. */
export const emptyAliasTable: AliasTable = { entries: [] };

interface RawFile {
  root: Record<string, unknown>;
  topics: Record<string, unknown>[];
}

class AliasShapeError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads and checks the file; throws JsonSyntaxError or AliasShapeError, each with a line. */
function readRaw(text: string): RawFile {
  if (text.trim() === '') {
    const topics: Record<string, unknown>[] = [];
    return { root: { version: ALIAS_FILE_VERSION, topics }, topics };
  }
  const { value, offsets } = parseJsonWithPositions(text.replace(/^\uFEFF/, ''));
  const bomShift = text.startsWith('\uFEFF') ? 1 : 0;
  const shapeError = (path: string, message: string): AliasShapeError => {
    const { line, column } = lineAndColumn(text, (offsets.get(path) ?? 0) + bomShift);
    return new AliasShapeError(`${message} (line ${line}, column ${column})`, line, column);
  };
  if (!isObject(value)) {
    throw shapeError('', 'The alias file must be a JSON object like { "version": 1, "topics": [] }');
  }
  if (value.version !== undefined && (typeof value.version !== 'number' || value.version > ALIAS_FILE_VERSION)) {
    throw shapeError('version', `"version" must be ${ALIAS_FILE_VERSION}; this file was written for a newer Sourcebook`);
  }
  if (value.topics === undefined) {
    value.topics = [];
  }
  if (!Array.isArray(value.topics)) {
    throw shapeError('topics', '"topics" must be a list of topic entries');
  }
  if (value.notSame !== undefined && !(Array.isArray(value.notSame) && value.notSame.every((pair: unknown) => Array.isArray(pair) && pair.length === 2 && pair.every((n) => typeof n === 'string')))) {
    throw shapeError('notSame', '"notSame" must be a list of pairs of names, like [["Su Jiesheng", "S. Jaishankar"]]');
  }
  value.topics.forEach((entry: unknown, i: number) => {
    const path = `topics.${i}`;
    if (!isObject(entry)) {
      throw shapeError(path, `Topic entry ${i + 1} must be an object with a "name"`);
    }
    if (typeof entry.name !== 'string' || entry.name.trim() === '') {
      throw shapeError(entry.name === undefined ? path : `${path}.name`, `Topic entry ${i + 1} needs a non-empty "name" string`);
    }
    if (entry.kind !== undefined && !TOPIC_KINDS.includes(entry.kind as TopicKind)) {
      throw shapeError(`${path}.kind`, `"kind" of "${entry.name}" must be one of ${TOPIC_KINDS.join(', ')}`);
    }
    if (entry.aliases !== undefined && !(Array.isArray(entry.aliases) && entry.aliases.every((a) => typeof a === 'string'))) {
      throw shapeError(`${path}.aliases`, `"aliases" of "${entry.name}" must be a list of strings`);
    }
    if (entry.hidden !== undefined && typeof entry.hidden !== 'boolean') {
      throw shapeError(`${path}.hidden`, `"hidden" of "${entry.name}" must be true or false`);
    }
  });
  return { root: value, topics: value.topics as Record<string, unknown>[] };
}

function toEntry(raw: Record<string, unknown>): AliasEntry {
  return {
    name: (raw.name as string).trim(),
    kind: raw.kind as TopicKind | undefined,
    aliases: ((raw.aliases as string[] | undefined) ?? []).map((alias) => alias.trim()).filter((alias) => alias !== ''),
    hidden: raw.hidden === true,
  };
}

/** Parses an alias file. Never throws: a malformed file gives a message with the line and column. */
export function parseAliasFile(text: string): AliasFileParseResult {
  try {
    const raw = readRaw(text);
    const notSame = (raw.root.notSame as Array<[string, string]> | undefined)?.map(([a, b]) => [a.trim(), b.trim()] as [string, string]);
    return { ok: true, table: notSame ? { entries: raw.topics.map(toEntry), notSame } : { entries: raw.topics.map(toEntry) } };
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return { ok: false, message: `The alias file is not valid JSON: ${error.message}`, line: error.line, column: error.column };
    }
    if (error instanceof AliasShapeError) {
      return { ok: false, message: error.message, line: error.line, column: error.column };
    }
    throw error;
  }
}

/** Reads the file for an edit; a malformed file stops the edit with a clear error instead of being overwritten. */
function readForEdit(text: string): RawFile {
  try {
    return readRaw(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError || error instanceof AliasShapeError) {
      throw new Error(`The alias file was not changed because it has an error to fix first: ${error.message}`);
    }
    throw error;
  }
}

/** Writes the edited file back, in the indentation the file already uses, ending with a newline as before. */
function write(original: string, raw: RawFile): string {
  const indentMatch = /\n([ \t]+)\S/.exec(original);
  const indent = indentMatch ? indentMatch[1] : 2;
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const body = JSON.stringify(raw.root, null, indent);
  return (original.startsWith('\uFEFF') ? '\uFEFF' : '') + (eol === '\n' ? body : body.replace(/\n/g, eol)) + eol;
}

function namesOf(raw: Record<string, unknown>): string[] {
  return [raw.name as string, ...((raw.aliases as string[] | undefined) ?? [])];
}

function findEntry(raw: RawFile, name: string): Record<string, unknown> | undefined {
  const key = normaliseTerm(name);
  return raw.topics.find((entry) => normaliseTerm(entry.name as string) === key)
    ?? raw.topics.find((entry) => namesOf(entry).some((n) => normaliseTerm(n) === key));
}

function requireName(value: string, what: string): string {
  const trimmed = value.trim();
  if (trimmed === '' || normaliseTerm(trimmed) === '') {
    throw new Error(`${what} must contain a letter or digit.`);
  }
  return trimmed;
}

function appendAliases(entry: Record<string, unknown>, aliases: string[]): void {
  const known = new Set(namesOf(entry).map(normaliseTerm));
  const list = ((entry.aliases as string[] | undefined) ?? []).slice();
  for (const alias of aliases) {
    const key = normaliseTerm(alias);
    if (!known.has(key)) {
      list.push(alias);
      known.add(key);
    }
  }
  entry.aliases = list;
}

function newEntry(raw: RawFile, name: string): Record<string, unknown> {
  const entry: Record<string, unknown> = { name };
  raw.topics.push(entry);
  return entry;
}

/**
 * Returns the file with `alias` added to the topic `canonicalName` (created when the file has
 * no entry for it), and `kind` set when given. Throws on a malformed file rather than
 * overwriting it.
 */
export function addAlias(text: string, canonicalName: string, alias: string, kind?: TopicKind): string {
  const name = requireName(canonicalName, 'The topic name');
  const newAlias = requireName(alias, 'The alias');
  if (kind !== undefined && !TOPIC_KINDS.includes(kind)) throw new Error(`Unknown topic kind "${kind}".`);
  const raw = readForEdit(text);
  const entry = findEntry(raw, name) ?? newEntry(raw, name);
  appendAliases(entry, [newAlias]);
  if (kind !== undefined) entry.kind = kind;
  return write(text, raw);
}

/**
 * Returns the file with the topics `fromNames` folded into `intoName`: their names and aliases
 * become aliases of `intoName`, and their own entries are removed after any extra fields they
 * carried are copied over (never losing what the writer wrote).
 */
export function mergeTopics(text: string, intoName: string, fromNames: readonly string[]): string {
  const name = requireName(intoName, 'The topic name');
  const raw = readForEdit(text);
  const target = findEntry(raw, name) ?? newEntry(raw, name);
  const targetKey = normaliseTerm(target.name as string);
  for (const fromName of fromNames) {
    const from = requireName(fromName, 'A merged topic name');
    if (normaliseTerm(from) === targetKey) continue;
    const source = findEntry(raw, from);
    if (source && source !== target) {
      appendAliases(target, namesOf(source));
      for (const [field, value] of Object.entries(source)) {
        if (!(field in target) && field !== 'name' && field !== 'aliases') target[field] = value;
      }
      raw.topics.splice(raw.topics.indexOf(source), 1);
    } else {
      appendAliases(target, [from]);
    }
  }
  return write(text, raw);
}

/** Returns the file with the topic `name` marked hidden (an entry is created when needed). */
export function hideTopic(text: string, name: string): string {
  const topicName = requireName(name, 'The topic name');
  const raw = readForEdit(text);
  const entry = findEntry(raw, topicName) ?? newEntry(raw, topicName);
  entry.hidden = true;
  return write(text, raw);
}

/**
 * Returns the file with the pair `a`, `b` added to its top-level `"notSame"` list (created when
 * missing), unless the pair is there already in either order. The topics are left as they are.
 */
export function addNotSame(text: string, a: string, b: string): string {
  const first = requireName(a, 'A name');
  const second = requireName(b, 'A name');
  const raw = readForEdit(text);
  const list = ((raw.root.notSame as Array<[string, string]> | undefined) ?? []).slice();
  const key = [normaliseTerm(first), normaliseTerm(second)].sort().join('\u0000');
  if (!list.some(([x, y]) => [normaliseTerm(x), normaliseTerm(y)].sort().join('\u0000') === key)) list.push([first, second]);
  raw.root.notSame = list;
  return write(text, raw);
}
