/**
 * `openssl pkey -noout -text` for unencrypted private keys, following OpenSSL 3.0's key text encoder.
 * Public parts that a file may omit (DSA y in PKCS#8, EC points, Ed/X25519/448 public keys) are
 * recomputed, because OpenSSL recomputes them when it loads the key.
 */
import { CertbenchError } from '../errors.ts';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { ed448, x448 } from '@noble/curves/ed448.js';
import { modPow } from '../keymath/modular.ts';
import { asNode, type DerInput, type DerNode, parseDer } from '../der/node.ts';
import { child, expectUniversal, integerValue, isContext, isUniversal, oidValue, placeOf } from '../der/read.ts';
import { TAG } from '../der/tags.ts';
import { labeledBignumLines, labeledBufferLines, pssRestrictionLines, PSS_DIGEST_NAMES } from './key-fields.ts';
import { ecPrivateKeyLines } from './private-key-ec.ts';
import { fieldLines, headedLines, renderLines, type TextLine } from './lines.ts';
import { DH_KEY_AGREEMENT, DH_PUBLIC_NUMBER, dhPrivateKeyLines, readDhParameters } from './dh-key.ts';

export type PrivateKeyEncoding = 'pkcs8' | 'pkcs1-rsa' | 'sec1-ec' | 'openssl-dsa';

const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  mgf1: '1.2.840.113549.1.1.8',
  dsa: '1.2.840.10040.4.1',
  ecPublicKey: '1.2.840.10045.2.1',
  x25519: '1.3.101.110',
  x448: '1.3.101.111',
  ed25519: '1.3.101.112',
  ed448: '1.3.101.113',
} as const;

/** Exactly what `openssl pkey -noout -text` prints for this private key, ending in a newline. */
export function printPrivateKeyText(der: DerInput, encoding: PrivateKeyEncoding): string {
  return renderLines(printPrivateKeyLines(der, encoding));
}

/** The same as records: each line says which key field it shows. */
export function printPrivateKeyLines(der: DerInput, encoding: PrivateKeyEncoding): TextLine[] {
  switch (encoding) {
    case 'pkcs8':
      return pkcs8Lines(asNode(der, 'PKCS#8 private key'));
    case 'pkcs1-rsa':
      return rsaLines(asNode(der, 'RSA private key'), null);
    case 'sec1-ec':
      return ecPrivateKeyLines(asNode(der, 'EC private key'), undefined);
    case 'openssl-dsa':
      return traditionalDsaLines(asNode(der, 'DSA private key'));
  }
}

function pkcs8Lines(info: DerNode): TextLine[] {
  expectUniversal(info, TAG.SEQUENCE, 'PKCS#8 PrivateKeyInfo');
  const version = integerValue(child(info, 0, 'PKCS#8 version'), 'PKCS#8 version');
  if (version !== 0n && version !== 1n) throw new CertbenchError('print.pkcs8Version', { version }, placeOf(info.children[0]!));
  const algorithm = expectUniversal(child(info, 1, 'PKCS#8 algorithm'), TAG.SEQUENCE, 'PKCS#8 algorithm');
  const oid = oidValue(child(algorithm, 0, 'PKCS#8 algorithm OID'), 'PKCS#8 algorithm OID');
  const params = algorithm.children[1];
  const keyOctets = expectUniversal(child(info, 2, 'PKCS#8 private key'), TAG.OCTET_STRING, 'PKCS#8 private key').content;
  const inner = (): DerNode => parseDer(keyOctets, 'the key inside PKCS#8');

  switch (oid) {
    case OID.rsaEncryption:
      return rsaLines(inner(), null);
    case OID.rsassaPss:
      return rsaLines(inner(), params ?? 'unrestricted');
    case OID.dsa:
      return pkcs8DsaLines(inner(), params);
    case DH_KEY_AGREEMENT:
    case DH_PUBLIC_NUMBER:
      return headedLines('key.privateHeader', dhPrivateKeyLines(readDhParameters(params, oid === DH_PUBLIC_NUMBER), dhPrivateValue(inner())));
    case OID.ecPublicKey:
      return ecPrivateKeyLines(inner(), params);
    case OID.x25519:
      return curveKeyLines('X25519', 32, inner(), x25519.getPublicKey);
    case OID.x448:
      return curveKeyLines('X448', 56, inner(), x448.getPublicKey);
    case OID.ed25519:
      return curveKeyLines('ED25519', 32, inner(), ed25519.getPublicKey);
    case OID.ed448:
      return curveKeyLines('ED448', 57, inner(), ed448.getPublicKey);
    default:
      throw new CertbenchError('print.keyAlgorithmNoText', { oid });
  }
}

// ---- RSA ----

function rsaLines(key: DerNode, pss: DerNode | 'unrestricted' | null): TextLine[] {
  expectUniversal(key, TAG.SEQUENCE, 'RSAPrivateKey');
  const field = (i: number, name: string): bigint => integerValue(child(key, i, `RSA ${name}`), `RSA ${name}`);
  const version = field(0, 'version');
  if (version !== 0n && version !== 1n) throw new CertbenchError('print.rsaVersion', { version }, placeOf(key.children[0]!));
  const [n, e, d, p, q, dp, dq, qinv] = [
    field(1, 'modulus'),
    field(2, 'publicExponent'),
    field(3, 'privateExponent'),
    field(4, 'prime1'),
    field(5, 'prime2'),
    field(6, 'exponent1'),
    field(7, 'exponent2'),
    field(8, 'coefficient'),
  ];
  const primes = [p, q];
  const exponents = [dp, dq];
  const coefficients = [qinv];
  const others = key.children[9];
  if (isUniversal(others, TAG.SEQUENCE)) {
    for (const info of others.children) {
      primes.push(integerValue(child(info, 0, 'RSA other prime'), 'RSA other prime'));
      exponents.push(integerValue(child(info, 1, 'RSA other exponent'), 'RSA other exponent'));
      coefficients.push(integerValue(child(info, 2, 'RSA other coefficient'), 'RSA other coefficient'));
    }
  }
  const bits = n <= 0n ? 0 : n.toString(2).length;
  const primeLines = (label: string, v: bigint) => fieldLines('key.rsa.primes', labeledBignumLines(label, v));
  const crtLines = (label: string, v: bigint) => fieldLines('key.rsa.crtValues', labeledBignumLines(label, v));
  const lines: TextLine[] = [
    { text: `Private-Key: (${bits} bit, ${primes.length} primes)`, field: 'key.privateHeader' },
    ...fieldLines('key.rsa.modulus', labeledBignumLines('modulus:', n)),
    ...fieldLines('key.rsa.publicExponent', labeledBignumLines('publicExponent:', e)),
    ...fieldLines('key.rsa.privateExponent', labeledBignumLines('privateExponent:', d)),
  ];
  // OpenSSL prints the two-prime fields first, then each further prime with its exponent and coefficient.
  lines.push(...primeLines('prime1:', primes[0]!), ...primeLines('prime2:', primes[1]!));
  lines.push(...crtLines('exponent1:', exponents[0]!), ...crtLines('exponent2:', exponents[1]!));
  lines.push(...crtLines('coefficient:', coefficients[0]!));
  for (let i = 2; i < primes.length; i++) {
    lines.push(...primeLines(`prime${i + 1}:`, primes[i]!));
    lines.push(...crtLines(`exponent${i + 1}:`, exponents[i]!));
    lines.push(...crtLines(`coefficient${i + 1}:`, coefficients[i - 1]!));
  }
  if (pss === 'unrestricted') lines.push({ text: 'No PSS parameter restrictions', field: 'key.rsaPss.restrictions' });
  else if (pss) lines.push(...fieldLines('key.rsaPss.restrictions', pssRestrictionsOf(pss)));
  return lines;
}

/** The digest named by an AlgorithmIdentifier; absent means SHA-1, the RFC 8017 default. */
function digestName(algorithmId: DerNode | undefined, what: string): string {
  if (!algorithmId) return 'SHA1';
  const oid = oidValue(child(algorithmId, 0, what), what);
  const name = PSS_DIGEST_NAMES[oid];
  if (!name) throw new CertbenchError('print.pssRestricts', { what, oid });
  return name;
}

function pssRestrictionsOf(params: DerNode): string[] {
  expectUniversal(params, TAG.SEQUENCE, 'RSA-PSS parameters');
  const tagged = (n: number): DerNode | undefined => params.children.find((c) => isContext(c, n))?.children[0];
  const hashName = digestName(tagged(0), 'the hash algorithm');
  const mgf = tagged(1);
  let mgfHash = 'SHA1';
  if (mgf) {
    const mgfOid = oidValue(child(mgf, 0, 'RSA-PSS mask algorithm'), 'RSA-PSS mask algorithm');
    if (mgfOid !== OID.mgf1) throw new CertbenchError('print.pssMaskNotMgf1', { oid: mgfOid });
    mgfHash = digestName(mgf.children[1], 'the MGF1 hash');
  }
  const saltNode = tagged(2);
  const salt = saltNode ? integerValue(saltNode, 'RSA-PSS salt length') : 20n;
  const trailerNode = tagged(3);
  const trailer = trailerNode ? integerValue(trailerNode, 'RSA-PSS trailer field') : 1n;
  return pssRestrictionLines(hashName, mgfHash, salt, trailer);
}

// ---- DH ----

/** The PKCS#8 OCTET STRING of a DH key holds x as an INTEGER. */
function dhPrivateValue(x: DerNode): bigint {
  return integerValue(expectUniversal(x, TAG.INTEGER, 'DH private key'), 'DH private key');
}

// ---- DSA ----

function dsaLines(priv: bigint, pub: bigint, p: bigint, q: bigint, g: bigint): TextLine[] {
  return [
    { text: `Private-Key: (${p.toString(2).length} bit)`, field: 'key.privateHeader' },
    ...fieldLines('key.dsa.priv', labeledBignumLines('priv:', priv)),
    ...fieldLines('key.dsa.pub', labeledBignumLines('pub: ', pub)),
    ...fieldLines('key.dsa.params', [...labeledBignumLines('P:   ', p), ...labeledBignumLines('Q:   ', q), ...labeledBignumLines('G:   ', g)]),
  ];
}

/** OpenSSL's traditional "DSA PRIVATE KEY": SEQUENCE { 0, p, q, g, y, x }. */
function traditionalDsaLines(key: DerNode): TextLine[] {
  expectUniversal(key, TAG.SEQUENCE, 'DSA private key');
  const field = (i: number, name: string): bigint => integerValue(child(key, i, `DSA ${name}`), `DSA ${name}`);
  return dsaLines(field(5, 'x'), field(4, 'y'), field(1, 'p'), field(2, 'q'), field(3, 'g'));
}

/** PKCS#8 DSA: x alone; y = g^x mod p, as OpenSSL computes it on load. */
function pkcs8DsaLines(privateKey: DerNode, params: DerNode | undefined): TextLine[] {
  if (!isUniversal(params, TAG.SEQUENCE)) throw new CertbenchError('print.dsaNoParameters', undefined, placeOf(params ?? privateKey));
  const field = (i: number, name: string): bigint => integerValue(child(params, i, `DSA ${name}`), `DSA ${name}`);
  const [p, q, g] = [field(0, 'p'), field(1, 'q'), field(2, 'g')];
  const x = integerValue(privateKey, 'DSA private key');
  if (p <= 1n) throw new CertbenchError('print.dsaBadPrime', undefined, placeOf(params.children[0]!));
  return dsaLines(x, modPow(g, x, p), p, q, g);
}

// ---- X25519, X448, Ed25519, Ed448 ----

function curveKeyLines(label: string, length: number, privateKey: DerNode, derive: (k: Uint8Array) => Uint8Array): TextLine[] {
  const key = expectUniversal(privateKey, TAG.OCTET_STRING, `${label} private key`).content;
  if (key.length !== length) throw new CertbenchError('print.keyLength', { label, length: key.length, expected: length }, placeOf(privateKey));
  return [
    { text: `${label} Private-Key:`, field: 'key.privateHeader' },
    ...fieldLines('key.ecx.priv', labeledBufferLines('priv:', key)),
    ...fieldLines('key.ecx.pub', labeledBufferLines('pub:', derive(key))),
  ];
}
