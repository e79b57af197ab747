/**
 * Two certificates side by side: their `openssl x509 -text` dumps compared line by line, grouped by
 * section (Serial Number, Validity, Subject, each extension, …) so a person sees which fields differ.
 */
import { dumpText } from '../text/dump.ts';
import type { FoundObject } from '../types.ts';

export type DiffLine = { op: 'same' | 'removed' | 'added'; text: string };

export interface SectionDiff {
  /** "Subject", "X509v3 Subject Alternative Name", "Signature Value", … */
  section: string;
  /** 'same' (identical), 'changed', 'only-left', 'only-right' */
  status: 'same' | 'changed' | 'only-left' | 'only-right';
  lines: DiffLine[];
}

export interface CertificateDiff {
  identical: boolean;
  sections: SectionDiff[];
}

interface Section {
  name: string;
  lines: string[];
}

/**
 * A field starts at 8 spaces in Data, an extension at 12 below "X509v3 extensions:". After Data come
 * the outer Signature Algorithm and Signature Value at 4 spaces, whose hex lines sit at 8: there
 * only a 4-space line starts a section.
 */
function sectionsOf(text: string): Section[] {
  const out: Section[] = [];
  let inExtensions = false;
  let outer = false;
  for (const line of text.replace(/\n$/, '').split('\n')) {
    const indent = line.length - line.trimStart().length;
    const head = line.trim().replace(/:( critical)?\s*$/, '').replace(/:.*$/, '');
    if (indent === 4 && head !== 'Data') outer = true;
    const starts = outer ? indent <= 4 : indent <= 8 || (inExtensions && indent === 12);
    if (indent <= 8 && !outer) inExtensions = line.trim() === 'X509v3 extensions:';
    if (starts || !out.length) {
      const name = indent <= 4 && out.some((s) => s.name === head) ? `${head} (outer)` : head;
      out.push({ name, lines: [line] });
    } else out[out.length - 1]!.lines.push(line);
  }
  return out;
}

/** Line diff by longest common subsequence (sections are short). */
function diffLines(a: string[], b: string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ op: 'same', text: a[i]! });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) out.push({ op: 'added', text: b[j++]! });
    else out.push({ op: 'removed', text: a[i++]! });
  }
  return out;
}

/** Diffs two texts already printed (any OpenSSL-style dump). */
export function diffDumps(left: string, right: string): CertificateDiff {
  const l = sectionsOf(left);
  const r = sectionsOf(right);
  const names: string[] = [];
  for (const s of [...l, ...r]) if (!names.includes(s.name)) names.push(s.name);
  const sections = names.map((name): SectionDiff => {
    const a = l.find((s) => s.name === name);
    const b = r.find((s) => s.name === name);
    if (!b) return { section: name, status: 'only-left', lines: a!.lines.map((text) => ({ op: 'removed', text })) };
    if (!a) return { section: name, status: 'only-right', lines: b.lines.map((text) => ({ op: 'added', text })) };
    const lines = diffLines(a.lines, b.lines);
    return { section: name, status: lines.every((d) => d.op === 'same') ? 'same' : 'changed', lines };
  });
  return { identical: sections.every((s) => s.status === 'same'), sections };
}

/** Field-by-field comparison of two certificates (or two CSRs, CRLs, keys: anything dumpText prints). */
export function compareObjects(left: FoundObject, right: FoundObject): CertificateDiff {
  return diffDumps(dumpText(left), dumpText(right));
}
