/**
 * `kubernetes.io/tls` Secrets: tls.crt (leaf first, then intermediates), tls.key, optional ca.crt;
 * refused when the key is not the certificate's, warned when the chain is out of order or expired.
 */
import { bytesEqual } from '../core/bytes.ts';
import { CertbenchError, msg } from '../core/errors.ts';
import { toPem } from '../core/pem.ts';
import { isChainInOrder, orderChain } from './chain.ts';
import { dns1123LabelProblem, dns1123SubdomainProblem } from './dns-names.ts';
import { finding, type Finding } from './findings.ts';
import { readKubePrivateKey } from './key-input.ts';
import { kubeCertificateFacts, type KubeCertificateFacts } from './x509-facts.ts';
import { toYaml } from './yaml-out.ts';
import { toBase64 } from '../core/bytes.ts';

export interface TlsSecretOptions {
  name: string;
  namespace?: string;
  /** tls.crt: the leaf and its intermediates (DER each), in the order given. */
  certificates: readonly Uint8Array[];
  /** tls.key: PEM text or DER, unencrypted. */
  privateKey: string | Uint8Array;
  /** ca.crt (DER each), for clients and ingress controllers that verify peers. */
  caCertificates?: readonly Uint8Array[];
  /** Put tls.crt in leaf-first order when it is not (default: keep the order given and warn). */
  reorderChain?: boolean;
  /** "Now" for the expiry check (default: the current time). */
  now?: Date;
  /** Container name in the Deployment snippet (default "app"). */
  containerName?: string;
  /** Mount path in the Deployment snippet (default "/etc/tls"). */
  mountPath?: string;
}

export interface TlsSecretManifest {
  apiVersion: 'v1';
  kind: 'Secret';
  metadata: { name: string; namespace?: string };
  type: 'kubernetes.io/tls';
  data: { 'tls.crt': string; 'tls.key': string; 'ca.crt'?: string };
}

export interface TlsSecretResult {
  manifest: TlsSecretManifest;
  yaml: string;
  fileName: string;
  findings: Finding[];
  /** `kubectl create secret tls …` (it has no flag for ca.crt: apply the YAML when one is given). */
  commands: string[];
  /** A Deployment patch mounting the Secret read-only: `kubectl patch deployment X --patch-file …`. */
  deploymentSnippet: string;
  /** The PEM files the create command reads. */
  files: { 'tls.crt': string; 'tls.key': string; 'ca.crt'?: string };
}

const pemOf = (certs: readonly KubeCertificateFacts[]) => certs.map((c) => toPem('CERTIFICATE', c.der)).join('');
const b64 = (text: string) => toBase64(new TextEncoder().encode(text));

function validityFindings(certs: readonly KubeCertificateFacts[], now: Date, field: string): Finding[] {
  const out: Finding[] = [];
  certs.forEach((c, i) => {
    const who = msg('kube.certificateN', { index: i + 1, name: c.commonName ? `CN=${c.commonName}` : msg('kube.noCn') });
    if (c.notAfter.getTime() < now.getTime()) out.push(finding('warning', field, msg('kube.chainExpired', { who, date: c.notAfter.toISOString() })));
    else if (c.notBefore.getTime() > now.getTime()) out.push(finding('warning', field, msg('kube.chainNotYetValid', { who, date: c.notBefore.toISOString() })));
  });
  return out;
}

/** The Deployment patch that mounts a Secret (YAML). */
export function secretVolumeSnippet(secretName: string, containerName = 'app', mountPath = '/etc/tls'): string {
  return toYaml({
    spec: {
      template: {
        spec: {
          containers: [{ name: containerName, volumeMounts: [{ name: 'tls', mountPath, readOnly: true }] }],
          volumes: [{ name: 'tls', secret: { secretName } }],
        },
      },
    },
  });
}

/** Builds the Secret; throws CertbenchError when the key does not belong to the certificate. */
export async function buildTlsSecret(options: TlsSecretOptions): Promise<TlsSecretResult> {
  const findings: Finding[] = [];
  const nameProblem = dns1123SubdomainProblem(options.name);
  if (nameProblem) findings.push(finding('error', 'metadata.name', msg('kube.badName', { value: options.name, problem: nameProblem })));
  if (options.namespace !== undefined) {
    const nsProblem = dns1123LabelProblem(options.namespace);
    if (nsProblem) findings.push(finding('error', 'metadata.namespace', msg('kube.badName', { value: options.namespace, problem: nsProblem })));
  }
  if (!options.certificates.length) throw new CertbenchError('kube.noServerCertificate', undefined, 'tls.crt');
  let chain = options.certificates.map((der, i) => kubeCertificateFacts(der, `tls.crt › certificate ${i + 1}`));
  const key = await readKubePrivateKey(options.privateKey, 'tls.key');

  if (!isChainInOrder(chain)) {
    const ordered = orderChain(chain);
    if (options.reorderChain) {
      chain = ordered;
      findings.push(finding('info', 'tls.crt', msg('kube.chainReordered')));
    } else {
      findings.push(finding('warning', 'tls.crt', msg('kube.chainOutOfOrder')));
    }
  }
  const leaf = chain[0]!;
  if (!bytesEqual(leaf.spki, key.spki)) {
    const other = chain.findIndex((c) => bytesEqual(c.spki, key.spki));
    const certificate = leaf.commonName ? msg('kube.certificateCn', { cn: leaf.commonName }) : msg('kube.certificate');
    if (other > 0) throw new CertbenchError('kube.keyOfOtherCertificate', { certificate, index: other + 1 }, 'tls.key');
    throw new CertbenchError('kube.keyMismatch', { certificate }, 'tls.key');
  }
  if (leaf.isCa) findings.push(finding('warning', 'tls.crt', msg('kube.tlsFirstIsCa')));
  const now = options.now ?? new Date();
  findings.push(...validityFindings(chain, now, 'tls.crt'));

  const ca = (options.caCertificates ?? []).map((der, i) => kubeCertificateFacts(der, `ca.crt › certificate ${i + 1}`));
  findings.push(...validityFindings(ca, now, 'ca.crt'));
  const files: TlsSecretResult['files'] = { 'tls.crt': pemOf(chain), 'tls.key': key.pem };
  if (ca.length) files['ca.crt'] = pemOf(ca);

  const data: TlsSecretManifest['data'] = { 'tls.crt': b64(files['tls.crt']), 'tls.key': b64(files['tls.key']) };
  if (files['ca.crt']) data['ca.crt'] = b64(files['ca.crt']);
  const metadata: TlsSecretManifest['metadata'] = { name: options.name };
  if (options.namespace) metadata.namespace = options.namespace;
  const manifest: TlsSecretManifest = { apiVersion: 'v1', kind: 'Secret', metadata, type: 'kubernetes.io/tls', data };

  const ns = options.namespace ? ` -n ${options.namespace}` : '';
  const commands = [`kubectl create secret tls ${options.name} --cert=tls.crt --key=tls.key${ns}`];
  if (ca.length) commands.push(`kubectl apply -f ${options.name}.yaml   # kubectl create secret tls has no flag for ca.crt`);
  return {
    manifest,
    yaml: toYaml(manifest),
    fileName: `${options.name}.yaml`,
    findings,
    commands,
    deploymentSnippet: secretVolumeSnippet(options.name, options.containerName, options.mountPath),
    files,
  };
}
