/**
 * The Compare section: two certificates (e.g. before and after renewal) side by side, their
 * OpenSSL texts diffed field by field by the core (what compareObjects does, with the signature kept in one
 * section), grouped by section.
 */
import { errorText } from '../i18n/core-text.svelte.ts';
import { dumpText } from '../../core/text/dump.ts';
import type { FoundObject } from '../../core/types.ts';
import { diffDumps, type CertificateDiff } from '../../core/verify/index.ts';
import { PemSource } from '../kubernetes/pem-source.svelte.ts';
import { pileProblemsText, readPile, shownLabel, type PileCert } from './pile.ts';
import { translator } from '../i18n/t.svelte.ts';
import * as verifyMessages from '../i18n/messages/verify.ts';

const t = translator(verifyMessages);

/**
 * The core starts a section at every line indented 8 or less, and the outer signature's hex lines
 * are indented 8: each would become a section named by its first byte. Indent them one more space
 * for the diff so they stay under "Signature Value", then take the space back.
 */
const SIGNATURE_BLOCK = /(\n {4}Signature Value:\n)((?: {8}[0-9a-f]{2}(?::[0-9a-f]{2})*:?\n?)+)/;

function nestSignature(text: string): string {
  return text.replace(SIGNATURE_BLOCK, (_m, head: string, body: string) => head + body.replace(/^ {8}/gm, '         '));
}

function diffCertificates(left: FoundObject, right: FoundObject): CertificateDiff {
  const diff = diffDumps(nestSignature(dumpText(left)), nestSignature(dumpText(right)));
  const sections = diff.sections.map((x) =>
    x.section === 'Signature Value' ? { ...x, lines: x.lines.map((l) => ({ ...l, text: l.text.replace(/^ {9}(?=[0-9a-f]{2})/, '        ') })) } : x,
  );
  return { ...diff, sections };
}

export class CompareState {
  readonly left = new PemSource();
  readonly right = new PemSource();
  /** Show the sections that did not change as well. */
  showSame = $state(false);
  error = $state('');
  diff = $state.raw<CertificateDiff | undefined>(undefined);
  titles = $state.raw<[string, string]>(['', '']);

  changed(): void {
    this.diff = undefined;
    this.error = '';
  }

  /** Never throws. */
  compare(): void {
    this.changed();
    const pick = (src: PemSource, side: string): PileCert | string => {
      const pile = readPile(src.input, side);
      if (pile.certs[0]) return pile.certs[0];
      return pile.problems.length ? t('cmp.noCertificate', { side, problems: pileProblemsText(pile.problems) }) : t('cmp.pasteFirst', { side });
    };
    const a = pick(this.left, t('cmp.firstCertificate'));
    const b = pick(this.right, t('cmp.secondCertificate'));
    const missing = [a, b].filter((x): x is string => typeof x === 'string');
    if (missing.length || typeof a === 'string' || typeof b === 'string') {
      this.error = missing.join('; ');
      return;
    }
    try {
      this.diff = diffCertificates(a.obj, b.obj);
      this.titles = [shownLabel(a.view), shownLabel(b.view)];
    } catch (e) {
      this.error = errorText(e);
    }
  }
}
