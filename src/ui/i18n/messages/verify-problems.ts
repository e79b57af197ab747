/** The verify-problems strings in every language; the texts are in <locale>/verify-problems.ts. */
export { default as en } from './en/verify-problems.ts';
export { default as de } from './de/verify-problems.ts';
export { default as ja } from './ja/verify-problems.ts';
export { default as zh } from './zh/verify-problems.ts';
