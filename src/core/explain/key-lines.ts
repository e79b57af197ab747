/** The fields of a key as `pkey -text` and the public key part of `x509 -text` print them. */
import type { LineExplanation } from './lines.ts';

export type KeyFamily = 'rsa' | 'rsa-pss' | 'ec' | 'ecx' | 'dsa' | 'other';

/** From the "Public Key Algorithm:" value of a certificate or request. */
export function keyFamilyOfAlgorithm(name: string): KeyFamily {
  if (name === 'rsaEncryption') return 'rsa';
  if (name === 'rsassaPss') return 'rsa-pss';
  if (name === 'id-ecPublicKey') return 'ec';
  if (/^(ED25519|ED448|X25519|X448)$/.test(name)) return 'ecx';
  if (/^dsa/.test(name)) return 'dsa';
  return 'other';
}

/** From the dump of a key alone: its first line and the field names it prints. */
export function keyFamilyOfDump(lines: readonly string[]): KeyFamily {
  if (/^(ED25519|ED448|X25519|X448) /.test(lines[0] ?? '')) return 'ecx';
  if (lines.some((l) => /^(modulus|Modulus):/.test(l))) return lines.some((l) => /PSS parameter restrictions/.test(l)) ? 'rsa-pss' : 'rsa';
  if (lines.some((l) => /^(ASN1 OID|Field Type|NIST CURVE):/.test(l))) return 'ec';
  if (lines.some((l) => /^(DSA-Parameters|Q):/.test(l))) return 'dsa';
  return 'other';
}

const BY_FAMILY: Partial<Record<KeyFamily, { pub: string; priv: string }>> = {
  ec: { pub: 'key.ec.pub', priv: 'key.ec.priv' },
  ecx: { pub: 'key.ecx.pub', priv: 'key.ecx.priv' },
  dsa: { pub: 'key.dsa.pub', priv: 'key.dsa.priv' },
};

const NAMED: Array<[RegExp, string]> = [
  [/^(RSA-)?Public-Key: \(|^(ED25519|ED448|X25519|X448) Public-Key:/, 'key.publicHeader'],
  [/^(RSA-)?Private-Key: \(|^(ED25519|ED448|X25519|X448) Private-Key:/, 'key.privateHeader'],
  [/^(Modulus|modulus):/, 'key.rsa.modulus'],
  [/^(Exponent|publicExponent):/, 'key.rsa.publicExponent'],
  [/^privateExponent:/, 'key.rsa.privateExponent'],
  [/^prime[12]:/, 'key.rsa.primes'],
  [/^(exponent[12]|coefficient):/, 'key.rsa.crtValues'],
  [/^(No )?PSS parameter restrictions/, 'key.rsaPss.restrictions'],
  [/^ASN1 OID:/, 'key.ec.curve'],
  [/^NIST CURVE:/, 'key.ec.nistCurve'],
  [/^(Field Type|Polynomial|Prime|A|B|Generator \([a-z]+\)|Order|Cofactor|Seed):/, 'key.ec.explicitParams'],
  [/^(P|Q|G|DSA-Parameters):/, 'key.dsa.params'],
];

/** A key field heading, or a value line of the field above it. */
export function keyLine(body: string, family: KeyFamily, parent: LineExplanation | undefined): LineExplanation {
  if (body.startsWith('pub:') || body.startsWith('priv:')) {
    const ids = BY_FAMILY[family];
    if (ids) return { id: body.startsWith('pub:') ? ids.pub : ids.priv, parts: [] };
  } else {
    for (const [pattern, id] of NAMED) if (pattern.test(body)) return { id, parts: [] };
  }
  if (parent?.id.startsWith('key.')) return { id: parent.id, parts: [] };
  return { id: 'generic.line', parts: [] };
}
