/** The ca-sign strings in every language; the texts are in <locale>/ca-sign.ts. */
export { default as en } from './en/ca-sign.ts';
export { default as de } from './de/ca-sign.ts';
export { default as ja } from './ja/ca-sign.ts';
export { default as zh } from './zh/ca-sign.ts';
