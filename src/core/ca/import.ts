/** Importing an existing CA: its certificate and its private key, checked to belong together. */
import { certificatesFromPem, derFromInput } from './input.ts';
import { privateKeySignsForSpki } from '../cert/spki.ts';
import { CertbenchError, msg, type CoreMessage } from '../errors.ts';
import { importPrivateKey } from '../keys/import.ts';
import { caFacts, caIdOf } from './identity.ts';
import type { CaSigner } from './types.ts';

export interface ImportedCa extends CaSigner {
  /** Unencrypted PKCS#8 of the key, for a store to wrap; drop it once stored. */
  pkcs8: Uint8Array;
  warnings: CoreMessage[];
}

export interface CaImportInput {
  /** PEM (the first certificate is the CA; any following ones are its chain, nearest first) or DER. */
  certificate: string | Uint8Array;
  /** PKCS#8, PKCS#1, SEC1 or encrypted PKCS#8, PEM or DER. */
  key: string | Uint8Array;
  passphrase?: string;
  now?: Date;
}

/**
 * Refuses a certificate that is not a CA (no CA:TRUE, or a keyUsage without keyCertSign) and a key
 * that does not match it; accepts an expired CA with a warning (it can still sign a CRL or be studied).
 */
export async function importCa(input: CaImportInput): Promise<ImportedCa> {
  const all = typeof input.certificate === 'string' ? certificatesFromPem(input.certificate, 'CA certificate') : [derFromInput(input.certificate, ['CERTIFICATE'], 'CA certificate')];
  const [certificate, ...chain] = all;
  if (!certificate) throw new CertbenchError('ca.noCertificate', undefined, msg('where.caCertificate'));
  const facts = caFacts(certificate);
  if (!facts.isCa) throw new CertbenchError('ca.notCa', undefined, msg('where.caCertificate'));
  if (facts.keyUsage && !facts.keyUsage.includes('keyCertSign')) {
    throw new CertbenchError('ca.noKeyCertSign', undefined, msg('where.caCertificate'));
  }
  const key = await importPrivateKey(input.key, input.passphrase !== undefined ? { passphrase: input.passphrase } : {});
  if (!(await privateKeySignsForSpki(key.keyPair.privateKey, facts.subjectPublicKeyInfo))) {
    throw new CertbenchError('ca.keyMismatch', undefined, msg('where.caKey'));
  }
  const warnings: CoreMessage[] = [];
  const now = input.now ?? new Date();
  if (facts.notAfter < now) warnings.push(msg('ca.warnExpired', { date: facts.notAfter.toISOString() }));
  if (facts.notBefore > now) warnings.push(msg('ca.warnNotYetValid', { date: facts.notBefore.toISOString() }));
  if (!facts.keyUsage) warnings.push(msg('ca.warnNoKeyUsage'));
  else if (!facts.keyUsage.includes('cRLSign')) warnings.push(msg('ca.warnNoCrlSign'));
  return { id: await caIdOf(certificate), certificate, chain, key: key.keyPair.privateKey, pkcs8: key.pkcs8, warnings };
}
