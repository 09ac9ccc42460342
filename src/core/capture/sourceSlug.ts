/** Longest slug, in characters (the file name adds `-NN.md`). */
const maxSlugLength = 60;

/** Names Windows reserves for devices, whatever the extension: `con.md` cannot be created there. */
const reservedNames = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * The file name stem for a captured page: its title in lower case, letters and digits of any
 * script kept (accents removed from Latin letters), everything else one hyphen, at most 60
 * characters cut at a hyphen. Without a usable title, the last segment of the address's path,
 * then its host; `page` when nothing is left. Never empty, never a dot file, never a name
 * Windows reserves, never a path (no `/`, `\` or `..`).
 */
export function sourceSlug(title: string | undefined, url?: string): string {
  for (const candidate of [title, lastPathSegment(url), hostOf(url)]) {
    const slug = slugOf(candidate ?? '');
    if (slug) return reservedNames.test(slug) ? `${slug}-page` : slug;
  }
  return 'page';
}

/** The file name for the `attempt`th try (1 = the slug itself, then `slug-2.md`, `slug-3.md`, ...). */
export function numberedFileName(slug: string, attempt: number, extension = 'md'): string {
  return attempt <= 1 ? `${slug}.${extension}` : `${slug}-${attempt}.${extension}`;
}

function slugOf(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (words.length <= maxSlugLength) return words;
  const cut = words.slice(0, maxSlugLength);
  const lastHyphen = cut.lastIndexOf('-');
  // Never split a surrogate pair: letters outside the BMP are two UTF-16 units.
  const end = lastHyphen > maxSlugLength / 2 ? lastHyphen : /[\ud800-\udbff]$/.test(cut) ? cut.length - 1 : cut.length;
  return cut.slice(0, end).replace(/-+$/, '');
}

function lastPathSegment(url: string | undefined): string | undefined {
  try {
    const segments = new URL(url ?? '').pathname.split('/').filter(Boolean);
    const last = segments[segments.length - 1];
    return last ? decodeURIComponent(last).replace(/\.(html?|php|aspx?|jsp|pdf|docx)$/i, '') : undefined;
  } catch {
    return undefined;
  }
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return new URL(url ?? '').hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}
