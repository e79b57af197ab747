/** The kubernetes strings in every language; the texts are in <locale>/kubernetes.ts. */
export { default as en } from './en/kubernetes.ts';
export { default as de } from './de/kubernetes.ts';
export { default as ja } from './ja/kubernetes.ts';
export { default as zh } from './zh/kubernetes.ts';
