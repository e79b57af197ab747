/** The inspect strings in every language; the texts are in <locale>/inspect.ts. */
export { default as en } from './en/inspect.ts';
export { default as de } from './de/inspect.ts';
export { default as ja } from './ja/inspect.ts';
export { default as zh } from './zh/inspect.ts';
