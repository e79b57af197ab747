/** The ca-protection strings in every language; the texts are in <locale>/ca-protection.ts. */
export { default as en } from './en/ca-protection.ts';
export { default as de } from './de/ca-protection.ts';
export { default as ja } from './ja/ca-protection.ts';
export { default as zh } from './zh/ca-protection.ts';
