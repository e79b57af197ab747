/**
 * Writing a PKCS#12 file as `openssl pkcs12 -export` (OpenSSL 3) does: the certificates in one
 * encrypted SafeContents, the key in a shrouded key bag in a plain one, a MAC over both, and the
 * certificate and its key tied by a localKeyID (the SHA-1 of the certificate) and a friendly name.
 * Default: PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC, 2048 iterations) and a SHA-256 MAC.
 * Legacy: pbeWithSHAAnd3-KeyTripleDES-CBC for key and certificates and a SHA-1 MAC, which old Java
 * (before 8u301) and Windows before Server 2019 read.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import * as asn1js from 'asn1js';
import { toArrayBuffer } from '../bytes.ts';
import { CertbenchError } from '../errors.ts';
import { importPrivateKey } from '../keys/import.ts';
import { encryptPrivateKey } from '../keys/pkcs8-encryption.ts';
import { privateKeyMatchesSpki } from '../keys/spki.ts';
import { parseDer } from '../der/node.ts';
import { child, isContext } from '../der/read.ts';
import { TripleDesCbc } from './des.ts';
import { bmpPassword, HASHES, pkcs12Kdf, type Pkcs12Hash } from './kdf.ts';

interface Pkcs12Input {
  /** The certificate DER. */
  certificate: Uint8Array;
  /** Its private key as PKCS#8 PrivateKeyInfo DER. */
  key: Uint8Array;
  /** CA certificates (DER) to carry along, issuer first. */
  chain?: Uint8Array[];
  /** The alias Java's keytool and Windows show; none when absent. */
  friendlyName?: string;
  passphrase: string;
  /** 3DES and a SHA-1 MAC instead of AES-256 and SHA-256. */
  legacy?: boolean;
}

/** What openssl 3 uses for every PBE and the MAC: PKCS12_DEFAULT_ITER. */
const PKCS12_ITERATIONS = 2048;

const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  pbeSha1TripleDes: '1.2.840.113549.1.12.1.3',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

const oid = (value: string) => new asn1js.ObjectIdentifier({ value });
const octetString = (bytes: Uint8Array) => new asn1js.OctetString({ valueHex: toArrayBuffer(bytes) });
const explicit0 = (inner: asn1js.AsnType) => new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [inner] });
const der = (node: asn1js.AsnType) => new Uint8Array(node.toBER());
const random = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));

/** A friendly name as PKCS#9 has it: a BMPString (UTF-16BE; outside the BMP is refused rather than mangled). */
function bmpString(name: string): asn1js.BmpString {
  if (/[\uD800-\uDFFF]/.test(name)) throw new CertbenchError('pkcs12.friendlyNameOutsideBmp', undefined, 'PKCS#12');
  return new asn1js.BmpString({ value: name });
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function attributes(localKeyId: Uint8Array | undefined, friendlyName: string | undefined): asn1js.Set | undefined {
  const list: asn1js.Sequence[] = [];
  if (friendlyName !== undefined) list.push(new asn1js.Sequence({ value: [oid(OID.friendlyName), new asn1js.Set({ value: [bmpString(friendlyName)] })] }));
  if (localKeyId) list.push(new asn1js.Sequence({ value: [oid(OID.localKeyId), new asn1js.Set({ value: [octetString(localKeyId)] })] }));
  if (!list.length) return undefined;
  // DER orders a SET OF by the members' encodings.
  const encoded = list.map((a) => ({ a, bytes: der(a) }));
  encoded.sort((x, y) => compareBytes(x.bytes, y.bytes));
  return new asn1js.Set({ value: encoded.map((e) => e.a) });
}

function safeBag(bagOid: string, value: asn1js.AsnType, attrs: asn1js.Set | undefined): asn1js.Sequence {
  return new asn1js.Sequence({ value: [oid(bagOid), explicit0(value), ...(attrs ? [attrs] : [])] });
}

function certBag(certificate: Uint8Array, attrs: asn1js.Set | undefined): asn1js.Sequence {
  return safeBag(OID.certBag, new asn1js.Sequence({ value: [oid(OID.x509Certificate), explicit0(octetString(certificate))] }), attrs);
}

/** Legacy PKCS#12 PBE with 3DES: key and IV from the RFC 7292 KDF over the BMPString passphrase. */
function tripleDesEncrypt(plain: Uint8Array, passphrase: string): { algorithm: asn1js.Sequence; ciphertext: Uint8Array } {
  const salt = random(8);
  const password = bmpPassword(passphrase);
  const key = pkcs12Kdf('sha1', password, salt, 1, PKCS12_ITERATIONS, 24);
  const iv = pkcs12Kdf('sha1', password, salt, 2, PKCS12_ITERATIONS, 8);
  const algorithm = new asn1js.Sequence({
    value: [oid(OID.pbeSha1TripleDes), new asn1js.Sequence({ value: [octetString(salt), new asn1js.Integer({ value: PKCS12_ITERATIONS })] })],
  });
  return { algorithm, ciphertext: new TripleDesCbc(key).encrypt(iv, plain) };
}

/**
 * PBES2 as openssl writes it for PKCS#12 (UTF-8 passphrase into PBKDF2). encryptPrivateKey makes
 * exactly that EncryptedPrivateKeyInfo shape — AlgorithmIdentifier and ciphertext — for any bytes.
 */
async function pbes2Encrypt(plain: Uint8Array, passphrase: string): Promise<{ algorithm: asn1js.AsnType; ciphertext: Uint8Array }> {
  const epki = asn1js.fromBER(toArrayBuffer(await encryptPrivateKey(plain, passphrase, { iterations: PKCS12_ITERATIONS })));
  const [algorithm, data] = (epki.result as asn1js.Sequence).valueBlock.value;
  return { algorithm: algorithm!, ciphertext: new Uint8Array((data as asn1js.OctetString).valueBlock.valueHexView) };
}

function subjectPublicKeyInfo(certificate: Uint8Array): Uint8Array {
  const tbs = child(parseDer(certificate, 'certificate'), 0, 'tbsCertificate');
  return child(tbs, (isContext(tbs.children[0], 0) ? 1 : 0) + 5, 'subjectPublicKeyInfo').der;
}

export async function writePkcs12(input: Pkcs12Input): Promise<Uint8Array> {
  const { certificate, key, chain = [], friendlyName, passphrase, legacy = false } = input;
  if (!passphrase) throw new CertbenchError('pkcs12.passphraseNeeded', undefined, 'PKCS#12');
  const imported = await importPrivateKey(key);
  if (!(await privateKeyMatchesSpki(imported.keyPair.privateKey, subjectPublicKeyInfo(certificate)))) {
    throw new CertbenchError('pkcs12.keyMismatch', undefined, 'PKCS#12');
  }
  const localKeyId = sha1(certificate);
  const encrypt = legacy ? async (b: Uint8Array) => tripleDesEncrypt(b, passphrase) : (b: Uint8Array) => pbes2Encrypt(b, passphrase);

  const certs = new asn1js.Sequence({ value: [certBag(certificate, attributes(localKeyId, friendlyName)), ...chain.map((c) => certBag(c, undefined))] });
  const encryptedCerts = await encrypt(der(certs));
  const certsInfo = new asn1js.Sequence({
    value: [
      oid(OID.encryptedData),
      explicit0(
        new asn1js.Sequence({
          value: [
            new asn1js.Integer({ value: 0 }),
            new asn1js.Sequence({
              value: [
                oid(OID.data),
                encryptedCerts.algorithm,
                new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: toArrayBuffer(encryptedCerts.ciphertext) }),
              ],
            }),
          ],
        }),
      ),
    ],
  });

  // The key as PKCS#8 without attributes, which is all openssl puts in a shrouded bag.
  const encryptedKey = await encrypt(imported.pkcs8);
  const shrouded = new asn1js.Sequence({ value: [encryptedKey.algorithm, octetString(encryptedKey.ciphertext)] });
  const keys = new asn1js.Sequence({ value: [safeBag(OID.shroudedKeyBag, shrouded, attributes(localKeyId, friendlyName))] });
  const keysInfo = new asn1js.Sequence({ value: [oid(OID.data), explicit0(octetString(der(keys)))] });

  const authSafe = der(new asn1js.Sequence({ value: [certsInfo, keysInfo] }));
  const macHash: Pkcs12Hash = legacy ? 'sha1' : 'sha256';
  const macSalt = random(8);
  const macKey = pkcs12Kdf(macHash, bmpPassword(passphrase), macSalt, 3, PKCS12_ITERATIONS, HASHES[macHash].outputLen);
  const mac = hmac(HASHES[macHash], macKey, authSafe);
  const macData = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [oid(legacy ? OID.sha1 : OID.sha256), new asn1js.Null()] }), octetString(mac)] }),
      octetString(macSalt),
      new asn1js.Integer({ value: PKCS12_ITERATIONS }),
    ],
  });
  return der(
    new asn1js.Sequence({ value: [new asn1js.Integer({ value: 3 }), new asn1js.Sequence({ value: [oid(OID.data), explicit0(octetString(authSafe))] }), macData] }),
  );
}
