// any-ascii keeps its transliteration tables in one module of 540 KB (a table per Unicode block
// of 256 code points). Sourcebook transliterates only the alphabets listed in
// src/core/text/transliteratedBlocks.json (see src/core/text/transliteration.ts), so the bundle
// gets a module with just those tables, taken from the installed any-ascii at build time: the
// same data and the same lookup, about 20 KB. Any other block reads as having no table, which
// `latinKeyOf` never asks for.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { blocks } = JSON.parse(readFileSync(join(root, 'src/core/text/transliteratedBlocks.json'), 'utf8'));

/** The esbuild plugin that replaces any-ascii's `block.js` with the tables of `blocks` only. */
export const anyAsciiBlocks = {
  name: 'any-ascii-blocks',
  setup(build) {
    build.onLoad({ filter: /[\\/]any-ascii[\\/]block\.js$/ }, async (args) => {
      const { default: block } = await import(pathToFileURL(args.path).href);
      const cases = blocks.map((number) => `case ${number}:return ${JSON.stringify(block(number))};`).join('\n');
      return { contents: `export default function block(blockNum) {\nswitch (blockNum) {\n${cases}\n}\nreturn "";\n}\n`, loader: 'js' };
    });
  },
};
