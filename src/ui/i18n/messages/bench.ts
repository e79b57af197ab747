/** The bench strings in every language; the texts are in <locale>/bench.ts. */
export { default as en } from './en/bench.ts';
export { default as de } from './de/bench.ts';
export { default as ja } from './ja/bench.ts';
export { default as zh } from './zh/bench.ts';
