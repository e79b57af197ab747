/** The strings of Inspect's overview table (many objects) in every language; the texts are in <locale>/inspect-overview.ts. */
export { default as en } from './en/inspect-overview.ts';
export { default as de } from './de/inspect-overview.ts';
export { default as ja } from './ja/inspect-overview.ts';
export { default as zh } from './zh/inspect-overview.ts';
