import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One call of `vscode.l10n.t` (host code) or `l10n.t` from `@vscode/l10n` (the core) found in the sources. */
export interface TranslatedCall {
  file: string;
  line: number;
  /** The English message, the bundle's key; undefined when the first argument is not a string literal. */
  message?: string;
}

const call = /\bl10n\.t\(\s*/g;

/** Every `l10n.t(` call in the TypeScript below `srcDir`, with its message when it is a plain string literal. */
export function translatedCalls(srcDir: string): TranslatedCall[] {
  const calls: TranslatedCall[] = [];
  for (const file of filesBelow(srcDir).filter((path) => path.endsWith('.ts'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(call)) {
      const at = match.index + match[0].length;
      const line = text.slice(0, at).split('\n').length;
      calls.push({ file: relative(srcDir, file), line, message: stringLiteralAt(text, at) });
    }
  }
  return calls;
}

/** The value of the '...' or "..." literal starting at `at`, or undefined (a template, a variable). */
function stringLiteralAt(text: string, at: number): string | undefined {
  const quote = text[at];
  if (quote !== "'" && quote !== '"') return undefined;
  let value = '';
  for (let i = at + 1; i < text.length; i++) {
    const char = text[i];
    if (char === quote) return value;
    if (char === '\n') return undefined;
    if (char !== '\\') {
      value += char;
      continue;
    }
    const next = text[++i];
    value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
  }
  return undefined;
}

/** The `{0}`, `{1}` ... placeholders of a message, sorted, with repeats. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\d+)\}/g)].map((match) => match[0]).sort();
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesBelow(path) : [path];
  });
}
