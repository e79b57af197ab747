/** The create strings in every language; the texts are in <locale>/create.ts. */
export { default as en } from './en/create.ts';
export { default as de } from './de/create.ts';
export { default as ja } from './ja/create.ts';
export { default as zh } from './zh/create.ts';
