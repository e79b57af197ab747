/**
 * The request half of Create: subject rows, the SAN list, the purpose. Plain fields a form binds
 * to; validation comes from the core (csrRequestProblems), mapped back to the row or entry it is about.
 */
import { coreText } from '../i18n/core-text.svelte.ts';
import { csrRequestProblems } from '../../core/csr/build.ts';
import type { CsrRequest, Usage } from '../../core/csr/request.ts';
import { splitSanList } from '../../core/csr/san.ts';
import { subjectAttributeProblem, type SubjectAttribute, type SubjectType } from '../../core/csr/subject.ts';
import { sanViews, type SanView } from './san-view.ts';

interface SubjectRow {
  /** Stable across reordering, for keyed lists and element ids. */
  id: number;
  type: SubjectType;
  value: string;
}

let nextRowId = 1;

function row(a: SubjectAttribute): SubjectRow {
  return { id: nextRowId++, type: a.type, value: a.value };
}

export class CsrForm {
  rows = $state<SubjectRow[]>([]);
  /** One SAN a line (commas separate too; a space inside an entry is an error, never a second SAN). */
  sansText = $state('');
  usage = $state<Usage>('server');
  /** List keyEncipherment for EC/Ed25519 keys as well. */
  keyEnciphermentAlways = $state(false);

  readonly subject: SubjectAttribute[] = $derived(this.rows.map((r) => ({ type: r.type, value: r.value })));
  readonly sans: string[] = $derived(splitSanList(this.sansText));
  readonly sanViews: SanView[] = $derived(sanViews(this.sansText));

  /** Each row's problem by row id. */
  readonly rowProblems: Map<number, string> = $derived(
    new Map(this.rows.flatMap((r) => {
      const p = subjectAttributeProblem({ type: r.type, value: r.value });
      return p ? [[r.id, coreText(p)] as const] : [];
    })),
  );

  /** Problems about the request as a whole (no subject and no SAN; several CNs). */
  readonly requestProblems: string[] = $derived(
    csrRequestProblems({ subject: this.subject, sans: this.sans })
      .filter((p) => p.field === 'request' || p.field === 'subject')
      .map((p) => coreText(p.message)),
  );

  /** Every problem, in words, for the line beside the Generate button. */
  readonly problems: string[] = $derived(csrRequestProblems({ subject: this.subject, sans: this.sans }).map((p) => coreText(p.message)));

  addRow(type: SubjectType, value = ''): SubjectRow {
    const r = row({ type, value });
    this.rows.push(r);
    return r;
  }

  removeRow(id: number): void {
    this.rows = this.rows.filter((r) => r.id !== id);
  }

  /** Moves a row up (-1) or down (+1); does nothing at the ends. */
  moveRow(id: number, by: -1 | 1): void {
    const i = this.rows.findIndex((r) => r.id === id);
    const j = i + by;
    if (i < 0 || j < 0 || j >= this.rows.length) return;
    const next = [...this.rows];
    [next[i], next[j]] = [next[j]!, next[i]!];
    this.rows = next;
  }

  /** Fills the form from a preset or a paste (the key type is the caller's). */
  fill(request: Pick<CsrRequest, 'subject' | 'sans' | 'usage' | 'keyEnciphermentAlways'>): void {
    this.rows = request.subject.map(row);
    this.sansText = request.sans.join('\n');
    this.usage = request.usage;
    this.keyEnciphermentAlways = request.keyEnciphermentAlways ?? false;
  }

  /** The common name, if there is one (the first CN). */
  get commonName(): string | undefined {
    return this.rows.find((r) => r.type === 'CN')?.value;
  }
}
