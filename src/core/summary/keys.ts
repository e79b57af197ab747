/** The summaries of keys given alone and of PKCS#7 bundles. */
import * as asn1js from 'asn1js';
import { toArrayBuffer } from '../bytes.ts';
import { parseDer } from '../der/node.ts';
import { expectUniversal, isContext, isUniversal, unsignedBigInt } from '../der/read.ts';
import { TAG } from '../der/tags.ts';
import { describeSpki } from '../asn1/key-info.ts';
import { pin } from './digests.ts';
import type { Summary } from './types.ts';
import { msg } from '../errors.ts';
import { setTitle } from './title.ts';

export async function summarizeRsaPublicKey(der: Uint8Array, s: Summary): Promise<void> {
  const spki = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.1.1' }), new asn1js.Null()] }),
      new asn1js.BitString({ valueHex: toArrayBuffer(der) }),
    ],
  });
  const spkiDer = new Uint8Array(spki.toBER());
  s.key = describeSpki(spkiDer);
  s.spkiSha256 = await pin(spkiDer);
  setTitle(s, msg('summary.publicKeyOf', { key: s.key.description }));
}

/** OpenSSL's traditional DSA private key: SEQUENCE { version, p, q, g, pub, priv }. */
export function summarizeDsaPrivateKey(der: Uint8Array, s: Summary): void {
  const p = parseDer(der, 'DSA private key').children[1];
  if (isUniversal(p, TAG.INTEGER)) {
    const bits = unsignedBigInt(p.content).toString(2).replace(/^0$/, '').length;
    s.key = { algorithm: 'DSA', bits, description: `DSA ${bits} bit` };
    setTitle(s, msg('summary.privateKeyOf', { key: s.key.description }));
  }
}

/** ContentInfo { contentType, [0] SignedData { version, digestAlgorithms, encapContentInfo, [0] IMPLICIT certificates OPTIONAL, … } }. */
export function summarizePkcs7(der: Uint8Array, s: Summary): void {
  const content = parseDer(der, 'PKCS#7').children[1];
  const signed = expectUniversal(isContext(content, 0) ? content.children[0] : undefined, TAG.SEQUENCE, 'PKCS#7 SignedData');
  s.certificateCount = signed.children.slice(3).find((f) => isContext(f, 0))?.children.length ?? 0;
  setTitle(s, msg(s.certificateCount === 1 ? 'summary.bundleOne' : 'summary.bundleMany', { count: s.certificateCount }));
}
