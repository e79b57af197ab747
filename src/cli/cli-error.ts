/**
 * The CLI's own failures (usage, files, flags). The CLI speaks English only — its tests compare its
 * output — so these are English text carried as a CertbenchError, not catalog ids; what the core says
 * through the CLI still comes from the core's English catalog.
 */
import { CertbenchError, type Where } from '../core/errors.ts';

export function cliError(text: string, where?: Where): CertbenchError {
  return new CertbenchError('error.text', { text }, where);
}
