/**
 * Reading a PKCS#12 file (RFC 7292) with its passphrase: the MAC checked, every SafeContents opened
 * (plain, PBES2 with WebCrypto, or the legacy PKCS#12 PBE with 3DES or RC2 that older tools and
 * Java 8 write), and every bag returned in file order with its attributes, as
 * `openssl pkcs12 -info -nodes` walks it.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { bytesEqual, concatBytes } from '../bytes.ts';
import { CertbenchError, msg, type CoreMessage } from '../errors.ts';
import { decryptPbes2 } from '../keys/pkcs8-encryption.ts';
import { oidLongName } from '../oids.ts';
import { type DerNode, parseDer } from '../der/node.ts';
import { child, expectUniversal, integerValue, isContext, isUniversal, oidValue } from '../der/read.ts';
import { TAG } from '../der/tags.ts';
import { TripleDesCbc } from './des.ts';
import { bmpPassword, HASH_BY_OID, HASHES, pkcs12Kdf } from './kdf.ts';
import { rc2CbcDecrypt } from './rc2.ts';

const DATA = '1.2.840.113549.1.7.1';
const ENCRYPTED_DATA = '1.2.840.113549.1.7.6';
const PBES2 = '1.2.840.113549.1.5.13';
const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
  crl: '1.2.840.113549.1.12.10.1.4',
  secret: '1.2.840.113549.1.12.10.1.5',
  safeContents: '1.2.840.113549.1.12.10.1.6',
} as const;
const X509_CERTIFICATE = '1.2.840.113549.1.9.22.1';
/** Legacy PKCS#12 PBE (RFC 7292 appendix C): key length in bytes and the cipher. */
const LEGACY_PBE: Record<string, { keyBytes: number; cipher: 'des-ede3' | 'rc2'; rc2Bits?: number }> = {
  '1.2.840.113549.1.12.1.3': { keyBytes: 24, cipher: 'des-ede3' },
  '1.2.840.113549.1.12.1.5': { keyBytes: 16, cipher: 'rc2', rc2Bits: 128 },
  '1.2.840.113549.1.12.1.6': { keyBytes: 5, cipher: 'rc2', rc2Bits: 40 },
};

export interface Pkcs12Attribute {
  oid: string;
  /** Each value's encoding (tag and content), printed by the caller as openssl does. */
  values: DerNode[];
}

export interface Pkcs12Bag {
  kind: 'certificate' | 'private-key' | 'crl' | 'secret' | 'other';
  /** 'Certificate bag', 'Key bag', 'Shrouded Keybag: …' as openssl -info says it. */
  info: string;
  attributes: Pkcs12Attribute[] | undefined;
  /** The certificate DER or the PKCS#8 PrivateKeyInfo DER. */
  der?: Uint8Array;
  bagOid: string;
}

export interface Pkcs12Contents {
  /** openssl -info's lines about the MAC and each SafeContents (its stderr), bag lines among them. */
  info: string[];
  /** The bags in file order, each followed in `info` by its line. */
  bags: Pkcs12Bag[];
}

const fail = (message: CoreMessage): never => {
  throw CertbenchError.of(message, 'PKCS#12');
};

/** An OCTET STRING's bytes, also when BER splits it into a constructed string of pieces (Windows and Java do). */
function octets(node: DerNode, what: string): Uint8Array {
  if (node.constructed) return concatBytes(...node.children.map((c) => octets(c, what)));
  return node.content;
}

/** True when DER looks like a PFX: SEQUENCE { INTEGER 3, SEQUENCE { OID pkcs7-data, … } … }. */
export function isPkcs12(root: DerNode): boolean {
  const [version, authSafe] = root.children;
  try {
    return isUniversal(version, TAG.INTEGER) && integerValue(version, 'version') === 3n && isUniversal(authSafe, TAG.SEQUENCE) && oidValue(child(authSafe, 0, 'type'), 'type') === DATA;
  } catch {
    return false;
  }
}

interface Secret {
  utf8: string;
  /** The BMPString form that verified the MAC (null password vs empty string matter for no-password files). */
  bmp: Uint8Array;
}

function legacyDecrypt(oid: string, params: DerNode, data: Uint8Array, secret: Secret): { plain: Uint8Array | undefined; description: string } {
  const scheme = LEGACY_PBE[oid] ?? fail(msg('pkcs12.unsupportedEncryption', { algorithm: oidLongName(oid) ?? oid }));
  const salt = octets(child(params, 0, 'PBE salt'), 'PBE salt');
  const iterations = Number(integerValue(child(params, 1, 'PBE iterations'), 'PBE iterations'));
  const description = `${oidLongName(oid) ?? oid}, Iteration ${iterations}`;
  const key = pkcs12Kdf('sha1', secret.bmp, salt, 1, iterations, scheme.keyBytes);
  const iv = pkcs12Kdf('sha1', secret.bmp, salt, 2, iterations, 8);
  const plain = scheme.cipher === 'des-ede3' ? new TripleDesCbc(key).decrypt(iv, data) : rc2CbcDecrypt(key, scheme.rc2Bits!, iv, data);
  return { plain, description };
}

/** The AlgorithmIdentifier and ciphertext of an EncryptedContentInfo or EncryptedPrivateKeyInfo, decrypted. */
async function decrypt(algorithm: DerNode, data: Uint8Array, secret: Secret): Promise<{ plain: Uint8Array | undefined; description: string }> {
  const oid = oidValue(child(algorithm, 0, 'encryption algorithm'), 'encryption algorithm');
  const params = child(algorithm, 1, 'encryption parameters');
  if (oid === PBES2) return decryptPbes2(params.der, data, secret.utf8);
  return legacyDecrypt(oid, params, data, secret);
}

function attributesOf(node: DerNode | undefined): Pkcs12Attribute[] | undefined {
  if (!node) return undefined;
  return node.children.map((a) => ({ oid: oidValue(child(a, 0, 'attribute type'), 'attribute type'), values: child(a, 1, 'attribute values').children }));
}

async function readBags(safeContents: Uint8Array, secret: Secret, out: Pkcs12Contents, where: string): Promise<void> {
  const seq = expectUniversal(parseDer(safeContents, `${where} SafeContents`), TAG.SEQUENCE, `${where} SafeContents`);
  const add = (bag: Pkcs12Bag) => {
    out.bags.push(bag);
    out.info.push(bag.info);
  };
  for (const [i, bagNode] of seq.children.entries()) {
    const what = `${where} bag ${i + 1}`;
    const bagOid = oidValue(child(bagNode, 0, `${what} type`), `${what} type`);
    const value = child(child(bagNode, 1, `${what} value`), 0, `${what} value`);
    const attributes = attributesOf(bagNode.children[2]);
    if (bagOid === BAG.cert) {
      const certType = oidValue(child(value, 0, `${what} certificate type`), `${what} certificate type`);
      const der = certType === X509_CERTIFICATE ? octets(child(child(value, 1, `${what} certificate`), 0, `${what} certificate`), what) : undefined;
      add({ kind: der ? 'certificate' : 'other', info: 'Certificate bag', attributes, der, bagOid });
    } else if (bagOid === BAG.key) {
      add({ kind: 'private-key', info: 'Key bag', attributes, der: value.der, bagOid });
    } else if (bagOid === BAG.shroudedKey) {
      const algorithm = child(value, 0, `${what} encryption`);
      const data = octets(child(value, 1, `${what} encrypted key`), what);
      const r = await decrypt(algorithm, data, secret);
      const der = r.plain ?? fail(msg('pkcs12.keyDoesNotDecrypt', { what }));
      add({ kind: 'private-key', info: `Shrouded Keybag: ${r.description}`, attributes, der, bagOid });
    } else if (bagOid === BAG.safeContents) {
      add({ kind: 'other', info: 'Safe Contents bag', attributes, bagOid });
      await readBags(value.der, secret, out, what);
    } else {
      add({ kind: bagOid === BAG.crl ? 'crl' : bagOid === BAG.secret ? 'secret' : 'other', info: `Warning unsupported bag type: ${oidLongName(bagOid) ?? bagOid}`, attributes, bagOid });
    }
  }
}

/** The MAC's key and digest, checked with each form of the passphrase openssl tries; the form that verified, or undefined. */
function verifyMac(macData: DerNode, authSafe: Uint8Array, passphrase: string, info: string[]): Uint8Array | undefined {
  const digestInfo = child(macData, 0, 'MAC');
  const hashOid = oidValue(child(child(digestInfo, 0, 'MAC algorithm'), 0, 'MAC algorithm'), 'MAC algorithm');
  const hash = HASH_BY_OID[hashOid] ?? fail(msg('pkcs12.macDigestUnsupported', { algorithm: oidLongName(hashOid) ?? hashOid }));
  const expected = octets(child(digestInfo, 1, 'MAC value'), 'MAC value');
  const salt = octets(child(macData, 1, 'MAC salt'), 'MAC salt');
  const iterations = macData.children[2] ? Number(integerValue(macData.children[2], 'MAC iterations')) : 1;
  info.push(`MAC: ${oidLongName(hashOid) ?? hash}, Iteration ${iterations}`, `MAC length: ${expected.length}, salt length: ${salt.length}`);
  // As openssl: an empty passphrase also tries the "no password" form (no bytes at all).
  const forms = passphrase === '' ? [bmpPassword(''), bmpPassword(null)] : [bmpPassword(passphrase)];
  return forms.find((bmp) => {
    const key = pkcs12Kdf(hash, bmp, salt, 3, iterations, HASHES[hash].outputLen);
    return bytesEqual(hmac(HASHES[hash], key, authSafe), expected);
  });
}

/**
 * Everything in a PKCS#12 file. A wrong passphrase and a file changed after it was made are told
 * apart: when the MAC fails but the passphrase decrypts the contents, the file was changed.
 */
export async function readPkcs12(der: Uint8Array, passphrase: string): Promise<Pkcs12Contents> {
  const pfx = expectUniversal(parseDer(der, 'PKCS#12'), TAG.SEQUENCE, 'PKCS#12 PFX');
  if (!isPkcs12(pfx)) fail(msg('pkcs12.notPfx'));
  const authSafeInfo = child(pfx, 1, 'authSafe');
  const authSafe = octets(child(child(authSafeInfo, 1, 'authSafe content'), 0, 'authSafe content'), 'authSafe');
  const out: Pkcs12Contents = { info: [], bags: [] };
  let bmp: Uint8Array | undefined = bmpPassword(passphrase);
  let macFailed = false;
  if (pfx.children[2]) {
    bmp = verifyMac(pfx.children[2], authSafe, passphrase, out.info);
    if (!bmp) {
      macFailed = true;
      bmp = bmpPassword(passphrase);
    }
  }
  const secret: Secret = { utf8: passphrase, bmp };
  try {
    const infos = expectUniversal(parseDer(authSafe, 'AuthenticatedSafe'), TAG.SEQUENCE, 'AuthenticatedSafe');
    for (const [i, ci] of infos.children.entries()) {
      const where = `SafeContents ${i + 1}`;
      const type = oidValue(child(ci, 0, `${where} type`), `${where} type`);
      const content = child(child(ci, 1, `${where} content`), 0, `${where} content`);
      if (type === DATA) {
        out.info.push('PKCS7 Data');
        await readBags(octets(content, where), secret, out, where);
      } else if (type === ENCRYPTED_DATA) {
        const eci = child(content, 1, `${where} EncryptedContentInfo`);
        const algorithm = child(eci, 1, `${where} encryption`);
        const data = eci.children[2] && isContext(eci.children[2], 0) ? octets(eci.children[2], where) : new Uint8Array(0);
        const r = await decrypt(algorithm, data, secret);
        out.info.push(`PKCS7 Encrypted data: ${r.description}`);
        await readBags(r.plain ?? fail(msg('pkcs12.doesNotDecrypt', { where })), secret, out, where);
      } else {
        out.info.push(`Warning unsupported data type: ${oidLongName(type) ?? type}`);
      }
    }
  } catch (e) {
    if (macFailed) fail(msg('pkcs12.wrongPassphrase'));
    throw e;
  }
  if (macFailed) fail(msg('pkcs12.macFailed'));
  return out;
}
