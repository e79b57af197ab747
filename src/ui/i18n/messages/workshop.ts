/** The workshop strings in every language; the texts are in <locale>/workshop.ts. */
export { default as en } from './en/workshop.ts';
export { default as de } from './de/workshop.ts';
export { default as ja } from './ja/workshop.ts';
export { default as zh } from './zh/workshop.ts';
