/** Picking the objects a form field wants (a CSR, certificates) out of whatever was pasted. */
import { detectInput } from '../../core/input/detect.ts';
import type { FoundObject, ObjectKind } from '../../core/types.ts';
import { t, type KubeMessageKey } from './i18n.ts';

const KIND_WORDS = new Set<string>(['certificate', 'csr', 'crl', 'private-key', 'rsa-private-key', 'ec-private-key', 'encrypted-private-key', 'public-key', 'pkcs7']);
const kindWords = (kind: ObjectKind): string => (KIND_WORDS.has(kind) ? t(`kind.${kind}` as KubeMessageKey) : kind);

/** What a field wants, in words (a message key, so it follows the language). */
type Wanted = 'csr' | 'certificate' | 'clientCertificate' | 'caCertificate';

interface Picked {
  ders: Uint8Array[];
  /** Why nothing usable was found, or '' when something was. */
  problem: string;
}

/**
 * The DER of every object of `kind` in the input. When there is none, `problem` says what was
 * found instead (or what could not be read), in words a person can act on.
 */
export function pickObjects(input: string | Uint8Array | undefined, kind: ObjectKind, want: Wanted, sourceName?: string): Picked {
  if (input === undefined) return { ders: [], problem: '' };
  const found = detectInput(input, sourceName);
  const ders = found.objects.filter((o: FoundObject) => o.kind === kind).map((o) => o.der);
  if (ders.length) return { ders, problem: '' };
  const wanted = t(`want.${want}`);
  const others = [...new Set(found.objects.map((o) => kindWords(o.kind)))];
  if (others.length) return { ders, problem: t('notFoundThisIs', { wanted, found: others.join(t('and')) }) };
  const p = found.problems[0];
  return { ders, problem: p ? t('notFoundBecause', { wanted, reason: p.message }) : t('notFound', { wanted }) };
}
