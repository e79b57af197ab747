/** Issuing one X.509 v3 certificate from plain values, signed by a CA's private key. */
import * as pkijs from 'pkijs';
import { CertbenchError, msg } from '../errors.ts';
import { buildExtensions, type ExtensionsSpec } from './extensions.ts';
import { encodeName, pkijsName, type NameAttribute } from './name.ts';
import { serialInteger } from './serial.ts';
import { signatureAlgorithmOf, signingKeyAlgorithm, signToBeSigned } from './signature.ts';
import { parseSpki } from './spki.ts';
import { wholeSeconds, x509Time } from './time.ts';

interface CertificateSpec {
  serialHex: string;
  subject: readonly NameAttribute[];
  /** DER of the issuer's subject, copied byte for byte so chain building matches it. Absent: self-signed. */
  issuerName?: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  /** DER SubjectPublicKeyInfo of the certified key. */
  subjectPublicKeyInfo: Uint8Array;
  extensions: ExtensionsSpec;
}

/** DER of the signed certificate. */
export async function buildCertificate(spec: CertificateSpec, issuerKey: CryptoKey): Promise<Uint8Array> {
  if (wholeSeconds(spec.notAfter) <= wholeSeconds(spec.notBefore)) throw new CertbenchError('cert.expiresBeforeStart', undefined, msg('where.validity'));
  const algorithm = signatureAlgorithmOf(signingKeyAlgorithm(issuerKey));
  const subjectDer = encodeName(spec.subject);
  const cert = new pkijs.Certificate({
    version: 2,
    serialNumber: serialInteger(spec.serialHex),
    signature: algorithm,
    issuer: pkijsName(spec.issuerName ?? subjectDer),
    notBefore: x509Time(spec.notBefore),
    notAfter: x509Time(spec.notAfter),
    subject: pkijsName(subjectDer),
    subjectPublicKeyInfo: parseSpki(spec.subjectPublicKeyInfo),
    extensions: buildExtensions(spec.extensions, spec.subject.length === 0),
  });
  return signToBeSigned(new Uint8Array(cert.encodeTBS().toBER()), algorithm, issuerKey);
}
