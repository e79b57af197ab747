/**
 * Bench entries for decoded objects: what Inspect opened, what Create and the CA made. The summary the
 * core already computes names the object and gives the public-key pin that ties keys, CSRs and
 * certificates together.
 */
import { toPem } from '../../core/pem.ts';
import { fileBaseName } from '../shared/file-names.ts';
import type { FoundObject, ObjectKind } from '../../core/types.ts';
import type { Summary } from '../../core/summary.ts';
import { BENCH_OBJECTS_PER_INPUT, type BenchItemInput, type BenchKind, type BenchOrigin } from './bench.svelte.ts';

const PRIVATE_KEY_KINDS: readonly ObjectKind[] = ['private-key', 'rsa-private-key', 'ec-private-key', 'dsa-private-key', 'encrypted-private-key', 'legacy-encrypted-key'];

/** The bench kind of a decoded object, or undefined for what has no next step (public keys, unknown DER). */
function benchKindOf(kind: ObjectKind, summary: Summary): BenchKind | undefined {
  if (kind === 'certificate') return summary.isCa ? 'ca' : 'certificate';
  if (kind === 'csr' || kind === 'crl') return kind;
  if (PRIVATE_KEY_KINDS.includes(kind)) return 'key';
  if (kind === 'pkcs7') return 'bundle';
  return undefined;
}

const PEM_LABEL: Partial<Record<BenchKind, string>> = { certificate: 'CERTIFICATE', ca: 'CERTIFICATE', csr: 'CERTIFICATE REQUEST', crl: 'X509 CRL', bundle: 'PKCS7' };
const EXTENSION: Partial<Record<BenchKind, string>> = { certificate: 'crt', ca: 'crt', csr: 'csr', crl: 'crl', key: 'key', bundle: 'p7b' };

interface DecodedForBench {
  kind: ObjectKind;
  der: Uint8Array;
  summary: Summary;
  /** The PEM label the object came with (keys keep theirs: PKCS#1, SEC1 or PKCS#8). */
  pemLabel?: string;
}

/** A bench entry for one decoded object, or undefined when the bench has nothing to do with it. */
export function benchEntryFor(obj: DecodedForBench, origin: BenchOrigin, extra: Partial<BenchItemInput> = {}): BenchItemInput | undefined {
  const kind = benchKindOf(obj.kind, obj.summary);
  if (!kind) return undefined;
  const s = obj.summary;
  const label = kind === 'key' ? (obj.pemLabel ?? 'PRIVATE KEY') : PEM_LABEL[kind]!;
  const detail = kind === 'certificate' || kind === 'ca' ? (s.issuer && s.issuer !== s.subject ? s.issuer : s.key?.description) : s.key?.description;
  return {
    kind,
    title: s.title,
    ...(detail ? { detail } : {}),
    origin,
    text: toPem(label, obj.der),
    der: obj.der,
    fileName: `${fileBaseName(s.title, kind)}.${EXTENSION[kind]}`,
    ...(s.spkiSha256 ? { spkiPin: s.spkiSha256 } : {}),
    ...(s.subject ? { subject: s.subject } : {}),
    ...(s.issuer ? { issuer: s.issuer } : {}),
    ...extra,
  };
}

/** Summarises (in the caller's chunk: the core is loaded there already) and describes an object made in this page. */
export async function benchEntryForDer(kind: ObjectKind, der: Uint8Array, origin: BenchOrigin, extra: Partial<BenchItemInput> = {}): Promise<BenchItemInput | undefined> {
  const { summarize } = await import('../../core/summary.ts');
  const found: FoundObject = { kind, der, origin: '' };
  return benchEntryFor({ kind, der, summary: await summarize(found) }, origin, extra);
}

/**
 * What one input puts on the bench: each object, or — for a big paste (a trust store) — the whole
 * input as one bundle so the list stays readable.
 */
export function benchEntriesForInput(objects: readonly DecodedForBench[], sourceTitle: string, text: string | undefined): BenchItemInput[] {
  if (objects.length <= BENCH_OBJECTS_PER_INPUT) {
    return objects.map((o) => benchEntryFor(o, 'opened')).filter((e): e is BenchItemInput => !!e);
  }
  if (text === undefined) return [];
  return [{ kind: 'bundle', title: sourceTitle, detail: String(objects.length), origin: 'opened', text, fileName: `${fileBaseName(sourceTitle, 'bundle')}.pem` }];
}
