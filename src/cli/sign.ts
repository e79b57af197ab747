// `certbench sign`: a CSR signed by the CA in --dir, with a built-in or cfssl profile.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { cfsslProfileRefusal, parseCfsslConfig } from '../core/ca/cfssl-config.ts';
import { readVerifiedRequest, type CertificateRequest } from '../core/ca/csr.ts';
import { equivalentCommands } from '../core/ca/equivalents.ts';
import { issueFromPlan, planFromRequest } from '../core/ca/issue.ts';
import { profileForRequest } from '../core/ca/profile-for-request.ts';
import { BUILTIN_PROFILES, type Profile } from '../core/ca/profiles.ts';
import { render } from '../core/errors.ts';
import { cliError } from './cli-error.ts';
import { visibleText } from '../core/text/visible.ts';
import { changeCaDir, changeOptionsFrom, type OutputFile } from './ca-dir/store.ts';
import { registerCommand } from './registry.ts';

/**
 * The profile to sign with and, when none was named, why this one: with --config, cfssl's
 * signing.default (as `cfssl sign` without -profile); otherwise the one the CSR asks for.
 */
function chooseProfile(name: string | undefined, configPath: string | undefined, request: CertificateRequest): { profile: Profile; chosen?: string } {
  if (configPath) {
    const profiles = parseCfsslConfig(readFileSync(configPath, 'utf8'));
    const p = profiles[name ?? 'default'];
    if (!p) throw cliError(`no profile "${name}" (has ${Object.keys(profiles).join(', ')})`, configPath);
    const refusal = cfsslProfileRefusal(p);
    if (refusal) throw cliError(refusal, configPath);
    return name !== undefined ? { profile: p } : { profile: p, chosen: `profile default (no --profile: ${configPath}'s signing.default, as cfssl sign uses)` };
  }
  if (name === undefined) {
    const suggested = profileForRequest(request);
    return { profile: BUILTIN_PROFILES[suggested.profile], chosen: `profile ${suggested.profile} (no --profile: ${suggested.reason})` };
  }
  const p = (BUILTIN_PROFILES as Record<string, Profile>)[name];
  if (!p) throw cliError(`"${name}" is not server, client, peer or ca (or give --config ca-config.json)`, '--profile');
  return { profile: p };
}

registerCommand('sign', 'sign a CSR with the CA in --dir', async (args, io) => {
  const { values } = parseArgs({
    args,
    options: {
      dir: { type: 'string' }, csr: { type: 'string' }, profile: { type: 'string' }, days: { type: 'string' }, config: { type: 'string' },
      out: { type: 'string' }, 'chain-out': { type: 'string' }, passin: { type: 'string' }, 'show-commands': { type: 'boolean' }, wait: { type: 'string' },
    },
  });
  if (!values.dir || !values.csr || !values.out) throw cliError('--dir, --csr and --out are required');
  const request = await readVerifiedRequest(new Uint8Array(readFileSync(values.csr)));
  const { profile, chosen } = chooseProfile(values.profile, values.config, request);
  if (chosen) io.stderr(`${visibleText(chosen)}\n`);
  let hours: number | undefined;
  if (values.days !== undefined) {
    const d = Number(values.days);
    if (!(d > 0)) throw cliError(`${values.days} is not a positive number of days`, '--days');
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
  for (const w of issued.warnings) io.stderr(`warning: ${render(w)}\n`);
  io.stdout(`issued serial ${issued.entry.serialHex} (${visibleText(issued.entry.subject)}) until ${issued.entry.notAfter} → ${values.out}\n`);
  if (values['show-commands']) {
    const eq = equivalentCommands(plan, { csr: values.csr, caCert: `${values.dir}/ca.crt`, caKey: `${values.dir}/ca.key`, out: values.out });
    const openssl = eq.opensslRefused !== undefined
      ? `# no openssl command: ${render(eq.opensslRefused)}\n`
      : `cat > ${values.out.replace(/\.(crt|pem|cer)$/, '')}.ext <<'EOF'\n${eq.opensslExtfile}EOF\n${eq.openssl}\n`;
    io.stdout(`\n# the same with openssl\n${openssl}\n# the same with cfssl\n${eq.cfsslSign}\n`);
  }
  return 0;
}, 'usage: certbench sign --dir DIR --csr FILE [--profile server|client|peer|ca] [--days N] [--config ca-config.json] [--passin SPEC]\n                     [--out FILE] [--chain-out FILE] [--show-commands] [--wait SECONDS]\n\nVerifies the CSR\'s signature, copies its SANs, and signs it with the CA kept in DIR.\nWithout --profile the CSR decides: its requested extended key usage (clientAuth → client, serverAuth → server,\nboth → peer), else its names; with --config, cfssl\'s signing.default. The choice and its reason go to stderr.\nnotBefore is 5 minutes before now (as kubeadm and cfssl), so a peer whose clock is behind accepts the certificate.');
