/**
 * The OpenSSL and cfssl commands that would issue the same certificate from the same CSR, with the
 * plan's actual values, so a person can check certbench against the tools they know.
 */
import type { SubjectAltName } from '../cert/general-names.ts';
import { commonNameOf } from '../cert/name.ts';
import { cfsslConfigFor } from './cfssl-config.ts';
import type { IssuancePlan } from './issue.ts';

export interface EquivalentFiles {
  csr: string;
  caCert: string;
  caKey: string;
  out: string;
  /** For openssl's -extfile; default `<out without .crt/.pem>.ext`. */
  extfile?: string;
  /** For cfssl's -config; default `ca-config.json`. */
  cfsslConfig?: string;
}

export interface EquivalentCommands {
  openssl: string;
  /** Contents of the -extfile the openssl command reads. */
  opensslExtfile: string;
  /** `cfssl sign`: the same CSR and key, the same profile. */
  cfsslSign: string;
  /** `cfssl gencert`: cfssl's one-step form, which makes a NEW key from `cfsslCsrJson`. */
  cfsslGencert: string;
  cfsslConfig: string;
  cfsslCsrJson: string;
}

function quote(s: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function sanText(n: SubjectAltName): string | undefined {
  if (n.type === 'dns') return `DNS:${n.value}`;
  if (n.type === 'ip') return `IP:${n.value}`;
  if (n.type === 'email') return `email:${n.value}`;
  if (n.type === 'uri') return `URI:${n.value}`;
  return undefined;
}

export function equivalentCommands(plan: IssuancePlan, files: EquivalentFiles): EquivalentCommands {
  const extfile = files.extfile ?? `${files.out.replace(/\.(crt|pem|cer)$/, '')}.ext`;
  const configFile = files.cfsslConfig ?? 'ca-config.json';
  const hours = (plan.notAfter.getTime() - plan.notBefore.getTime()) / 3_600_000;
  const days = Math.max(1, Math.round(hours / 24));
  const bc = plan.profile.isCa ? `critical,CA:TRUE${plan.profile.pathLen !== undefined ? `,pathlen:${plan.profile.pathLen}` : ''}` : 'critical,CA:FALSE';
  const sans = plan.subjectAltNames.map(sanText).filter((s): s is string => !!s);
  const lines = [
    `basicConstraints = ${bc}`,
    `keyUsage = critical,${plan.keyUsage.join(',')}`,
    ...(plan.extKeyUsage.length ? [`extendedKeyUsage = ${plan.extKeyUsage.join(',')}`] : []),
    'subjectKeyIdentifier = hash',
    'authorityKeyIdentifier = keyid',
    ...(sans.length ? [`subjectAltName = ${sans.join(',')}`] : []),
  ];
  const openssl = [
    'openssl x509 -req', `-in ${quote(files.csr)}`, `-CA ${quote(files.caCert)}`, `-CAkey ${quote(files.caKey)}`,
    '-CAcreateserial', `-days ${days}`, '-sha256', `-extfile ${quote(extfile)}`, `-out ${quote(files.out)}`,
  ].join(' ');
  const base = files.out.replace(/\.(crt|pem|cer)$/, '');
  const profile = plan.profile.name;
  const cn = commonNameOf(plan.subject) ?? '';
  const alg = plan.keyAlgorithm;
  const csrJson = {
    CN: cn,
    hosts: plan.subjectAltNames.filter((n) => n.type === 'dns' || n.type === 'ip' || n.type === 'email' || n.type === 'uri').map((n) => (n as { value: string }).value),
    key: alg.family === 'rsa' ? { algo: 'rsa', size: alg.bits } : alg.family === 'ec' ? { algo: 'ecdsa', size: Number(alg.curve.slice(2)) } : { algo: 'ed25519' },
  };
  return {
    openssl,
    opensslExtfile: lines.join('\n') + '\n',
    cfsslSign: `cfssl sign -ca ${quote(files.caCert)} -ca-key ${quote(files.caKey)} -config ${quote(configFile)} -profile ${quote(profile)} ${quote(files.csr)} | cfssljson -bare ${quote(base)}`,
    cfsslGencert: `cfssl gencert -ca ${quote(files.caCert)} -ca-key ${quote(files.caKey)} -config ${quote(configFile)} -profile ${quote(profile)} ${quote(base + '-csr.json')} | cfssljson -bare ${quote(base)}`,
    cfsslConfig: cfsslConfigFor(profile, plan.keyUsage, plan.extKeyUsage, hours, plan.profile.isCa ? (plan.profile.pathLen !== undefined ? { pathLen: plan.profile.pathLen } : {}) : undefined),
    cfsslCsrJson: JSON.stringify(csrJson, null, 2) + '\n',
  };
}
