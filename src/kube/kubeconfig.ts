/**
 * kubeconfig files for client-certificate authentication, shaped as kubeadm and kubectl write
 * them: one cluster, one user, one context, current-context set, everything embedded (…-data).
 */
import { bytesEqual } from '../core/bytes.ts';
import { CertbenchError, msg, type CoreMessage } from '../core/errors.ts';
import { shellQuote } from '../core/equivalent-command.ts';
import { toPem } from '../core/pem.ts';
import { finding, type Finding } from './findings.ts';
import { readKubePrivateKey } from './key-input.ts';
import { kubeCertificateFacts } from './x509-facts.ts';
import { base64OfText, toYaml } from './yaml-out.ts';

export interface KubeconfigObject {
  apiVersion: 'v1';
  kind: 'Config';
  clusters: { cluster: { 'certificate-authority-data': string; server: string }; name: string }[];
  contexts: { context: { cluster: string; user: string; namespace?: string }; name: string }[];
  'current-context': string;
  preferences: Record<string, never>;
  users: { name: string; user: { 'client-certificate-data': string; 'client-key-data': string } }[];
}

export interface KubeconfigParts {
  clusterName: string;
  server: string;
  /** PEM of the CA certificate(s) that signed the API server's certificate. */
  caPem: string;
  userName: string;
  /** PEM of the client certificate (and any intermediates). */
  certificatePem: string;
  keyPem: string;
  /** Default `<user>@<cluster>`, as kubeadm names contexts. */
  contextName?: string;
  namespace?: string;
}

/** Why `server` cannot be a kubeconfig API server URL, or undefined when it can. */
export function serverUrlProblem(server: string): CoreMessage | undefined {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return msg('kube.serverNotUrl', { server });
  }
  if (url.protocol !== 'https:') return msg('kube.serverNotHttps', { server });
  if (!url.hostname) return msg('kube.serverNoHost', { server });
  if (url.username || url.password) return msg('kube.serverUserInfo', { server });
  if (url.search || url.hash) return msg('kube.serverQuery', { server });
  return undefined;
}

/** The kubeconfig object from PEM parts (no checks: see buildKubeconfig for those). */
export function kubeconfigObject(p: KubeconfigParts): KubeconfigObject {
  const contextName = p.contextName ?? `${p.userName}@${p.clusterName}`;
  const context: KubeconfigObject['contexts'][number]['context'] = { cluster: p.clusterName, user: p.userName };
  if (p.namespace) context.namespace = p.namespace;
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ cluster: { 'certificate-authority-data': base64OfText(p.caPem), server: p.server }, name: p.clusterName }],
    contexts: [{ context, name: contextName }],
    'current-context': contextName,
    preferences: {},
    users: [{ name: p.userName, user: { 'client-certificate-data': base64OfText(p.certificatePem), 'client-key-data': base64OfText(p.keyPem) } }],
  };
}

export interface KubeconfigOptions {
  server: string;
  /** Default "kubernetes", kubeadm's clusterName. */
  clusterName?: string;
  /** The CA certificate(s), DER. */
  caCertificates: readonly Uint8Array[];
  /** The client certificate first, then intermediates, DER. */
  certificates: readonly Uint8Array[];
  privateKey: string | Uint8Array;
  /** Default: the certificate's CN (what the API server calls the user). */
  userName?: string;
  contextName?: string;
  namespace?: string;
  now?: Date;
}

export interface KubeconfigResult {
  kubeconfig: KubeconfigObject;
  yaml: string;
  /** The identity the API server will see: user = CN, groups = every O. */
  identity: { user: string; groups: string[] };
  findings: Finding[];
  commands: string[];
}

const OID_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

/** "Try it" with the kubeconfig saved at `path` (the file actually written or downloaded). */
export function kubeconfigTryCommands(path: string): string[] {
  const env = `KUBECONFIG=${shellQuote(path)}`;
  return [`${env} kubectl auth whoami`, `${env} kubectl get nodes`];
}

/** Builds a kubeconfig; throws CertbenchError for a bad server URL or a key that is not the certificate's. */
export async function buildKubeconfig(options: KubeconfigOptions): Promise<KubeconfigResult> {
  const urlProblem = serverUrlProblem(options.server);
  if (urlProblem) throw CertbenchError.of(urlProblem, 'server');
  if (!options.certificates.length) throw new CertbenchError('kube.noClientCertificate', undefined, 'client-certificate-data');
  if (!options.caCertificates.length) throw new CertbenchError('kube.noCaCertificate', undefined, 'certificate-authority-data');
  const certs = options.certificates.map((d, i) => kubeCertificateFacts(d, `client certificate ${i + 1}`));
  const cas = options.caCertificates.map((d, i) => kubeCertificateFacts(d, `CA certificate ${i + 1}`));
  const leaf = certs[0]!;
  const key = await readKubePrivateKey(options.privateKey, 'client-key-data');
  if (!bytesEqual(leaf.spki, key.spki)) throw new CertbenchError('kube.clientKeyMismatch', undefined, 'client-key-data');

  const findings: Finding[] = [];
  const user = leaf.commonName ?? '';
  const groups = leaf.organizations;
  const identity = groups.length
    ? msg('kube.identityGroups', { user, groups: groups.map((g) => `"${g}"`).join(', ') })
    : msg('kube.identityNoGroups', { user });
  findings.push(finding('info', 'identity', identity));
  if (!user) findings.push(finding('warning', 'subject.CN', msg('kube.emptyUser')));
  if (groups.includes('system:masters')) findings.push(finding('warning', 'subject.O', msg('kube.mastersBypass')));
  if (leaf.extKeyUsage && !leaf.extKeyUsage.includes(OID_CLIENT_AUTH) && !leaf.extKeyUsage.includes('2.5.29.37.0')) {
    findings.push(finding('error', 'client-certificate-data', msg('kube.noClientAuth')));
  }
  if (!cas.some((ca) => bytesEqual(ca.subjectDer, certs[certs.length - 1]!.issuerDer) || bytesEqual(ca.subjectDer, leaf.issuerDer))) {
    findings.push(finding('info', 'certificate-authority-data', msg('kube.otherClientCa')));
  }
  const now = options.now ?? new Date();
  if (leaf.notAfter < now) findings.push(finding('warning', 'client-certificate-data', msg('kube.clientExpired', { date: leaf.notAfter.toISOString() })));

  const clusterName = options.clusterName ?? 'kubernetes';
  const userName = options.userName ?? (user || 'user');
  const kubeconfig = kubeconfigObject({
    clusterName,
    server: options.server,
    caPem: cas.map((c) => toPem('CERTIFICATE', c.der)).join(''),
    userName,
    certificatePem: certs.map((c) => toPem('CERTIFICATE', c.der)).join(''),
    keyPem: key.pem,
    contextName: options.contextName,
    namespace: options.namespace,
  });
  return {
    kubeconfig,
    yaml: toYaml(kubeconfig),
    identity: { user, groups },
    findings,
    commands: kubeconfigTryCommands('./kubeconfig'),
  };
}
