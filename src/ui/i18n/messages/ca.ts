/** The ca strings in every language; the texts are in <locale>/ca.ts. */
export { default as en } from './en/ca.ts';
export { default as de } from './de/ca.ts';
export { default as ja } from './ja/ca.ts';
export { default as zh } from './zh/ca.ts';
