/**
 * Filling the Kubernetes forms from what Create and the CA made in this page (src/ui/session.svelte.ts):
 * the request Create made, or the certificate the CA issued for it with Create's key and the CA's certificate.
 */
import { errorText } from '../i18n/core-text.svelte.ts';
import { session } from '../session.svelte.ts';
import type { CertificateKeyCa, PemSource } from './pem-source.svelte.ts';
import { t } from './i18n.ts';

/** Puts Create's request into the field; false when there is none. */
export function takeSessionCsr(field: PemSource): boolean {
  if (!session.csr) return false;
  field.typed(session.csr.pem);
  return true;
}

/**
 * Fills a form with the issued leaf and its chain, Create's key (unencrypted PKCS#8) and, when the CA
 * said which it was, the signing CA's certificate. Returns '' or what went wrong.
 */
export async function takeSessionIssued(form: { fill(parts: CertificateKeyCa): void }): Promise<string> {
  const issued = session.issued;
  if (!issued) return t('noIssued');
  try {
    const keyPem = await session.keyPem();
    form.fill({ certificatePem: issued.chainPem, keyPem, caPem: issued.caPem });
    return '';
  } catch (e) {
    return t('couldNotTakeKey', { reason: errorText(e) });
  }
}
