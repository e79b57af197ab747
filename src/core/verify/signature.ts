/**
 * Signature checks with WebCrypto: RSA PKCS#1 v1.5, RSA-PSS, ECDSA (P-256/384/521) and Ed25519
 * (which pkijs cannot verify, so everything goes straight to WebCrypto here).
 */
import { toArrayBuffer } from '../bytes.ts';
import { CertbenchError, errorMessage } from '../errors.ts';
import { ecdsaDerToRaw, keyAlgorithmOfSpki, parseSpki } from '../cert/spki.ts';
import { CURVE_BYTES, OID_EC_PUBLIC_KEY, OID_ED25519, OID_RSA_ENCRYPTION, type KeyAlgorithm } from '../keys/key-types.ts';
import { type DerNode, parseDer } from '../der/node.ts';
import { isContext, oidValue } from '../der/read.ts';

type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

interface SigScheme {
  family: 'rsa' | 'rsa-pss' | 'ecdsa' | 'ed25519';
  hash?: HashName;
  saltLength?: number;
  name: string;
}

const SCHEMES: Record<string, SigScheme> = {
  '1.2.840.113549.1.1.5': { family: 'rsa', hash: 'SHA-1', name: 'sha1WithRSAEncryption' },
  '1.2.840.113549.1.1.11': { family: 'rsa', hash: 'SHA-256', name: 'sha256WithRSAEncryption' },
  '1.2.840.113549.1.1.12': { family: 'rsa', hash: 'SHA-384', name: 'sha384WithRSAEncryption' },
  '1.2.840.113549.1.1.13': { family: 'rsa', hash: 'SHA-512', name: 'sha512WithRSAEncryption' },
  '1.2.840.10045.4.1': { family: 'ecdsa', hash: 'SHA-1', name: 'ecdsa-with-SHA1' },
  '1.2.840.10045.4.3.2': { family: 'ecdsa', hash: 'SHA-256', name: 'ecdsa-with-SHA256' },
  '1.2.840.10045.4.3.3': { family: 'ecdsa', hash: 'SHA-384', name: 'ecdsa-with-SHA384' },
  '1.2.840.10045.4.3.4': { family: 'ecdsa', hash: 'SHA-512', name: 'ecdsa-with-SHA512' },
  '1.3.101.112': { family: 'ed25519', name: 'Ed25519' },
};
const OID_RSASSA_PSS = '1.2.840.113549.1.1.10';
const HASH_OIDS: Record<string, HashName> = {
  '1.3.14.3.2.26': 'SHA-1', '2.16.840.1.101.3.4.2.1': 'SHA-256', '2.16.840.1.101.3.4.2.2': 'SHA-384', '2.16.840.1.101.3.4.2.3': 'SHA-512',
};
const WEAK_NAMES: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption', '1.2.840.113549.1.1.2': 'md2WithRSAEncryption', '1.2.840.10040.4.3': 'dsaWithSHA1',
  '2.16.840.1.101.3.4.3.2': 'dsa_with_SHA256', '1.3.101.113': 'Ed448',
};

/** RSASSA-PSS-params (RFC 4055): hash, MGF1 hash (must match: WebCrypto uses one), salt length. */
function pssScheme(params: DerNode | undefined): SigScheme {
  let hash: HashName = 'SHA-1';
  let mgfHash: HashName = 'SHA-1';
  let saltLength = 20;
  for (const field of params ? params.children : []) {
    const [inner] = field.children;
    if (!inner) continue;
    if (isContext(field, 0)) {
      const h = HASH_OIDS[oidValue(inner.children[0]!)];
      if (!h) throw new CertbenchError('verify.pssUnknownHash');
      hash = h;
    } else if (isContext(field, 1)) {
      const [mgf, mgfParams] = inner.children;
      if (oidValue(mgf!) !== '1.2.840.113549.1.1.8' || !mgfParams) throw new CertbenchError('verify.pssNotMgf1');
      const h = HASH_OIDS[oidValue(mgfParams.children[0]!)];
      if (!h) throw new CertbenchError('verify.pssMgfUnknownHash');
      mgfHash = h;
    } else if (isContext(field, 2)) {
      saltLength = inner.content.reduce((n, b) => n * 256 + b, 0);
    } else if (isContext(field, 3)) {
      if (inner.content.reduce((n, b) => n * 256 + b, 0) !== 1) throw new CertbenchError('verify.pssTrailer');
    }
  }
  if (mgfHash !== hash) throw new CertbenchError('verify.pssHashMismatch', { hash, mgfHash });
  return { family: 'rsa-pss', hash, saltLength, name: `RSASSA-PSS (${hash})` };
}

function signatureScheme(oid: string, params?: DerNode): SigScheme {
  if (oid === OID_RSASSA_PSS) return pssScheme(params);
  const s = SCHEMES[oid];
  if (!s) throw new CertbenchError('verify.signatureAlgorithmUnsupported', { algorithm: WEAK_NAMES[oid] ?? oid });
  return s;
}

export function signatureAlgorithmName(oid: string): string {
  return SCHEMES[oid]?.name ?? WEAK_NAMES[oid] ?? (oid === OID_RSASSA_PSS ? 'RSASSA-PSS' : oid);
}

export function isSha1Signature(oid: string): boolean {
  return SCHEMES[oid]?.hash === 'SHA-1';
}

/** What the SPKI holds, or a reason it cannot be used. */
export function publicKeyAlgorithm(spki: Uint8Array): KeyAlgorithm {
  let parsed;
  try {
    parsed = parseSpki(spki);
  } catch (e) {
    throw new CertbenchError('verify.keyUnreadable', { reason: errorMessage(e) });
  }
  const alg = keyAlgorithmOfSpki(parsed);
  if (alg) return alg;
  const oid = parsed.algorithm.algorithmId;
  if (oid === OID_EC_PUBLIC_KEY) throw new CertbenchError('verify.ecCurveUnsupported');
  throw new CertbenchError('verify.keyTypeNotAccepted', { type: oid === '1.2.840.10040.4.1' ? 'DSA' : oid });
}

/**
 * Whether `signature` over `data` verifies with the SPKI. Throws a CertbenchError naming the reason
 * when the algorithm or key cannot be used (as opposed to false for a wrong signature).
 */
export async function verifySignature(data: Uint8Array, signature: Uint8Array, sigOid: string, sigParams: DerNode | undefined, spki: Uint8Array): Promise<boolean> {
  const scheme = signatureScheme(sigOid, sigParams);
  const key = publicKeyAlgorithm(spki);
  const subtle = globalThis.crypto.subtle;
  const keyOid = oidValue((parseDer(spki, 'SubjectPublicKeyInfo').children[0]!).children[0]!);
  let importAlg: RsaHashedImportParams | EcKeyImportParams | Algorithm;
  let verifyAlg: AlgorithmIdentifier | RsaPssParams | EcdsaParams;
  let sig = signature;
  switch (scheme.family) {
    case 'rsa':
    case 'rsa-pss':
      if (key.family !== 'rsa' || keyOid !== OID_RSA_ENCRYPTION) throw new CertbenchError('verify.needsRsaKey', { scheme: scheme.name });
      importAlg = { name: scheme.family === 'rsa' ? 'RSASSA-PKCS1-v1_5' : 'RSA-PSS', hash: scheme.hash! };
      verifyAlg = scheme.family === 'rsa' ? { name: 'RSASSA-PKCS1-v1_5' } : { name: 'RSA-PSS', saltLength: scheme.saltLength! };
      break;
    case 'ecdsa':
      if (key.family !== 'ec') throw new CertbenchError('verify.needsEcKey', { scheme: scheme.name });
      importAlg = { name: 'ECDSA', namedCurve: key.curve };
      verifyAlg = { name: 'ECDSA', hash: scheme.hash! };
      sig = ecdsaDerToRaw(signature, CURVE_BYTES[key.curve]);
      if (!isStrictEcdsaDer(signature)) return false;
      break;
    case 'ed25519':
      if (keyOid !== OID_ED25519) throw new CertbenchError('verify.needsEd25519Key');
      importAlg = { name: 'Ed25519' };
      verifyAlg = { name: 'Ed25519' };
      break;
  }
  let cryptoKey: CryptoKey;
  try {
    cryptoKey = await subtle.importKey('spki', toArrayBuffer(spki), importAlg, false, ['verify']);
  } catch (e) {
    throw new CertbenchError('verify.issuerKeyUnusable', { reason: errorMessage(e) });
  }
  try {
    return await subtle.verify(verifyAlg, cryptoKey, toArrayBuffer(sig), toArrayBuffer(data));
  } catch {
    return false;
  }
}

/** An ECDSA signature must be exactly SEQUENCE { INTEGER r, INTEGER s }. */
function isStrictEcdsaDer(der: Uint8Array): boolean {
  try {
    const seq = parseDer(der, 'ECDSA signature');
    return seq.der.length === der.length && seq.children.length === 2 && seq.children.every((n) => n.tag === 2);
  } catch {
    return false;
  }
}
