// `certbench crl`: a signed CRL v2 of the CA in --dir (PEM, or DER with --der).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildCrl } from '../core/ca/crl.ts';
import { CertbenchError } from '../core/errors.ts';
import { openCaDir } from './ca.ts';
import { registerCommand } from './registry.ts';

registerCommand('crl', 'write the CRL of the CA in --dir', async (args, io) => {
  const { values } = parseArgs({ args, options: { dir: { type: 'string' }, days: { type: 'string' }, out: { type: 'string' }, der: { type: 'boolean' }, passin: { type: 'string' } } });
  if (!values.dir || !values.out) throw new CertbenchError('--dir and --out are required');
  const days = values.days === undefined ? undefined : Number(values.days);
  const ca = openCaDir(values.dir);
  const crl = await buildCrl(await ca.signer(values.passin), ca.issued, { crlNumber: ca.crlNumber + 1, ...(days !== undefined ? { days } : {}) });
  writeFileSync(values.out, values.der ? crl.der : crl.pem);
  ca.crlNumber = crl.crlNumber;
  ca.save();
  io.stdout(`CRL #${crl.crlNumber} lists ${crl.revokedSerials.length} revoked certificate(s) → ${values.out}\n`);
  return 0;
}, 'usage: certbench crl --dir DIR [--days N] [--out FILE] [--der] [--passin SPEC]\n\nWrites a v2 CRL (CRL number, AKI, nextUpdate) of everything revoked in DIR.');
