/** Picking the objects a form field wants (a CSR, certificates) out of whatever was pasted. */
import { detectInput } from '../../core/input/detect.ts';
import type { FoundObject, ObjectKind } from '../../core/types.ts';

const KIND_WORDS: Partial<Record<ObjectKind, string>> = {
  certificate: 'a certificate',
  csr: 'a certificate request',
  crl: 'a CRL',
  'private-key': 'a private key',
  'rsa-private-key': 'an RSA private key',
  'ec-private-key': 'an EC private key',
  'encrypted-private-key': 'an encrypted private key',
  'public-key': 'a public key',
  pkcs7: 'a PKCS#7 bundle',
};

export interface Picked {
  ders: Uint8Array[];
  /** Why nothing usable was found, or '' when something was. */
  problem: string;
}

/**
 * The DER of every object of `kind` in the input. When there is none, `problem` says what was
 * found instead (or what could not be read), in words a person can act on.
 */
export function pickObjects(input: string | Uint8Array | undefined, kind: ObjectKind, wanted: string, sourceName?: string): Picked {
  if (input === undefined) return { ders: [], problem: '' };
  const found = detectInput(input, sourceName);
  const ders = found.objects.filter((o: FoundObject) => o.kind === kind).map((o) => o.der);
  if (ders.length) return { ders, problem: '' };
  const others = [...new Set(found.objects.map((o) => KIND_WORDS[o.kind] ?? o.kind))];
  if (others.length) return { ders, problem: `no ${wanted} found: this is ${others.join(' and ')}` };
  const p = found.problems[0];
  return { ders, problem: p ? `no ${wanted} found: ${p.message}` : `no ${wanted} found` };
}
