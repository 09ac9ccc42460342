import type { ArticleMetadata } from '../model';

/** What `parseManifest` returns: metadata per file name, or why the manifest could not be read. */
export type ManifestParseResult =
  | { ok: true; entries: Record<string, Partial<ArticleMetadata>> }
  | { ok: false; error: string };

const metadataFields = ['title', 'outlet', 'author', 'date', 'url', 'language'] as const;

/**
 * Reads a `sourcebook.manifest.json`: `{ "files": { "<file name>": { title?, outlet?,
 * author?, date?, url?, language?, evidence? } } }`. Fields other than the metadata ones
 * (such as `evidence`, the words of the article that justify an entry) are ignored;
 * a malformed field is dropped rather than trusted. A date must be a real `YYYY-MM-DD`.
 */
export function parseManifest(text: string): ManifestParseResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `The manifest is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isRecord(parsed) || !isRecord(parsed.files)) {
    return { ok: false, error: 'The manifest needs a "files" object keyed by file name.' };
  }
  const entries: Record<string, Partial<ArticleMetadata>> = {};
  for (const [fileName, value] of Object.entries(parsed.files)) {
    if (!isRecord(value) || fileName === '__proto__') {
      continue;
    }
    const entry: Partial<ArticleMetadata> = {};
    for (const field of metadataFields) {
      const fieldValue = value[field];
      if (typeof fieldValue !== 'string' || fieldValue.trim().length === 0) {
        continue;
      }
      if (field === 'date' && !isCalendarDate(fieldValue)) {
        continue;
      }
      entry[field] = fieldValue.trim();
    }
    entries[fileName] = entry;
  }
  return { ok: true, entries };
}

/** True for a real `YYYY-MM-DD` calendar date. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
