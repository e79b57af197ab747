// `certbench revoke`: marks an issued certificate revoked in the CA directory (recorded in its sealed log).
import { parseArgs } from 'node:util';
import { findBySerial, isRevocationReason, revokeEntry } from '../core/ca/inventory.ts';
import { REVOCATION_REASONS } from '../core/ca/types.ts';
import { cliError } from './cli-error.ts';
import { visibleText } from '../core/text/visible.ts';
import { changeCaDir, changeOptionsFrom } from './ca-dir/store.ts';
import { registerCommand } from './registry.ts';

registerCommand('revoke', 'revoke a certificate issued by the CA in --dir', async (args, io) => {
  const { values } = parseArgs({ args, options: { dir: { type: 'string' }, serial: { type: 'string' }, reason: { type: 'string' }, passin: { type: 'string' }, wait: { type: 'string' } } });
  if (!values.dir || !values.serial) throw cliError('--dir and --serial are required');
  const reason = values.reason ?? 'unspecified';
  if (!isRevocationReason(reason)) throw cliError(`"${reason}" is not one of ${Object.keys(REVOCATION_REASONS).join(', ')}`, '--reason');
  const serial = values.serial;
  const revoked = await changeCaDir(
    values.dir,
    changeOptionsFrom('revoke', values, io),
    async (ca) => {
      const entry = revokeEntry(findBySerial(ca.issued, serial), reason);
      await ca.record({ op: 'revoke', entry });
      return { outputs: [], value: entry };
    },
  );
  io.stdout(`revoked serial ${revoked.serialHex} (${visibleText(revoked.subject)}), reason ${reason}; publish with \`certbench crl --dir ${values.dir} --out ca.crl\`\n`);
  return 0;
}, 'usage: certbench revoke --dir DIR --serial HEX [--reason REASON] [--passin SPEC] [--wait SECONDS]\n\nREASON: unspecified (default), keyCompromise, cACompromise, affiliationChanged, superseded, cessationOfOperation, certificateHold, removeFromCRL, privilegeWithdrawn, aACompromise\n--passin: the CA\'s passphrase (it seals the revocation in the CA\'s log).');
