/** The one part of `opencc-js` Sourcebook reads: OpenCC's traditional -> simplified characters, as `"萬 万|與 与|…"`. */
declare module 'opencc-js/dict/TSCharacters' {
  const table: string;
  export default table;
}
