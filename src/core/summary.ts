/**
 * The facts a person looks for first, for each object Inspect shows: who it names, who issued it,
 * for which names, until when, with what key, and its fingerprints and SPKI pin. Plain data (it
 * crosses the Worker boundary). Fingerprints are `openssl x509 -fingerprint -sha256` style
 * (uppercase colon hex) of the DER as given; the pin is base64(SHA-256(SubjectPublicKeyInfo DER)),
 * the HPKP / `openssl pkey -pubout -outform der | openssl dgst -sha256 -binary | base64` value.
 */
import type { FoundObject } from './types.ts';
import { errorMessage, msg } from './errors.ts';
import { kindTitle, setTitle } from './summary/title.ts';
import { visibleMessage, visibleText } from './text/visible.ts';
import { describePrivateKey, describeSpki, spkiOfPrivateKey } from './asn1/key-info.ts';
import { fingerprints, pin } from './summary/digests.ts';
import { summarizeCertificate, summarizeCrl, summarizeCsr, type Digests } from './summary/x509.ts';
import type { DerNode } from './der/node.ts';
import { summarizeDsaPrivateKey, summarizePkcs7, summarizeRsaPublicKey } from './summary/keys.ts';
import type { Summary } from './summary/types.ts';

export type { Fingerprints, KeyInfo, Summary, Validity, ValidityState } from './summary/types.ts';
export { validityOf } from './summary/validity.ts';

/**
 * Never throws: what cannot be read becomes a note. `tree` is obj.der as the decode pipeline already
 * decoded it (certificates, CSRs, CRLs are read from it rather than decoded again). Not itself
 * async: the tree is read before this returns, so the pending digests do not keep it alive.
 */
export function summarize(obj: FoundObject, now: Date = new Date(), tree?: DerNode): Promise<Summary> {
  const s: Summary = { kind: obj.kind, title: '', notes: [] };
  setTitle(s, kindTitle(obj.kind));
  const input = tree ?? obj.der;
  let digests: Digests;
  try {
    switch (obj.kind) {
      case 'certificate':
        digests = summarizeCertificate(input, s, now);
        break;
      case 'csr':
        digests = summarizeCsr(input, s);
        break;
      case 'crl':
        digests = summarizeCrl(input, s, now);
        break;
      default:
        return summarizeOther(obj, s);
    }
  } catch (e) {
    s.notes.push(msg('summary.note.partial', { reason: errorMessage(e) }));
    digests = {};
  }
  return withDigests(obj, s, digests);
}

async function withDigests(obj: FoundObject, s: Summary, digests: Digests): Promise<Summary> {
  if (obj.kind !== 'csr') s.fingerprints = await fingerprints(obj.der);
  if (digests.spki) s.spkiSha256 = await pin(digests.spki);
  return withVisibleNames(s);
}

/** Keys, bundles and what is encrypted: read from their DER. */
async function summarizeOther(obj: FoundObject, s: Summary): Promise<Summary> {
  try {
    switch (obj.kind) {
      case 'public-key':
        s.key = describeSpki(obj.der);
        s.spkiSha256 = await pin(obj.der);
        setTitle(s, msg('summary.publicKeyOf', { key: s.key.description }));
        break;
      case 'rsa-public-key':
        await summarizeRsaPublicKey(obj.der, s);
        break;
      case 'private-key':
      case 'rsa-private-key':
      case 'ec-private-key': {
        const encoding = obj.kind === 'private-key' ? 'pkcs8' : obj.kind === 'rsa-private-key' ? 'pkcs1-rsa' : 'sec1-ec';
        s.key = describePrivateKey(obj.der, encoding);
        setTitle(s, msg('summary.privateKeyOf', { key: s.key.description }));
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
      default:
        break;
    }
  } catch (e) {
    s.notes.push(msg('summary.note.partial', { reason: errorMessage(e) }));
  }
  return withVisibleNames(s);
}

/** Names are shown outside the OpenSSL text: invisible and bidi characters become escapes (text/visible.ts). */
function withVisibleNames(s: Summary): Summary {
  s.title = visibleText(s.title);
  const said = s.titleSaid;
  if (said?.params) s.titleSaid = { ...said, params: Object.fromEntries(Object.entries(said.params).map(([k, v]) => [k, typeof v === 'string' ? visibleText(v) : v])) };
  if (s.subject !== undefined) s.subject = visibleText(s.subject);
  if (s.issuer !== undefined) s.issuer = visibleText(s.issuer);
  if (s.subjectCn !== undefined) s.subjectCn = visibleText(s.subjectCn);
  if (s.issuerCn !== undefined) s.issuerCn = visibleText(s.issuerCn);
  if (s.sans) s.sans = s.sans.map(visibleText);
  s.notes = s.notes.map((n) => visibleMessage(n));
  return s;
}


// ---------------------------------------------------------------------------------------------
