/** The verify strings in every language; the texts are in <locale>/verify.ts. */
export { default as en } from './en/verify.ts';
export { default as de } from './de/verify.ts';
export { default as ja } from './ja/verify.ts';
export { default as zh } from './zh/verify.ts';
