/**
 * What was given to Inspect other than text typed into its box: a big paste (or dropped text), or
 * files. A text over BIG_TEXT_CHARS never goes into the textarea: the browser's own work of holding
 * megabytes in a textarea stalls the tab for seconds (7 MB: ~7 s), so the text goes to the decoder
 * directly and the box says what was given instead. Only the description is kept in the tab's memory
 * across reloads (never the text: sessionStorage is a few MB), so after a reload the box can say that
 * the big paste or the files were not kept, rather than showing nothing.
 */

/** About 1 MB: a few hundred certificates. Below it, a paste goes into the textarea as usual. */
export const BIG_TEXT_CHARS = 1_000_000;

/** Files are named one by one up to this many; beyond, "and N more". */
const FILES_NAMED = 5;

export type Given =
  | {
      how: 'pasted' | 'dropped';
      /** UTF-8 bytes of the text. */
      bytes: number;
      /** How many "-----BEGIN " lines it holds (cheap to count, and what a bundle's size is usually thought of in). */
      pemBlocks: number;
      /** False after a reload: the description came back, the text did not. */
      kept: boolean;
    }
  | { how: 'files'; files: Array<{ name: string; size: number }>; kept: boolean };

export function isBigText(text: string): boolean {
  return text.length > BIG_TEXT_CHARS;
}

/** UTF-8 length without encoding the text (a copy of megabytes just to count it). */
export function utf8Length(text: string): number {
  // A PEM bundle is ASCII: the engine's own scan says so in a few ms, where counting char by char takes tens.
  const first = text.search(/[^\0-\x7f]/);
  if (first === -1) return text.length;
  let bytes = first;
  for (let i = first; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** PEM blocks by their BEGIN lines (a block cut short still counts: the decoder reports it). */
export function countPemBlocks(text: string): number {
  let count = 0;
  for (let at = text.indexOf('-----BEGIN '); at !== -1; at = text.indexOf('-----BEGIN ', at + 11)) count++;
  return count;
}

export function givenText(text: string, how: 'pasted' | 'dropped'): Given {
  return { how, bytes: utf8Length(text), pemBlocks: countPemBlocks(text), kept: true };
}

export function givenFiles(files: Iterable<{ name: string; size: number }>): Given {
  return { how: 'files', files: [...files].map((f) => ({ name: f.name, size: f.size })), kept: true };
}

/** The description as the tab's memory keeps it: what came back after a reload is no longer held. */
export function forMemory(given: Given | null): Given | undefined {
  return given ? { ...given, kept: false } : undefined;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Whether a value read back from storage is a description of this shape (storage is not trusted). */
export function isGiven(v: unknown): v is Given {
  if (!v || typeof v !== 'object') return false;
  const g = v as Record<string, unknown>;
  if (typeof g.kept !== 'boolean') return false;
  if (g.how === 'pasted' || g.how === 'dropped') return isCount(g.bytes) && isCount(g.pemBlocks);
  return (
    g.how === 'files' &&
    Array.isArray(g.files) &&
    g.files.every((f: unknown) => !!f && typeof f === 'object' && typeof (f as { name?: unknown }).name === 'string' && isCount((f as { size?: unknown }).size))
  );
}

/** A size as a number and a unit, for the view to word: 1 decimal from KB up (7.3 MB), decimal units as file managers show them. */
export function sizeParts(bytes: number): { value: number; unit: 'bytes' | 'KB' | 'MB' | 'GB' } {
  if (bytes < 1000) return { value: bytes, unit: 'bytes' };
  if (bytes < 1e6) return { value: Math.round(bytes / 100) / 10, unit: 'KB' };
  if (bytes < 1e9) return { value: Math.round(bytes / 1e5) / 10, unit: 'MB' };
  return { value: Math.round(bytes / 1e8) / 10, unit: 'GB' };
}

/** The files to name one by one, and how many more there are. */
export function namedFiles(files: ReadonlyArray<{ name: string; size: number }>): { named: Array<{ name: string; size: number }>; more: number } {
  return { named: files.slice(0, FILES_NAMED), more: Math.max(0, files.length - FILES_NAMED) };
}
