/** A JSON syntax error at a place a person can find: 1-based line and column. */
export class JsonSyntaxError extends Error {
  constructor(message: string, readonly offset: number, readonly line: number, readonly column: number) {
    super(message);
  }
}

/** A parsed JSON document and where each value starts, keyed by its path (`topics.3.aliases`). */
export interface JsonWithPositions {
  value: unknown;
  offsets: Map<string, number>;
}

/** 1-based line and column (UTF-16) of an offset; CRLF and lone CR count as one line break, as in the editor. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const MAX_DEPTH = 64;

/**
 * Strict JSON (RFC 8259) that also records where each value starts, so a wrong shape in an
 * alias file can be reported at its line. JSON.parse cannot give positions portably: its
 * messages differ between node, Chromium and Firefox.
 */
export function parseJsonWithPositions(text: string): JsonWithPositions {
  const offsets = new Map<string, number>();
  let pos = 0;

  const fail = (message: string, at = pos): never => {
    const { line, column } = lineAndColumn(text, at);
    throw new JsonSyntaxError(`${message} (line ${line}, column ${column})`, at, line, column);
  };
  const skipSpace = (): void => {
    while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t' || text[pos] === '\n' || text[pos] === '\r')) pos++;
  };
  const describe = (): string => (pos >= text.length ? 'the end of the file' : `"${text[pos]}"`);

  const parseString = (): string => {
    const start = pos;
    pos++;
    let out = '';
    while (pos < text.length) {
      const ch = text[pos];
      if (ch === '"') {
        pos++;
        return out;
      }
      if (ch === '\\') {
        const escape = text[pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (escape !== undefined && escape in simple) {
          out += simple[escape];
          pos += 2;
        } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else {
          fail('Invalid escape in a string');
        }
        continue;
      }
      if (ch.charCodeAt(0) < 0x20) fail('Unescaped control character or line break in a string');
      out += ch;
      pos++;
    }
    return fail('Unterminated string', start);
  };

  const parseValue = (path: string, depth: number): unknown => {
    skipSpace();
    if (depth > MAX_DEPTH) fail('Nested too deeply');
    offsets.set(path, pos);
    const ch = text[pos];
    if (ch === '{') {
      pos++;
      const object: Record<string, unknown> = {};
      skipSpace();
      if (text[pos] === '}') {
        pos++;
        return object;
      }
      for (;;) {
        skipSpace();
        if (text[pos] !== '"') fail(`Expected a property name in double quotes but found ${describe()}`);
        const key = parseString();
        skipSpace();
        if (text[pos] !== ':') fail(`Expected ":" after a property name but found ${describe()}`);
        pos++;
        const value = parseValue(path === '' ? key : `${path}.${key}`, depth + 1);
        Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
        skipSpace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return object;
        }
        fail(`Expected "," or "}" but found ${describe()}`);
      }
    }
    if (ch === '[') {
      pos++;
      const array: unknown[] = [];
      skipSpace();
      if (text[pos] === ']') {
        pos++;
        return array;
      }
      for (;;) {
        array.push(parseValue(path === '' ? String(array.length) : `${path}.${array.length}`, depth + 1));
        skipSpace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return array;
        }
        fail(`Expected "," or "]" but found ${describe()}`);
      }
    }
    if (ch === '"') return parseString();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(pos, pos + 64));
    if (literal) {
      pos += literal[0].length;
      return literal[0] === 'true' ? true : literal[0] === 'false' ? false : literal[0] === 'null' ? null : Number(literal[0]);
    }
    return fail(`Unexpected ${describe()}`);
  };

  const value = parseValue('', 0);
  skipSpace();
  if (pos < text.length) fail(`Unexpected ${describe()} after the end of the JSON value`);
  return { value, offsets };
}
