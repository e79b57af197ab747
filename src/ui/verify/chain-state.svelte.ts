/**
 * The Chain section: a pile in any order, a trust anchor (roots in the pile, a stored CA, or the
 * system roots certbench does not have offline), purpose, profile and "as of" time → the core's
 * verdict, the path drawn root first with a mark per check, and the equivalent `openssl verify`.
 */
import { errorText } from '../i18n/core-text.svelte.ts';
import { toPem } from '../../core/pem.ts';
import type { InputProblem } from '../../core/types.ts';
import { verifyChain, type PathEntry, type Purpose, type VerifyProblem } from '../../core/verify/index.ts';
import { opensslVerifyCommand } from '../../core/verify/commands.ts';
import type { CaSummary } from '../../store/ca.ts';
import { PemSource } from '../kubernetes/pem-source.svelte.ts';
import { leafCandidates, pileProblemsText, readPile, rootsOf, type PileCert } from './pile.ts';
import { CHECKS, checkLabel, checkOf, fixFor, type CheckId } from './problem-words.ts';
import { translator } from '../i18n/t.svelte.ts';
import * as verifyMessages from '../i18n/messages/verify.ts';

const t = translator(verifyMessages);

type AnchorChoice = 'pile' | 'system' | `ca:${string}`;
export type Profile = 'webpki' | 'rfc5280';

/** In English; the screen shows it in the reader's language. */
export const SYSTEM_ROOTS_UNAVAILABLE = verifyMessages.en['chain.systemRoots'];

interface ShownCheck {
  id: CheckId;
  label: string;
  ok: boolean;
}

interface ShownEntry extends Omit<PathEntry, 'der'> {
  checks: ShownCheck[];
  ok: boolean;
}

export interface ShownProblem extends VerifyProblem {
  /** The message starts by naming its certificate ({who}); otherwise the screen names it first. */
  namesItself: boolean;
  fix: string;
}

export interface ChainVerdict {
  ok: boolean;
  /** Root first, leaf last: the order the path is drawn in. */
  path: ShownEntry[];
  problems: ShownProblem[];
  reachedAnchor: boolean;
  /** The inputs actually used, for the openssl line and the file downloads. */
  leafPem: string;
  untrustedPem: string;
  trustedPem: string;
  command: string;
  at: Date;
}

/** "2026-01-31T12:00" (datetime-local, local time) → Date; empty → undefined (now). */
export function parseAsOf(text: string): Date | undefined | string {
  if (!text.trim()) return undefined;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? t('chain.notADate', { text }) : d;
}

// Built in the core (pure); re-exported for the components and tests that import it from here.
export { opensslVerifyCommand };

const pemOf = (certs: readonly Uint8Array[]) => certs.map((d) => toPem('CERTIFICATE', d)).join('');

export class ChainState {
  readonly pile = new PemSource();
  anchor = $state<AnchorChoice>('pile');
  purpose = $state<Purpose>('server');
  profile = $state<Profile>('webpki');
  /** datetime-local text; empty means now. */
  asOf = $state('');
  /** Index into the pile's certificates of the leaf chosen by hand; -1 = found automatically. */
  leafChoice = $state(-1);
  storedCas = $state.raw<CaSummary[]>([]);
  storedCasError = $state('');
  running = $state(false);
  error = $state('');
  verdict = $state.raw<ChainVerdict | undefined>(undefined);

  constructor(private readonly listCas?: () => Promise<CaSummary[]>) {}

  /** Reads the stored CAs (read-only) so one can be the trust anchor. Never throws. */
  async loadStoredCas(): Promise<void> {
    if (!this.listCas) return;
    try {
      this.storedCas = await this.listCas();
      this.storedCasError = '';
    } catch (e) {
      this.storedCasError = t('chain.storedCasError', { message: errorText(e) });
    }
  }

  /** The pile as read, recomputed only when the input changes. */
  readonly read: { certs: PileCert[]; problems: InputProblem[] } = $derived(readPile(this.pile.input, this.pile.fileName || 'pile'));

  /** The leaf used when none is chosen by hand. */
  get autoLeaf(): PileCert | undefined {
    return leafCandidates(this.read.certs)[0];
  }

  get anchorProblem(): string {
    return this.anchor === 'system' ? t('chain.systemRoots') : '';
  }

  changed(): void {
    this.verdict = undefined;
    this.error = '';
    if (this.leafChoice >= this.read.certs.length) this.leafChoice = -1;
  }

  /** Runs the verification. Never throws: every failure becomes `error` or the verdict's problems. */
  async verify(): Promise<void> {
    this.error = '';
    this.verdict = undefined;
    if (this.anchor === 'system') {
      this.error = t('chain.systemRoots');
      return;
    }
    const at = parseAsOf(this.asOf);
    if (typeof at === 'string') {
      this.error = at;
      return;
    }
    const { certs, problems } = this.read;
    if (!certs.length) {
      this.error = problems.length ? t('noCertificateFound', { problems: pileProblemsText(problems) }) : t('chain.pasteFirst');
      return;
    }
    const leaf = this.leafChoice >= 0 && this.leafChoice < certs.length ? certs[this.leafChoice]! : leafCandidates(certs)[0]!;
    let trusted: Uint8Array[];
    let others = certs.filter((c) => c !== leaf);
    if (this.anchor === 'pile') {
      const roots = rootsOf(others);
      if (!roots.length) {
        this.error = t('chain.noRoot');
        return;
      }
      trusted = roots.map((r) => r.obj.der);
      others = others.filter((c) => !roots.includes(c));
    } else {
      const id = this.anchor.slice(3);
      const ca = this.storedCas.find((c) => c.id === id);
      if (!ca) {
        this.error = t('chain.storedGone');
        return;
      }
      trusted = [ca.certificate];
    }
    const untrusted = others.map((c) => c.obj.der);
    this.running = true;
    try {
      const result = await verifyChain(leaf.obj.der, { trusted, untrusted, purpose: this.purpose, profile: this.profile, ...(at ? { at } : {}) });
      this.verdict = this.shape(result, { leaf: leaf.obj.der, untrusted, trusted, at });
    } catch (e) {
      this.error = errorText(e);
    } finally {
      this.running = false;
    }
  }

  private shape(
    result: Awaited<ReturnType<typeof verifyChain>>,
    used: { leaf: Uint8Array; untrusted: Uint8Array[]; trusted: Uint8Array[]; at: Date | undefined },
  ): ChainVerdict {
    const n = result.path.length;
    const reachedAnchor = n > 0 && result.path[n - 1]!.role === 'anchor';
    const path = result.path.map((p, i): ShownEntry => {
      const mine = result.problems.filter((q) => q.index === i);
      // A signature is checked against the issuer above; the anchor's own is not checked.
      const checks = CHECKS.map((c) => ({ id: c.id, label: checkLabel(c.id), ok: !mine.some((q) => checkOf(q.code) === c.id) }));
      return {
        role: p.role, subject: p.subject, issuer: p.issuer, label: p.label, labelSaid: p.labelSaid, notBefore: p.notBefore, notAfter: p.notAfter,
        trusted: p.trusted, checks, ok: checks.every((c) => c.ok),
      };
    });
    return {
      ok: result.ok,
      path: path.reverse(),
      problems: result.problems.map((q) => ({ ...q, namesItself: q.said.params?.['who'] !== undefined, fix: fixFor(q.code) })),
      reachedAnchor,
      leafPem: pemOf([used.leaf]),
      untrustedPem: pemOf(used.untrusted),
      trustedPem: pemOf(used.trusted),
      command: opensslVerifyCommand({ hasUntrusted: used.untrusted.length > 0, purpose: this.purpose, ...(used.at ? { at: used.at } : {}) }),
      at: used.at ?? new Date(),
    };
  }
}
