// `certbench verify [--ca FILE]… [--untrusted FILE]… [--crl FILE]… [--host NAME|--ip ADDR]
//   [--purpose server|client|any] [--at DATE] [--profile webpki|rfc5280] [--show-chain] FILE…`
// Like `openssl verify`: "FILE: OK", or the reasons and "error FILE: verification failed".
// The first certificate of each FILE is the leaf; any others in it are untrusted intermediates.
// Exit status: 0 all OK, 2 a verification failed, 1 an input could not be read.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { cliError } from './cli-error.ts';
import { detectInput } from '../core/input/detect.ts';
import { peerNameOf, verifyChain, type PeerName, type Purpose } from '../core/verify/index.ts';
import { readFileBytes } from './k8s.ts';
import { registerCommand } from './registry.ts';

/** Debian/Ubuntu, Fedora/RHEL and Alpine bundle paths: used when no --ca is given, as openssl uses its default store. */
const SYSTEM_BUNDLES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/cert.pem'];

function certificatesIn(path: string, flag: string): Uint8Array[] {
  const found = detectInput(readFileBytes(path, flag), path);
  const certs = found.objects.filter((o) => o.kind === 'certificate').map((o) => o.der);
  if (!certs.length) throw cliError(`no certificate in ${path}${found.problems.length ? ` (${found.problems[0]!.message})` : ''}`, flag);
  return certs;
}

function crlsIn(path: string): Uint8Array[] {
  const crls = detectInput(readFileBytes(path, '--crl'), path).objects.filter((o) => o.kind === 'crl').map((o) => o.der);
  if (!crls.length) throw cliError(`no CRL in ${path}`, '--crl');
  return crls;
}

export function parseAt(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const at = /^\d+$/.test(text) ? new Date(Number(text) * 1000) : new Date(text);
  if (Number.isNaN(at.getTime())) throw cliError(`"${text}" is not a date (ISO 8601 like 2026-01-31T12:00:00Z, or Unix seconds as openssl -attime takes)`, '--at');
  return at;
}

registerCommand('verify', 'verify certificate chains (openssl verify with reasons in words)', async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ca: { type: 'string', multiple: true },
      untrusted: { type: 'string', multiple: true },
      crl: { type: 'string', multiple: true },
      host: { type: 'string' },
      ip: { type: 'string' },
      email: { type: 'string' },
      purpose: { type: 'string' },
      at: { type: 'string' },
      profile: { type: 'string' },
      'show-chain': { type: 'boolean' },
    },
  });
  if (!positionals.length) throw cliError('give one or more certificate files to verify');
  const purpose = (values.purpose ?? 'server') as Purpose;
  if (!['server', 'client', 'any'].includes(purpose)) throw cliError(`"${values.purpose}" is not a purpose (server, client or any)`, '--purpose');
  const profile = values.profile ?? 'webpki';
  if (profile !== 'webpki' && profile !== 'rfc5280') throw cliError(`"${profile}" is not a profile (webpki or rfc5280)`, '--profile');
  if ([values.host, values.ip, values.email].filter((v) => v !== undefined).length > 1) throw cliError('give only one of --host, --ip and --email');
  let peerName: PeerName | undefined;
  if (values.host !== undefined) peerName = peerNameOf(values.host);
  if (values.ip !== undefined) {
    peerName = peerNameOf(values.ip);
    if (peerName.kind !== 'ip') throw cliError(`"${values.ip}" is not an IPv4 or IPv6 address`, '--ip');
  }
  if (values.email !== undefined) peerName = { kind: 'email', value: values.email };
  const at = parseAt(values.at);
  let trusted: Uint8Array[];
  if (values.ca?.length) trusted = values.ca.flatMap((f) => certificatesIn(f, '--ca'));
  else {
    const bundle = SYSTEM_BUNDLES.find((p) => existsSync(p));
    if (!bundle) throw cliError('no --ca given and no system CA bundle found', '--ca');
    trusted = certificatesIn(bundle, '--ca');
  }
  const untrusted = (values.untrusted ?? []).flatMap((f) => certificatesIn(f, '--untrusted'));
  const crls = (values.crl ?? []).flatMap(crlsIn);
  // Read every input first: an unreadable file is status 1, before any verdict is printed.
  const inputs = positionals.map((file) => ({ file, certs: certificatesIn(file, file) }));
  let failed = false;
  for (const { file, certs } of inputs) {
    const result = await verifyChain(certs[0]!, {
      trusted, untrusted: [...certs.slice(1), ...untrusted], purpose, profile, crls,
      ...(at ? { at } : {}), ...(peerName ? { peerName } : {}),
    });
    if (values['show-chain'] || !result.ok) {
      if (result.path.length) io.stdout(`${file}: ${result.ok ? 'chain' : 'nearest chain'}:\n`);
      result.path.forEach((p, i) => io.stdout(`  depth=${i}: ${p.subject || '(empty subject)'}${p.trusted ? ' (trusted)' : ' (untrusted)'}\n`));
    }
    if (result.ok) io.stdout(`${file}: OK\n`);
    else {
      failed = true;
      for (const p of result.problems) io.stdout(`error${p.index !== undefined ? ` at depth ${p.index}` : ''}: ${p.message}\n`);
      io.stdout(`error ${file}: verification failed\n`);
    }
  }
  return failed ? 2 : 0;
}, 'usage: certbench verify [--ca FILE]… [--untrusted FILE]… [--crl FILE]… [--host NAME|--ip ADDR|--email ADDR]\n                       [--purpose server|client|any] [--at DATE] [--profile webpki|rfc5280] [--show-chain] FILE…\n\nLike openssl verify, with each failure explained. Without --ca the system\'s CA bundle is the trust store.\nExit status: 0 all OK, 2 a chain does not verify, 1 unreadable input.');
