/** The commands strings in every language; the texts are in <locale>/commands.ts. */
export { default as en } from './en/commands.ts';
export { default as de } from './de/commands.ts';
export { default as ja } from './ja/commands.ts';
export { default as zh } from './zh/commands.ts';
