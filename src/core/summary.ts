/**
 * The facts a person looks for first, for each object Inspect shows: who it names, who issued it,
 * for which names, until when, with what key, and its fingerprints and SPKI pin. Plain data (it
 * crosses the Worker boundary). Fingerprints are `openssl x509 -fingerprint -sha256` style
 * (uppercase colon hex) of the DER as given; the pin is base64(SHA-256(SubjectPublicKeyInfo DER)),
 * the HPKP / `openssl pkey -pubout -outform der | openssl dgst -sha256 -binary | base64` value.
 */
import type { FoundObject, ObjectKind } from './types.ts';
import { describeError } from './errors.ts';
import { visibleText } from './text/visible.ts';
import { describePrivateKey, describeSpki, spkiOfPrivateKey } from './asn1/key-info.ts';
import { pin } from './summary/digests.ts';
import { summarizeCertificate, summarizeCrl, summarizeCsr } from './summary/x509.ts';
import { summarizeDsaPrivateKey, summarizePkcs7, summarizeRsaPublicKey } from './summary/keys.ts';
import type { Summary } from './summary/types.ts';

export type { Fingerprints, KeyInfo, Summary, Validity, ValidityState } from './summary/types.ts';
export { validityOf } from './summary/validity.ts';

/** Never throws: what cannot be read becomes a note. */
export async function summarize(obj: FoundObject, now: Date = new Date()): Promise<Summary> {
  const s: Summary = { kind: obj.kind, title: KIND_TITLES[obj.kind], notes: [] };
  try {
    switch (obj.kind) {
      case 'certificate':
        await summarizeCertificate(obj.der, s, now);
        break;
      case 'csr':
        await summarizeCsr(obj.der, s);
        break;
      case 'crl':
        await summarizeCrl(obj.der, s, now);
        break;
      case 'public-key':
        s.key = describeSpki(obj.der);
        s.spkiSha256 = await pin(obj.der);
        s.title = `${s.key.description} public key`;
        break;
      case 'rsa-public-key':
        await summarizeRsaPublicKey(obj.der, s);
        break;
      case 'private-key':
      case 'rsa-private-key':
      case 'ec-private-key': {
        const encoding = obj.kind === 'private-key' ? 'pkcs8' : obj.kind === 'rsa-private-key' ? 'pkcs1-rsa' : 'sec1-ec';
        s.key = describePrivateKey(obj.der, encoding);
        s.title = `${s.key.description} private key`;
        const spki = await spkiOfPrivateKey(obj.der, encoding);
        if (spki) s.spkiSha256 = await pin(spki);
        break;
      }
      case 'dsa-private-key':
        summarizeDsaPrivateKey(obj.der, s);
        break;
      case 'encrypted-private-key':
      case 'legacy-encrypted-key':
      case 'pkcs12':
        s.encrypted = true;
        break;
      case 'pkcs7':
        summarizePkcs7(obj.der, s);
        break;
      case 'unknown-der':
        break;
    }
  } catch (e) {
    s.notes.push(`could not read every field: ${describeError(e)}`);
  }
  return withVisibleNames(s);
}

/** Names are shown outside the OpenSSL text: invisible and bidi characters become escapes (text/visible.ts). */
function withVisibleNames(s: Summary): Summary {
  s.title = visibleText(s.title);
  if (s.subject !== undefined) s.subject = visibleText(s.subject);
  if (s.issuer !== undefined) s.issuer = visibleText(s.issuer);
  if (s.sans) s.sans = s.sans.map(visibleText);
  s.notes = s.notes.map(visibleText);
  return s;
}

const KIND_TITLES: Record<ObjectKind, string> = {
  certificate: 'Certificate',
  csr: 'Certificate signing request',
  crl: 'Certificate revocation list',
  'private-key': 'Private key',
  'rsa-private-key': 'RSA private key',
  'ec-private-key': 'EC private key',
  'dsa-private-key': 'DSA private key',
  'encrypted-private-key': 'Encrypted private key',
  'legacy-encrypted-key': 'Encrypted private key (legacy PEM)',
  'public-key': 'Public key',
  'rsa-public-key': 'RSA public key',
  'dsa-public-key': 'DSA public key',
  parameters: 'Domain parameters',
  pkcs7: 'PKCS#7 certificate bundle',
  pkcs12: 'PKCS#12 file',
  'unknown-der': 'ASN.1 data',
};

// ---------------------------------------------------------------------------------------------
