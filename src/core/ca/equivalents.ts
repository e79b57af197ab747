/**
 * The OpenSSL and cfssl commands that would issue the same certificate from the same CSR, with the
 * plan's actual values, so a person can check certbench against the tools they know. The SANs go
 * into the extfile's `[alt_names]` section one per line, so a name from the CSR can never add
 * another; a name openssl's config cannot hold gives no openssl command (`opensslRefused` says why).
 */
import type { SubjectAltName } from '../cert/general-names.ts';
import { commonNameOf } from '../cert/name.ts';
import { errorMessage, render, type LocatedMessage } from '../errors.ts';
import { opensslAltNames, type OpensslSan } from '../equivalent-command.ts';
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
  /** The command; when refused, a shell comment saying why. */
  openssl: string;
  /** Contents of the -extfile the openssl command reads ('' when refused). */
  opensslExtfile: string;
  /** Why there is no openssl command: a name in the plan that an openssl config line cannot hold safely. */
  opensslRefused?: LocatedMessage;
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

const OPENSSL_SAN_TYPE = { dns: 'DNS', ip: 'IP', email: 'email', uri: 'URI' } as const;

function opensslSan(n: SubjectAltName): OpensslSan | undefined {
  return n.type === 'other' ? undefined : { type: OPENSSL_SAN_TYPE[n.type], value: n.value };
}

/** The extfile, or a CertbenchError naming the SAN that cannot be written in it safely. */
function extfileOf(plan: IssuancePlan): string {
  const bc = plan.profile.isCa ? `critical,CA:TRUE${plan.profile.pathLen !== undefined ? `,pathlen:${plan.profile.pathLen}` : ''}` : 'critical,CA:FALSE';
  const sans = plan.subjectAltNames.map(opensslSan).filter((s): s is OpensslSan => !!s);
  const alt = sans.length ? opensslAltNames(sans) : undefined;
  const lines = [
    `basicConstraints = ${bc}`,
    `keyUsage = critical,${plan.keyUsage.join(',')}`,
    ...(plan.extKeyUsage.length ? [`extendedKeyUsage = ${plan.extKeyUsage.join(',')}`] : []),
    'subjectKeyIdentifier = hash',
    'authorityKeyIdentifier = keyid',
    ...(alt ? [alt.line, '', ...alt.section] : []),
  ];
  return lines.join('\n') + '\n';
}

export function equivalentCommands(plan: IssuancePlan, files: EquivalentFiles): EquivalentCommands {
  const extfile = files.extfile ?? `${files.out.replace(/\.(crt|pem|cer)$/, '')}.ext`;
  const configFile = files.cfsslConfig ?? 'ca-config.json';
  const hours = (plan.notAfter.getTime() - plan.notBefore.getTime()) / 3_600_000;
  const days = Math.max(1, Math.round(hours / 24));
  let opensslExtfile = '';
  let opensslRefused: LocatedMessage | undefined;
  try {
    opensslExtfile = extfileOf(plan);
  } catch (e) {
    opensslRefused = errorMessage(e);
  }
  const opensslCommand = [
    'openssl x509 -req', `-in ${quote(files.csr)}`, `-CA ${quote(files.caCert)}`, `-CAkey ${quote(files.caKey)}`,
    '-CAcreateserial', `-days ${days}`, '-sha256', `-extfile ${quote(extfile)}`, `-out ${quote(files.out)}`,
  ].join(' ');
  const openssl = opensslRefused === undefined ? opensslCommand : `# no openssl command: ${render(opensslRefused)}`;
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
    opensslExtfile,
    ...(opensslRefused !== undefined ? { opensslRefused } : {}),
    cfsslSign: `cfssl sign -ca ${quote(files.caCert)} -ca-key ${quote(files.caKey)} -config ${quote(configFile)} -profile ${quote(profile)} ${quote(files.csr)} | cfssljson -bare ${quote(base)}`,
    cfsslGencert: `cfssl gencert -ca ${quote(files.caCert)} -ca-key ${quote(files.caKey)} -config ${quote(configFile)} -profile ${quote(profile)} ${quote(base + '-csr.json')} | cfssljson -bare ${quote(base)}`,
    cfsslConfig: cfsslConfigFor(profile, plan.keyUsage, plan.extKeyUsage, hours, plan.profile.isCa ? (plan.profile.pathLen !== undefined ? { pathLen: plan.profile.pathLen } : {}) : undefined),
    cfsslCsrJson: JSON.stringify(csrJson, null, 2) + '\n',
  };
}
