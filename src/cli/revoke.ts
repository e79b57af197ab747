// `certbench revoke`: marks an issued certificate revoked in the CA directory's index.
import { parseArgs } from 'node:util';
import { findBySerial, isRevocationReason, revokeEntry } from '../core/ca/inventory.ts';
import { REVOCATION_REASONS } from '../core/ca/types.ts';
import { CertbenchError } from '../core/errors.ts';
import { openCaDir } from './ca.ts';
import { registerCommand } from './registry.ts';

registerCommand('revoke', 'revoke a certificate issued by the CA in --dir', async (args, io) => {
  const { values } = parseArgs({ args, options: { dir: { type: 'string' }, serial: { type: 'string' }, reason: { type: 'string' } } });
  if (!values.dir || !values.serial) throw new CertbenchError('--dir and --serial are required');
  const reason = values.reason ?? 'unspecified';
  if (!isRevocationReason(reason)) throw new CertbenchError(`"${reason}" is not one of ${Object.keys(REVOCATION_REASONS).join(', ')}`, '--reason');
  const ca = openCaDir(values.dir);
  const entry = findBySerial(ca.issued, values.serial);
  const revoked = revokeEntry(entry, reason);
  ca.issued[ca.issued.indexOf(entry)] = revoked;
  ca.save();
  io.stdout(`revoked serial ${revoked.serialHex} (${revoked.subject}), reason ${reason}; publish with \`certbench crl --dir ${values.dir} --out ca.crl\`\n`);
  return 0;
}, 'usage: certbench revoke --dir DIR --serial HEX [--reason REASON]\n\nREASON: unspecified (default), keyCompromise, cACompromise, affiliationChanged, superseded, cessationOfOperation, certificateHold, removeFromCRL, privilegeWithdrawn, aACompromise');
