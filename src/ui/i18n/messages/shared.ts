/** The shared strings in every language; the texts are in <locale>/shared.ts. */
export { default as en } from './en/shared.ts';
export { default as de } from './de/shared.ts';
export { default as ja } from './ja/shared.ts';
export { default as zh } from './zh/shared.ts';
