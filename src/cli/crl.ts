// `certbench crl`: a signed CRL v2 of the CA in --dir (PEM, or DER with --der). The CRL number is
// taken and recorded under the directory's lock before the file is written.
import { parseArgs } from 'node:util';
import { buildCrl } from '../core/ca/crl.ts';
import { cliError } from './cli-error.ts';
import { changeCaDir, changeOptionsFrom } from './ca-dir/store.ts';
import { registerCommand } from './registry.ts';

registerCommand('crl', 'write the CRL of the CA in --dir', async (args, io) => {
  const { values } = parseArgs({ args, options: { dir: { type: 'string' }, days: { type: 'string' }, out: { type: 'string' }, der: { type: 'boolean' }, passin: { type: 'string' }, wait: { type: 'string' } } });
  if (!values.dir || !values.out) throw cliError('--dir and --out are required');
  const days = values.days === undefined ? undefined : Number(values.days);
  const out = values.out;
  const crl = await changeCaDir(
    values.dir,
    changeOptionsFrom('crl', values, io),
    async (ca) => {
      const built = await buildCrl(ca.signer, ca.issued, { crlNumber: ca.crlNumber + 1, ...(days !== undefined ? { days } : {}) });
      await ca.record({ op: 'crl', number: built.crlNumber, der: built.der });
      return { outputs: [{ path: out, data: values.der ? built.der : built.pem }], value: built };
    },
  );
  io.stdout(`CRL #${crl.crlNumber} lists ${crl.revokedSerials.length} revoked certificate(s) → ${out}\n`);
  return 0;
}, 'usage: certbench crl --dir DIR [--days N] [--out FILE] [--der] [--passin SPEC] [--wait SECONDS]\n\nWrites a v2 CRL (CRL number, AKI, nextUpdate) of everything revoked in DIR.');
