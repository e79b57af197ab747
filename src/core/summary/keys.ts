/** The summaries of keys given alone and of PKCS#7 bundles. */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer, toHex } from '../bytes.ts';
import { childrenOf, parseAsn1 } from '../cert/asn1-blocks.ts';
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
  const p = childrenOf(parseAsn1(der))[1];
  if (p instanceof asn1js.Integer) {
    const hex = toHex(p.valueBlock.valueHexView).replace(/^0+/, '');
    const bits = hex ? (hex.length - 1) * 4 + parseInt(hex[0]!, 16).toString(2).length : 0;
    s.key = { algorithm: 'DSA', bits, description: `DSA ${bits} bit` };
    setTitle(s, msg('summary.privateKeyOf', { key: s.key.description }));
  }
}

export function summarizePkcs7(der: Uint8Array, s: Summary): void {
  const content = new pkijs.ContentInfo({ schema: parseAsn1(der) });
  const signed = new pkijs.SignedData({ schema: content.content });
  s.certificateCount = signed.certificates?.length ?? 0;
  setTitle(s, msg(s.certificateCount === 1 ? 'summary.bundleOne' : 'summary.bundleMany', { count: s.certificateCount }));
}
