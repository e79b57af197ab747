/**
 * Passphrase protection of PKCS#8 keys (RFC 8018 PBES2 inside an RFC 5958 EncryptedPrivateKeyInfo),
 * on WebCrypto alone. Built and read with asn1js rather than pkijs' PKCS8ShroudedKeyBag because
 * pkijs writes the ciphertext as a constructed (BER) OCTET STRING and cannot read PBES1.
 */
import * as asn1js from 'asn1js';
import { concatBytes, toArrayBuffer } from '../bytes.ts';
import { CertbenchError, msg, type CoreMessage } from '../errors.ts';
import { oidLongName } from '../oids.ts';

const OID_PBES2 = '1.2.840.113549.1.5.13';
const OID_PBKDF2 = '1.2.840.113549.1.5.12';

/**
 * PBKDF2 PRFs by OID → WebCrypto hash name. Absent PRF means hmacWithSHA1 (RFC 8018 A.2).
 * hmacWithSHA224 (1.2.840.113549.2.8) is absent: WebCrypto has no SHA-224, and certbench
 * does not carry its own hash code.
 */
const PRF_HASH: Record<string, string> = {
  '1.2.840.113549.2.7': 'SHA-1',
  '1.2.840.113549.2.9': 'SHA-256',
  '1.2.840.113549.2.10': 'SHA-384',
  '1.2.840.113549.2.11': 'SHA-512',
};
const HASH_PRF_OID: Record<string, string> = {
  'SHA-1': '1.2.840.113549.2.7',
  'SHA-256': '1.2.840.113549.2.9',
  'SHA-384': '1.2.840.113549.2.10',
  'SHA-512': '1.2.840.113549.2.11',
};

/** AES-CBC ciphers by OID → key length in bytes. */
const AES_CBC_KEY_BYTES: Record<string, number> = {
  '2.16.840.1.101.3.4.1.2': 16,
  '2.16.840.1.101.3.4.1.22': 24,
  '2.16.840.1.101.3.4.1.42': 32,
};
const AES_CBC_OID_BY_BITS: Record<number, string> = {
  128: '2.16.840.1.101.3.4.1.2',
  192: '2.16.840.1.101.3.4.1.22',
  256: '2.16.840.1.101.3.4.1.42',
};

const REENCRYPT_HINT = msg('keys.reencryptHint');
const WHERE = msg('where.encryptedPrivateKey');

/** The default for new keys: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;

export interface Pkcs8EncryptionOptions {
  iterations?: number;
  prf?: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';
  aesBits?: 128 | 192 | 256;
}

function fail(message: CoreMessage): never {
  throw CertbenchError.of(message, WHERE);
}

function schemeName(oid: string): string {
  const name = oidLongName(oid);
  return name ? `${name} (${oid})` : oid;
}

function unsupported(oid: string): never {
  fail(msg('keys.unsupportedScheme', { scheme: schemeName(oid), hint: REENCRYPT_HINT }));
}

function octets(node: asn1js.AsnType | undefined, what: string): Uint8Array {
  if (!(node instanceof asn1js.OctetString)) fail(msg('keys.notOctetString', { what }));
  // A constructed (BER) OCTET STRING keeps its pieces in valueBlock.value.
  if (node.valueBlock.isConstructed) {
    return concatBytes(...(node.valueBlock.value as asn1js.OctetString[]).map((p) => octets(p, what)));
  }
  return new Uint8Array(node.valueBlock.valueHexView);
}

function oidOf(node: asn1js.AsnType | undefined, what: string): string {
  if (!(node instanceof asn1js.ObjectIdentifier)) fail(msg('keys.notOid', { what }));
  return node.valueBlock.toString();
}

function seq(node: asn1js.AsnType | undefined, what: string): asn1js.AsnType[] {
  if (!(node instanceof asn1js.Sequence)) fail(msg('keys.notSequence', { what }));
  return node.valueBlock.value;
}

function smallInt(node: asn1js.AsnType | undefined, what: string): number {
  if (!(node instanceof asn1js.Integer)) fail(msg('keys.notInteger', { what }));
  const n = node.valueBlock.valueDec;
  if (!Number.isSafeInteger(n) || n < 1) fail(msg('keys.outOfRange', { what }));
  return n;
}

interface Pbes2Params {
  salt: Uint8Array;
  iterations: number;
  keyBytes: number;
  hash: string;
  iv: Uint8Array;
}

function readPbes2(params: asn1js.AsnType | undefined): Pbes2Params {
  const [kdf, enc] = seq(params, 'PBES2 parameters');
  const [kdfOidNode, kdfParams] = seq(kdf, 'PBES2 key derivation');
  const kdfOid = oidOf(kdfOidNode, 'PBES2 key derivation');
  if (kdfOid !== OID_PBKDF2) fail(msg('keys.unsupportedKdf', { kdf: schemeName(kdfOid), hint: REENCRYPT_HINT }));
  const kp = seq(kdfParams, 'PBKDF2 parameters');
  if (!(kp[0] instanceof asn1js.OctetString)) fail(msg('keys.saltSource', { hint: REENCRYPT_HINT }));
  const salt = octets(kp[0], 'PBKDF2 salt');
  const iterations = smallInt(kp[1], 'PBKDF2 iteration count');
  let rest = kp.slice(2);
  let keyLength: number | undefined;
  if (rest[0] instanceof asn1js.Integer) {
    keyLength = smallInt(rest[0], 'PBKDF2 key length');
    rest = rest.slice(1);
  }
  let hash = 'SHA-1';
  if (rest[0]) {
    const prfOid = oidOf(seq(rest[0], 'PBKDF2 PRF')[0], 'PBKDF2 PRF');
    hash = PRF_HASH[prfOid] ?? fail(msg('keys.prfUnavailable', { prf: schemeName(prfOid), hint: REENCRYPT_HINT }));
  }
  const [encOidNode, ivNode] = seq(enc, 'PBES2 encryption scheme');
  const encOid = oidOf(encOidNode, 'PBES2 encryption scheme');
  const keyBytes = AES_CBC_KEY_BYTES[encOid] ?? unsupported(encOid);
  if (keyLength !== undefined && keyLength !== keyBytes) fail(msg('keys.keyLengthMismatch', { length: keyLength, scheme: schemeName(encOid) }));
  const iv = octets(ivNode, 'AES-CBC IV');
  if (iv.length !== 16) fail(msg('keys.ivLength', { length: iv.length }));
  return { salt, iterations, keyBytes, hash, iv };
}

async function deriveAesKey(
  subtle: SubtleCrypto,
  passphrase: string,
  p: { salt: Uint8Array; iterations: number; hash: string; keyBytes: number },
  usage: KeyUsage,
): Promise<CryptoKey> {
  const pass = await subtle.importKey('raw', toArrayBuffer(new TextEncoder().encode(passphrase)), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', salt: toArrayBuffer(p.salt), iterations: p.iterations, hash: p.hash }, pass, p.keyBytes * 8);
  try {
    return await subtle.importKey('raw', bits, 'AES-CBC', false, [usage]);
  } catch {
    // Chromium has no AES-192.
    return fail(msg('keys.aesUnavailable', { bits: p.keyBytes * 8, hint: REENCRYPT_HINT }));
  }
}

/** True when the bytes start like a PKCS#8 PrivateKeyInfo: SEQUENCE { INTEGER 0|1, SEQUENCE { OID … }, OCTET STRING … }. */
function looksLikePkcs8(der: Uint8Array): boolean {
  const parsed = asn1js.fromBER(toArrayBuffer(der));
  if (parsed.offset !== der.length || !(parsed.result instanceof asn1js.Sequence)) return false;
  const [version, alg, key] = parsed.result.valueBlock.value;
  return (
    version instanceof asn1js.Integer &&
    (version.valueBlock.valueDec === 0 || version.valueBlock.valueDec === 1) &&
    alg instanceof asn1js.Sequence &&
    alg.valueBlock.value[0] instanceof asn1js.ObjectIdentifier &&
    key instanceof asn1js.OctetString
  );
}

/**
 * EncryptedPrivateKeyInfo DER → PKCS#8 PrivateKeyInfo DER. Supports PBES2 with PBKDF2
 * (HMAC-SHA1/224/256/384/512) and AES-128/192/256-CBC; names any other scheme.
 */
export async function decryptPrivateKey(
  der: Uint8Array,
  passphrase: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Uint8Array> {
  const parsed = asn1js.fromBER(toArrayBuffer(der));
  if (parsed.offset === -1) fail(msg('keys.notDer', { reason: parsed.result.error }));
  const [algId, data] = seq(parsed.result, 'EncryptedPrivateKeyInfo');
  const [algOidNode, params] = seq(algId, 'encryption algorithm');
  const algOid = oidOf(algOidNode, 'encryption algorithm');
  if (algOid !== OID_PBES2) unsupported(algOid);
  const p = readPbes2(params);
  const ciphertext = octets(data, 'encrypted data');
  const key = await deriveAesKey(subtle, passphrase, p, 'decrypt');
  let plain: Uint8Array;
  try {
    plain = new Uint8Array(await subtle.decrypt({ name: 'AES-CBC', iv: toArrayBuffer(p.iv) }, key, toArrayBuffer(ciphertext)));
  } catch {
    fail(msg('input.wrongPassphrase'));
  }
  // One wrong passphrase in ~256 still leaves valid padding: the plaintext must also parse.
  if (!looksLikePkcs8(plain)) fail(msg('input.wrongPassphrase'));
  return plain;
}

/**
 * PKCS#8 PrivateKeyInfo DER → EncryptedPrivateKeyInfo DER (PBES2, PBKDF2-HMAC-SHA256 with
 * 600,000 iterations and AES-256-CBC unless told otherwise), as `openssl pkcs8 -topk8 -v2 aes-256-cbc`
 * would write it, so `openssl pkey -passin` opens it.
 */
export async function encryptPrivateKey(
  pkcs8: Uint8Array,
  passphrase: string,
  options: Pkcs8EncryptionOptions = {},
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Uint8Array> {
  if (!passphrase) throw new CertbenchError('keys.emptyPassphrase');
  const iterations = options.iterations ?? DEFAULT_PBKDF2_ITERATIONS;
  const hash = options.prf ?? 'SHA-256';
  const aesBits = options.aesBits ?? 256;
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveAesKey(subtle, passphrase, { salt, iterations, hash, keyBytes: aesBits / 8 }, 'encrypt');
  const ciphertext = await subtle.encrypt({ name: 'AES-CBC', iv: toArrayBuffer(iv) }, key, toArrayBuffer(pkcs8));
  const prf = hash === 'SHA-1' ? [] : [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: HASH_PRF_OID[hash]! }), new asn1js.Null()] })];
  const info = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new asn1js.ObjectIdentifier({ value: OID_PBES2 }),
          new asn1js.Sequence({
            value: [
              new asn1js.Sequence({
                value: [
                  new asn1js.ObjectIdentifier({ value: OID_PBKDF2 }),
                  new asn1js.Sequence({
                    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(salt) }), new asn1js.Integer({ value: iterations }), ...prf],
                  }),
                ],
              }),
              new asn1js.Sequence({
                value: [new asn1js.ObjectIdentifier({ value: AES_CBC_OID_BY_BITS[aesBits]! }), new asn1js.OctetString({ valueHex: toArrayBuffer(iv) })],
              }),
            ],
          }),
        ],
      }),
      new asn1js.OctetString({ valueHex: ciphertext }),
    ],
  });
  return new Uint8Array(info.toBER());
}

/**
 * Any PBES2 ciphertext (a PKCS#12 EncryptedData's content, not only a key) → plaintext, from the
 * AlgorithmIdentifier's parameters as DER; undefined when the padding shows a wrong passphrase.
 * Also how `openssl pkcs12 -info` names the scheme: "PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256".
 */
export async function decryptPbes2(
  paramsDer: Uint8Array,
  ciphertext: Uint8Array,
  passphrase: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<{ plain: Uint8Array | undefined; description: string }> {
  const parsed = asn1js.fromBER(toArrayBuffer(paramsDer));
  if (parsed.offset === -1) fail(msg('keys.pbes2NotDer', { reason: parsed.result.error }));
  const p = readPbes2(parsed.result);
  const description = `PBES2, PBKDF2, AES-${p.keyBytes * 8}-CBC, Iteration ${p.iterations}, PRF hmacWith${p.hash.replace('-', '')}`;
  const key = await deriveAesKey(subtle, passphrase, p, 'decrypt');
  try {
    return { plain: new Uint8Array(await subtle.decrypt({ name: 'AES-CBC', iv: toArrayBuffer(p.iv) }, key, toArrayBuffer(ciphertext))), description };
  } catch {
    return { plain: undefined, description };
  }
}
