/**
 * Which keys, certificates and CSRs belong together, compared by public key: the
 * `openssl x509 -modulus | md5sum` ritual done properly, for every key type OpenSSL prints
 * (RSA, EC on any curve, Ed25519/Ed448, X25519/X448, DSA). Private keys are reduced to their
 * public half (computed when the file does not carry it), then everything is compared by the key
 * material alone, so a compressed and an uncompressed EC point of the same key match.
 */
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { ed448, x448 } from '@noble/curves/ed448.js';
import { toHex } from '../bytes.ts';
import { CertbenchError, describeError, errorMessage, msg, type LocatedMessage, type MessageParam } from '../errors.ts';
import { modPow } from '../keymath/modular.ts';
import { multiplyGenerator } from '../keymath/weierstrass.ts';
import { type DerNode, parseDer } from '../der/node.ts';
import { child, integerValue, isContext, unsignedBigInt } from '../der/read.ts';
import { curveFromParameters } from '../text/private-key-ec.ts';
import type { FoundObject } from '../types.ts';

const OIDS = {
  rsa: '1.2.840.113549.1.1.1', rsaPss: '1.2.840.113549.1.1.10', ec: '1.2.840.10045.2.1', dsa: '1.2.840.10040.4.1',
  x25519: '1.3.101.110', x448: '1.3.101.111', ed25519: '1.3.101.112', ed448: '1.3.101.113',
} as const;
const CURVE_KEYS: Record<string, { name: string; derive: (k: Uint8Array) => Uint8Array }> = {
  [OIDS.x25519]: { name: 'X25519', derive: (k) => x25519.getPublicKey(k) },
  [OIDS.x448]: { name: 'X448', derive: (k) => x448.getPublicKey(k) },
  [OIDS.ed25519]: { name: 'Ed25519', derive: (k) => ed25519.getPublicKey(k) },
  [OIDS.ed448]: { name: 'Ed448', derive: (k) => ed448.getPublicKey(k) },
};

/** A public key reduced to what identifies it. */
export interface PublicKeyIdentity {
  /** "RSA 2048", "Ed25519", …: a name, or words ("EC (256-bit field)") as a message. */
  description: MessageParam;
  /** Equal for the same key, whatever file it came from. */
  id: string;
}

function hexOfBig(n: bigint): string {
  const h = n.toString(16);
  return h.length % 2 ? `0${h}` : h;
}

function bitString(node: DerNode): Uint8Array {
  return node.content.subarray(1);
}

function rsaIdentity(n: bigint, e: bigint): PublicKeyIdentity {
  return { description: `RSA ${n.toString(2).length}`, id: `rsa:${hexOfBig(n)}:${hexOfBig(e)}` };
}

/** EC keys compare by curve and x (and y's parity), so point compression does not matter. */
function ecIdentity(paramsDer: string, point: Uint8Array): PublicKeyIdentity {
  if (!point.length) throw new CertbenchError('verify.ecKeyEmpty');
  const size = point[0] === 4 ? (point.length - 1) / 2 : point.length - 1;
  const x = point.subarray(1, 1 + size);
  const odd = point[0] === 4 ? point[point.length - 1]! & 1 : point[0] === 3 ? 1 : 0;
  return { description: msg('keyMatch.ecField', { bits: size * 8 }), id: `ec:${paramsDer}:${toHex(x)}:${odd}` };
}

function dsaIdentity(params: DerNode | undefined, y: bigint): PublicKeyIdentity {
  const p = params ? integerValue(child(params, 0, 'DSA p'), 'DSA p') : 0n;
  return { description: `DSA ${p.toString(2).length}`, id: `dsa:${params ? toHex(params.der) : ''}:${hexOfBig(y)}` };
}

/** Identity of a SubjectPublicKeyInfo. */
function identityOfSpki(spki: Uint8Array): PublicKeyIdentity {
  const node = parseDer(spki, 'SubjectPublicKeyInfo');
  const alg = child(node, 0, 'algorithm');
  const oid = oidOf(child(alg, 0, 'algorithm OID'));
  const params = alg.children[1];
  const key = bitString(child(node, 1, 'subjectPublicKey'));
  if (oid === OIDS.rsa || oid === OIDS.rsaPss) {
    const rsa = parseDer(key, 'RSAPublicKey');
    return rsaIdentity(integerValue(child(rsa, 0, 'modulus'), 'modulus'), integerValue(child(rsa, 1, 'exponent'), 'exponent'));
  }
  if (oid === OIDS.ec) return ecIdentity(params ? toHex(params.der) : '', key);
  if (oid === OIDS.dsa) return dsaIdentity(params, integerValue(parseDer(key, 'DSA public key'), 'DSA public key'));
  const curve = CURVE_KEYS[oid];
  if (curve) return { description: curve.name, id: `${curve.name}:${toHex(key)}` };
  return { description: oid, id: `${oid}:${params ? toHex(params.der) : ''}:${toHex(key)}` };
}

function oidOf(node: DerNode): string {
  const bytes = node.content;
  const parts: number[] = [];
  let v = 0;
  for (const b of bytes) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  const first = parts.shift() ?? 0;
  return [first < 80 ? Math.floor(first / 40) : 2, first < 80 ? first % 40 : first - 80, ...parts].join('.');
}

function rsaPrivateIdentity(key: DerNode): PublicKeyIdentity {
  return rsaIdentity(integerValue(child(key, 1, 'modulus'), 'modulus'), integerValue(child(key, 2, 'publicExponent'), 'publicExponent'));
}

function ecPrivateIdentity(key: DerNode, outerParams: DerNode | undefined): PublicKeyIdentity {
  const rest = key.children.slice(2);
  const params = rest.find((n) => isContext(n, 0))?.children[0] ?? outerParams;
  const stored = rest.find((n) => isContext(n, 1))?.children[0];
  if (stored) return ecIdentity(params ? toHex(params.der) : '', bitString(stored));
  const curve = curveFromParameters(params);
  if (!curve.prime) throw new CertbenchError('verify.ecBinaryNoPublic');
  return ecIdentity(params ? toHex(params.der) : '', multiplyGenerator(curve.prime, unsignedBigInt(child(key, 1, 'private key').content)));
}

function pkcs8Identity(info: DerNode): PublicKeyIdentity {
  const alg = child(info, 1, 'privateKeyAlgorithm');
  const oid = oidOf(child(alg, 0, 'algorithm OID'));
  const params = alg.children[1];
  const inner = child(info, 2, 'privateKey').content;
  if (oid === OIDS.rsa || oid === OIDS.rsaPss) return rsaPrivateIdentity(parseDer(inner, 'RSAPrivateKey'));
  if (oid === OIDS.ec) return ecPrivateIdentity(parseDer(inner, 'ECPrivateKey'), params);
  if (oid === OIDS.dsa) {
    const x = integerValue(parseDer(inner, 'DSA private key'), 'DSA private key');
    const p = integerValue(child(params!, 0, 'p'), 'p');
    const g = integerValue(child(params!, 2, 'g'), 'g');
    return dsaIdentity(params, modPow(g, x, p));
  }
  const curve = CURVE_KEYS[oid];
  if (curve) return { description: curve.name, id: `${curve.name}:${toHex(curve.derive(parseDer(inner, 'private key').content))}` };
  throw new CertbenchError('verify.keyTypeUnmatchable', { oid });
}

/** The public key of a certificate, CSR, public key or (unencrypted) private key. */
export function publicKeyIdentity(obj: FoundObject): PublicKeyIdentity {
  try {
    const top = parseDer(obj.der, obj.kind);
    switch (obj.kind) {
      case 'certificate': {
        const tbs = child(top, 0, 'tbsCertificate');
        const offset = isContext(tbs.children[0], 0) ? 1 : 0;
        return identityOfSpki(child(tbs, offset + 5, 'subjectPublicKeyInfo').der);
      }
      case 'csr':
        return identityOfSpki(child(child(top, 0, 'certificationRequestInfo'), 2, 'subjectPKInfo').der);
      case 'public-key':
        return identityOfSpki(obj.der);
      case 'rsa-public-key':
        return rsaIdentity(integerValue(child(top, 0, 'modulus'), 'modulus'), integerValue(child(top, 1, 'exponent'), 'exponent'));
      case 'private-key':
        return pkcs8Identity(top);
      case 'rsa-private-key':
        return rsaPrivateIdentity(top);
      case 'ec-private-key':
        return ecPrivateIdentity(top, undefined);
      case 'dsa-private-key':
        return dsaIdentity(parseDer(dsaParamsDer(top), 'DSA parameters'), integerValue(child(top, 4, 'DSA public key'), 'DSA public key'));
      default:
        throw new CertbenchError('verify.noPublicKey', { kind: obj.kind });
    }
  } catch (e) {
    throw CertbenchError.wrap(e, obj.origin);
  }
}

/** The Dss-Parms SEQUENCE { p, q, g } of a traditional DSA key, as an SPKI would carry it. */
function dsaParamsDer(key: DerNode): Uint8Array {
  const parts = [1, 2, 3].map((i) => child(key, i, 'DSA field').der);
  const body = parts.reduce((n, p) => n + p.length, 0);
  const len = body < 128 ? [body] : body < 256 ? [0x81, body] : [0x82, body >> 8, body & 255];
  const out = new Uint8Array(1 + len.length + body);
  out.set([0x30, ...len]);
  let at = 1 + len.length;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export interface KeyGroup {
  key: PublicKeyIdentity;
  /** Indexes into the objects given, with their kind and origin. */
  members: { index: number; kind: FoundObject['kind']; origin: string }[];
}

export interface MatchReport {
  /** One group per distinct public key, in order of first appearance. */
  groups: KeyGroup[];
  /** Objects that have no public key to compare, with the reason. */
  skipped: { index: number; origin: string; reason: string; said: LocatedMessage }[];
  /** True when every comparable object has the same public key. */
  allMatch: boolean;
}

/** Groups keys, certificates and CSRs by public key. */
export function matchKeys(objects: readonly FoundObject[]): MatchReport {
  const groups: KeyGroup[] = [];
  const skipped: MatchReport['skipped'] = [];
  objects.forEach((obj, index) => {
    let key: PublicKeyIdentity;
    try {
      key = publicKeyIdentity(obj);
    } catch (e) {
      skipped.push({ index, origin: obj.origin, reason: describeError(e), said: errorMessage(e) });
      return;
    }
    const member = { index, kind: obj.kind, origin: obj.origin };
    const group = groups.find((g) => g.key.id === key.id);
    if (group) group.members.push(member);
    else groups.push({ key, members: [member] });
  });
  return { groups, skipped, allMatch: groups.length === 1 };
}
