/** The inspect strings in every language; the texts are in <locale>/inspect.ts. */
export { default as en } from './en/inspect.ts';
export { default as de } from './de/inspect.ts';
