// `certbench lint [--public] [--usage server|client] [--at DATE] [--service-ip IP] FILE…`
// One line per finding: "FILE #n (subject): severity id: message", then "  fix: …".
// Exit status: 0 no errors (warnings and info allowed), 2 at least one error, 1 unreadable input.
import { parseArgs } from 'node:util';
import { cliError } from './cli-error.ts';
import { detectInput } from '../core/input/detect.ts';
import { lintCertificate } from '../core/lint/index.ts';
import { formatName } from '../core/text/name.ts';
import { readCertView } from '../core/verify/certificate.ts';
import { readFileBytes } from './k8s.ts';
import { registerCommand } from './registry.ts';
import { parseAt } from './verify.ts';

registerCommand('lint', 'check certificates for common mistakes (expiry, SANs, keys, Kubernetes PKI rules)', async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { public: { type: 'boolean' }, usage: { type: 'string' }, at: { type: 'string' }, 'service-ip': { type: 'string' } },
  });
  if (!positionals.length) throw cliError('give one or more certificate files to lint');
  if (values.usage !== undefined && values.usage !== 'server' && values.usage !== 'client') throw cliError(`"${values.usage}" is not a usage (server or client)`, '--usage');
  const at = parseAt(values.at);
  const files = positionals.map((file) => {
    const certs = detectInput(readFileBytes(file, file), file).objects.filter((o) => o.kind === 'certificate');
    if (!certs.length) throw cliError(`no certificate in ${file}`);
    return { file, certs };
  });
  let errors = 0;
  for (const { file, certs } of files) {
    for (const [i, cert] of certs.entries()) {
      const label = `${file}${certs.length > 1 ? ` #${i + 1}` : ''} (${formatName(readCertView(cert.der, file).subjectDer, 'oneline') || 'empty subject'})`;
      const findings = lintCertificate(cert.der, {
        pki: values.public ? 'public' : 'private',
        ...(values.usage ? { usage: values.usage as 'server' | 'client' } : {}),
        ...(at ? { at } : {}),
        ...(values['service-ip'] ? { kubeServiceIp: values['service-ip'] } : {}),
      }, file);
      if (!findings.length) io.stdout(`${label}: no findings\n`);
      for (const f of findings) {
        if (f.severity === 'error') errors++;
        io.stdout(`${label}: ${f.severity} ${f.id}: ${f.message}\n  fix: ${f.fix}\n`);
      }
    }
  }
  return errors ? 2 : 0;
}, 'usage: certbench lint [--public] [--usage server|client|peer] [--at DATE] [--service-ip IP] FILE…\n\nEach finding with its severity, a one-line reason and the fix (incl. Kubernetes PKI rules).');
