/** The about strings in every language; the texts are in <locale>/about.ts. */
export { default as en } from './en/about.ts';
export { default as de } from './de/about.ts';
export { default as ja } from './ja/about.ts';
export { default as zh } from './zh/about.ts';
