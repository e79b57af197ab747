/**
 * The Compare section: two certificates (e.g. before and after renewal) side by side, their
 * OpenSSL texts diffed field by field by the core, grouped by section.
 */
import { describeError } from '../../core/errors.ts';
import { compareObjects, type CertificateDiff } from '../../core/verify/index.ts';
import { PemSource } from '../kubernetes/pem-source.svelte.ts';
import { readPile, type PileCert } from './pile.ts';

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
      return pile.problems.length ? `${side}: no certificate found (${pile.problems.map((p) => p.message).join('; ')})` : `${side}: paste or open a certificate`;
    };
    const a = pick(this.left, 'first certificate');
    const b = pick(this.right, 'second certificate');
    const missing = [a, b].filter((x): x is string => typeof x === 'string');
    if (missing.length || typeof a === 'string' || typeof b === 'string') {
      this.error = missing.join('; ');
      return;
    }
    try {
      this.diff = compareObjects(a.obj, b.obj);
      this.titles = [a.view.label, b.view.label];
    } catch (e) {
      this.error = describeError(e);
    }
  }
}
