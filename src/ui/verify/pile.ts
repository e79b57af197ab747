/**
 * A pasted pile of certificates (PEM, DER, a Secret, a kubeconfig, any order) read into the
 * certificates it holds, each with the facts the Verify screens show and sort by. Only the core
 * decides what a certificate says; this file arranges the pile.
 */
import { caughtProblem } from '../../core/input/sink.ts';
import { detectInput } from '../../core/input/detect.ts';
import type { FoundObject, InputProblem } from '../../core/types.ts';
import { readCertView, type CertView } from '../../core/verify/certificate.ts';
import type { MessageParam } from '../../core/errors.ts';
import { coreText, problemOrigin } from '../i18n/core-text.svelte.ts';

export interface PileCert {
  obj: FoundObject;
  view: CertView;
  /** "block 2 (CERTIFICATE)", "Secret x › data.tls.crt › certificate 1 of 2" */
  origin: string;
}

interface Pile {
  certs: PileCert[];
  /** Objects that are not certificates (keys, CSRs) are listed here as well as undecodable parts. */
  problems: InputProblem[];
  /** Everything detected, for screens that take keys and CSRs too. */
  objects: FoundObject[];
}

/** Never throws: what cannot be read becomes a problem. */
export function readPile(input: string | Uint8Array | undefined, sourceName = 'input'): Pile {
  const pile: Pile = { certs: [], problems: [], objects: [] };
  if (input === undefined) return pile;
  let found;
  try {
    found = detectInput(input, sourceName);
  } catch (e) {
    pile.problems.push(caughtProblem(sourceName, e));
    return pile;
  }
  pile.objects = found.objects;
  pile.problems.push(...found.problems.filter((p) => !p.skipped));
  for (const obj of found.objects) {
    if (obj.kind !== 'certificate') continue;
    try {
      pile.certs.push({ obj, view: readCertView(obj.der, obj.origin), origin: obj.origin });
    } catch (e) {
      pile.problems.push(caughtProblem(obj.origin, e));
    }
  }
  return pile;
}

/** The pile's problems in one line, in the interface language: "block 2: …; block 3: …". */
export function pileProblemsText(problems: readonly InputProblem[]): string {
  return problems.map((p) => `${problemOrigin(p)}: ${coreText(p.said)}`).join('; ');
}

/** How a certificate is called (its CN or subject; an empty subject in words), in the interface language. */
export function shownLabel(c: { labelSaid: MessageParam }): string {
  return paramText(c.labelSaid);
}

/** Where a certificate of the pile came from ("block 2 (CERTIFICATE)"), in the interface language. */
export function shownOrigin(c: PileCert): string {
  return problemOrigin(c.obj);
}

/** A value the core gives as a name or as words (a message), in the interface language. */
export function paramText(p: MessageParam): string {
  return typeof p === 'object' ? coreText(p) : String(p);
}

/** Self-issued certificates: the roots a pile carries. */
export function rootsOf(certs: readonly PileCert[]): PileCert[] {
  return certs.filter((c) => c.view.selfIssued);
}

/**
 * Which certificate is the leaf: one that issued nothing else in the pile, preferring a non-CA and
 * a non-root; ties go to the first given (the order a server sends its chain in).
 */
export function leafCandidates(certs: readonly PileCert[]): PileCert[] {
  const issuesOthers = (c: PileCert) => certs.some((o) => o !== c && !o.view.selfIssued && o.view.issuerKey === c.view.subjectKey);
  const score = (c: PileCert) => (issuesOthers(c) ? 4 : 0) + (c.view.selfIssued ? 2 : 0) + (c.view.basicConstraints?.ca ? 1 : 0);
  return [...certs].map((c, i) => ({ c, i, s: score(c) })).sort((a, b) => a.s - b.s || a.i - b.i).map((x) => x.c);
}
