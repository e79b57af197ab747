// `certbench expiry FILE…`: certificate expiry like `kubeadm certs check-expiration`, from PEM/DER
// files, Secret and kubeconfig YAML, or a zip of a pki folder.
import { parseArgs } from 'node:util';
import { cliError } from './cli-error.ts';
import { detectFiles } from '../kube/expiry-input.ts';
import { checkExpiration, expiryReportJson, formatExpiryTable } from '../kube/expiry.ts';
import { readFileBytes } from './k8s.ts';
import { registerCommand } from './registry.ts';

registerCommand('expiry', 'certificate expiry table (kubeadm certs check-expiration style)', async (args, io) => {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { at: { type: 'string' }, json: { type: 'boolean' } } });
  if (!positionals.length) throw cliError('give one or more files: PEM/DER certificates, Secret or kubeconfig YAML, or a zip of /etc/kubernetes');
  let asOf: Date | undefined;
  if (values.at !== undefined) {
    asOf = new Date(values.at);
    if (Number.isNaN(asOf.getTime())) throw cliError(`"${values.at}" is not a date (use ISO 8601, e.g. 2026-01-31 or 2026-01-31T12:00:00Z)`, '--at');
  }
  const found = detectFiles(positionals.map((p) => ({ name: p, bytes: readFileBytes(p, p) })));
  for (const p of found.problems) io.stderr(`warning: ${p.origin}: ${p.message}\n`);
  const report = await checkExpiration(found.objects, asOf ? { asOf } : {});
  if (!report.certificates.length && !report.certificateAuthorities.length) throw cliError('no certificates found in the given files');
  io.stdout(values.json ? `${JSON.stringify(expiryReportJson(report), null, 2)}\n` : formatExpiryTable(report));
  const expired = [...report.certificates, ...report.certificateAuthorities].filter((r) => r.expired);
  return expired.length ? 1 : 0;
}, 'usage: certbench expiry [--at DATE] [--json] FILE…\n\nFILE: PEM, DER, Secret or kubeconfig YAML, or a zip of a pki folder. Exit status 1 when any certificate has expired.');
