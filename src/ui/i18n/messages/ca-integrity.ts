/** The ca-integrity strings in every language; the texts are in <locale>/ca-integrity.ts. */
export { default as en } from './en/ca-integrity.ts';
export { default as de } from './de/ca-integrity.ts';
export { default as ja } from './ja/ca-integrity.ts';
export { default as zh } from './zh/ca-integrity.ts';
