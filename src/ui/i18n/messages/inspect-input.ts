/** The strings of Inspect's input box (what was given) in every language; the texts are in <locale>/inspect-input.ts. */
export { default as en } from './en/inspect-input.ts';
export { default as de } from './de/inspect-input.ts';
export { default as ja } from './ja/inspect-input.ts';
export { default as zh } from './zh/inspect-input.ts';
