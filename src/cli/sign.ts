// `certbench sign`: a CSR signed by the CA in --dir, with a built-in or cfssl profile.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCfsslConfig } from '../core/ca/cfssl-config.ts';
import { readVerifiedRequest } from '../core/ca/csr.ts';
import { equivalentCommands } from '../core/ca/equivalents.ts';
import { issueFromPlan, planFromRequest } from '../core/ca/issue.ts';
import { BUILTIN_PROFILES, type Profile } from '../core/ca/profiles.ts';
import { CertbenchError } from '../core/errors.ts';
import { visibleText } from '../core/text/visible.ts';
import { changeCaDir, changeOptionsFrom, type OutputFile } from './ca-dir/store.ts';
import { registerCommand } from './registry.ts';

function profileNamed(name: string, configPath: string | undefined): Profile {
  if (configPath) {
    const profiles = parseCfsslConfig(readFileSync(configPath, 'utf8'));
    const p = profiles[name];
    if (!p) throw new CertbenchError(`no profile "${name}" (has ${Object.keys(profiles).join(', ')})`, configPath);
    return p;
  }
  const p = (BUILTIN_PROFILES as Record<string, Profile>)[name];
  if (!p) throw new CertbenchError(`"${name}" is not server, client, peer or ca (or give --config ca-config.json)`, '--profile');
  return p;
}

registerCommand('sign', 'sign a CSR with the CA in --dir', async (args, io) => {
  const { values } = parseArgs({
    args,
    options: {
      dir: { type: 'string' }, csr: { type: 'string' }, profile: { type: 'string' }, days: { type: 'string' }, config: { type: 'string' },
      out: { type: 'string' }, 'chain-out': { type: 'string' }, passin: { type: 'string' }, 'show-commands': { type: 'boolean' }, wait: { type: 'string' },
    },
  });
  if (!values.dir || !values.csr || !values.out) throw new CertbenchError('--dir, --csr and --out are required');
  const request = await readVerifiedRequest(new Uint8Array(readFileSync(values.csr)));
  const profile = profileNamed(values.profile ?? 'server', values.config);
  let hours: number | undefined;
  if (values.days !== undefined) {
    const d = Number(values.days);
    if (!(d > 0)) throw new CertbenchError(`${values.days} is not a positive number of days`, '--days');
    hours = d * 24;
  }
  const { out, 'chain-out': chainOut } = values;
  // Under the CA directory's lock: the serial is chosen, the certificate recorded, then the files written.
  const { plan, issued } = await changeCaDir(
    values.dir,
    changeOptionsFrom('sign', values, io),
    async (ca) => {
      const plan = planFromRequest(request, ca.signer, { profile, ...(hours !== undefined ? { hours } : {}) });
      const issued = await issueFromPlan(plan, ca.signer, new Set(ca.issued.map((e) => e.serialHex)));
      await ca.record({ op: 'issue', entry: issued.entry });
      const outputs: OutputFile[] = [{ path: out, data: issued.pem }, ...(chainOut ? [{ path: chainOut, data: issued.chainPem }] : [])];
      return { outputs, value: { plan, issued } };
    },
  );
  for (const w of issued.warnings) io.stderr(`warning: ${w}\n`);
  io.stdout(`issued serial ${issued.entry.serialHex} (${visibleText(issued.entry.subject)}) until ${issued.entry.notAfter} → ${values.out}\n`);
  if (values['show-commands']) {
    const eq = equivalentCommands(plan, { csr: values.csr, caCert: `${values.dir}/ca.crt`, caKey: `${values.dir}/ca.key`, out: values.out });
    const openssl = eq.opensslRefused !== undefined
      ? `# no openssl command: ${eq.opensslRefused}\n`
      : `cat > ${values.out.replace(/\.(crt|pem|cer)$/, '')}.ext <<'EOF'\n${eq.opensslExtfile}EOF\n${eq.openssl}\n`;
    io.stdout(`\n# the same with openssl\n${openssl}\n# the same with cfssl\n${eq.cfsslSign}\n`);
  }
  return 0;
}, 'usage: certbench sign --dir DIR --csr FILE [--profile server|client|peer|ca] [--days N] [--config ca-config.json] [--passin SPEC]\n                     [--out FILE] [--chain-out FILE] [--show-commands] [--wait SECONDS]\n\nVerifies the CSR\'s signature, copies its SANs, and signs it with the CA kept in DIR.');
