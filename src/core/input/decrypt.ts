import type { FoundObject } from '../types.ts';
import { toHex } from '../bytes.ts';
import { CertbenchError, msg, wherePath, type CoreMessage } from '../errors.ts';
import { readPkcs12, type Pkcs12Bag } from '../pkcs12/read.ts';
import { printPkcs12 } from '../pkcs12/print.ts';
import { visibleText } from '../text/visible.ts';
import { decryptPrivateKey } from '../keys/pkcs8-encryption.ts';
import { parseDer } from '../der/node.ts';
import { classifyDer } from './der-kind.ts';

/**
 * The plain key inside an encrypted one found by detectInput. PBES2 PKCS#8 is opened with
 * WebCrypto. Legacy `Proc-Type: 4,ENCRYPTED` PEM needs MD5-based key derivation (and often 3DES),
 * which WebCrypto lacks, so it gets a message saying how to convert it.
 */
export async function decryptFoundKey(obj: FoundObject, passphrase: string): Promise<FoundObject> {
  if (obj.kind === 'legacy-encrypted-key') throw CertbenchError.of(legacyPemMessage(obj), obj.origin);
  if (obj.kind !== 'encrypted-private-key') return obj;
  const plain = await decryptPrivateKey(obj.der, passphrase).catch((e: unknown) => {
    throw CertbenchError.wrap(e, obj.origin);
  });
  return { kind: 'private-key', der: plain, origin: obj.origin, ...(obj.originSaid ? { originSaid: obj.originSaid } : {}) };
}

export function legacyPemMessage(obj: FoundObject): CoreMessage {
  const cipher = (obj.pemHeaders?.['DEK-Info'] ?? '').split(',')[0];
  return msg('input.legacyPem', { cipher: cipher || msg('input.unknownCipher') });
}

/** Classifies decrypted traditional-key DER, checking it is the key its PEM label promised. */
export function classifyDecryptedKey(der: Uint8Array, obj: FoundObject): FoundObject {
  const wrong = () => new CertbenchError('input.wrongPassphrase', undefined, obj.origin);
  let parsed;
  try {
    parsed = parseDer(der);
  } catch {
    throw wrong();
  }
  const kind = classifyDer(parsed).kind;
  if (!kind || !/private-key$/.test(kind) || kind === 'encrypted-private-key') throw wrong();
  return { kind, der: parsed.der.slice(), origin: obj.origin, ...(obj.originSaid ? { originSaid: obj.originSaid } : {}), pemLabel: obj.pemLabel };
}

/** One bag of an opened PKCS#12 file, with the two attributes that tie a key to its certificate. */
export interface OpenedBag {
  kind: Pkcs12Bag['kind'];
  friendlyName?: string;
  /** The localKeyID as openssl prints it: hex bytes, upper case, space-separated. */
  localKeyId?: string;
  /** The certificate or the PKCS#8 key inside, ready to decode like any other object. */
  object?: FoundObject;
}

interface OpenedPkcs12 {
  /** What `openssl pkcs12 -info -nodes` writes to stdout, as text (see printPkcs12 for its bytes). */
  text: string;
  /** What it writes to stderr: the MAC, each SafeContents' encryption, each bag's kind. */
  info: string[];
  bags: OpenedBag[];
}

const FRIENDLY_NAME = '1.2.840.113549.1.9.20';
const LOCAL_KEY_ID = '1.2.840.113549.1.9.21';

/**
 * A PKCS#12 file found by detectInput, opened with its passphrase: every bag with its friendly name
 * and localKeyID, the certificates and keys as objects of their own, each named after its bag.
 */
export async function openPkcs12(obj: FoundObject, passphrase: string): Promise<OpenedPkcs12> {
  if (obj.kind !== 'pkcs12') throw new CertbenchError('input.notPkcs12', { kind: msg(`kind.${obj.kind}`) }, obj.origin);
  const contents = await readPkcs12(obj.der, passphrase).catch((e: unknown) => {
    throw CertbenchError.wrap(e, obj.origin);
  });
  const bags = contents.bags
    .filter((b) => !b.info.startsWith('Safe Contents'))
    .map((bag, i): OpenedBag => {
      const value = (oid: string) => bag.attributes?.find((a) => a.oid === oid)?.values[0];
      const name = value(FRIENDLY_NAME);
      const keyId = value(LOCAL_KEY_ID);
      // Shown outside the OpenSSL text: invisible and bidi characters become escapes, as in summaries.
      const friendlyName = name ? visibleText(attributeText(name.tag, name.content)) : undefined;
      const localKeyId = keyId ? toHex(keyId.content, ' ').toUpperCase() : undefined;
      const label = [friendlyName !== undefined ? `"${friendlyName}"` : undefined, localKeyId ? `localKeyID ${localKeyId}` : undefined].filter(Boolean).join(', ');
      const origin = `${obj.origin} › bag ${i + 1}${label ? ` (${label})` : ''}`;
      const bagPlace = label ? msg('place.bagLabelled', { index: i + 1, label }) : msg('place.bag', { index: i + 1 });
      const originSaid = [...(obj.originSaid ? wherePath(obj.originSaid) : [obj.origin]), bagPlace];
      const kind = bag.kind === 'certificate' ? 'certificate' : bag.kind === 'private-key' ? 'private-key' : undefined;
      return { kind: bag.kind, friendlyName, localKeyId, object: kind && bag.der ? { kind, der: bag.der, origin, originSaid } : undefined };
    });
  return { text: new TextDecoder().decode(printPkcs12(contents)), info: contents.info, bags };
}

const BMP_STRING = 30;

/** A friendly name as its writer meant it (a BMPString is UTF-16BE; openssl prints only its low bytes). */
function attributeText(tag: number, content: Uint8Array): string {
  const text =
    tag === BMP_STRING ? String.fromCharCode(...Array.from({ length: content.length >> 1 }, (_, i) => (content[2 * i]! << 8) | content[2 * i + 1]!)) : new TextDecoder().decode(content);
  return text.replace(/\0+$/, '');
}
