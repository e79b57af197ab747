/**
 * Filling the Kubernetes forms from what Create and the CA made in this page (src/ui/session.svelte.ts):
 * the request Create made, or the certificate the CA issued for it with Create's key.
 */
import { describeError } from '../../core/errors.ts';
import { session } from '../session.svelte.ts';
import type { PemSource } from './pem-source.svelte.ts';
import { t } from './i18n.ts';

/** Puts Create's request into the field; false when there is none. */
export function takeSessionCsr(field: PemSource): boolean {
  if (!session.csr) return false;
  field.typed(session.csr.pem);
  return true;
}

/**
 * Puts the issued leaf and its chain into `certificate` and Create's key (unencrypted PKCS#8) into
 * `key`. Returns '' or what went wrong.
 */
export async function takeSessionIssued(certificate: PemSource, key: PemSource): Promise<string> {
  const issued = session.issued;
  if (!issued) return t('noIssued');
  try {
    const keyPem = await session.keyPem();
    certificate.typed(issued.chainPem);
    key.typed(keyPem);
    return '';
  } catch (e) {
    return t('couldNotTakeKey', { reason: describeError(e) });
  }
}
