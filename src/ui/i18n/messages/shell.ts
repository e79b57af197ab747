/** The shell strings in every language; the texts are in <locale>/shell.ts. */
export { default as en } from './en/shell.ts';
export { default as de } from './de/shell.ts';
export { default as ja } from './ja/shell.ts';
export { default as zh } from './zh/shell.ts';
