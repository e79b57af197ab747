/**
 * certificates.k8s.io/v1 CertificateSigningRequest manifests from a PKCS#10 CSR, checked against
 * the chosen signer's rules, with the kubectl commands that submit, approve and collect it.
 */
import { toPem } from '../core/pem.ts';
import { shellQuote } from '../core/equivalent-command.ts';
import { dns1123SubdomainProblem, suggestDns1123Name } from './dns-names.ts';
import { finding, type Finding } from './findings.ts';
import { checkSignerRules, defaultUsagesFor, signerNameProblem } from './signers.ts';
import { isKubeUsage, usagesOfFacts, type KubeUsage } from './usages.ts';
import { kubeCsrFacts } from './x509-facts.ts';
import { base64OfText, toYaml } from './yaml-out.ts';
import { msg } from '../core/errors.ts';

export const CSR_API_VERSION = 'certificates.k8s.io/v1';
/** The API server refuses shorter lifetimes (ValidateCertificateSigningRequest). */
export const MIN_EXPIRATION_SECONDS = 600;
const MAX_INT32 = 2 ** 31 - 1;

export interface CsrManifestOptions {
  /** The PKCS#10 request, DER. */
  csrDer: Uint8Array;
  signerName: string;
  /** metadata.name; when absent one is made from the CSR's CN. */
  name?: string;
  /** spec.usages; when absent they come from the CSR's KeyUsage/ExtendedKeyUsage, else the signer's defaults. */
  usages?: readonly string[];
  /** spec.expirationSeconds (≥ 600); a request, the signer may issue for less. */
  expirationSeconds?: number;
}

export interface CertificateSigningRequestManifest {
  apiVersion: typeof CSR_API_VERSION;
  kind: 'CertificateSigningRequest';
  metadata: { name: string };
  spec: { request: string; signerName: string; usages: KubeUsage[]; expirationSeconds?: number };
}

export interface CsrManifestResult {
  manifest: CertificateSigningRequestManifest;
  yaml: string;
  /** "<name>.yaml", the file the commands refer to. */
  fileName: string;
  /** The name made from the CN, offered when the given one is not valid (or none was given). */
  suggestedName: string;
  usages: KubeUsage[];
  /** Where the usages came from, for the person: "the CSR's extensions", "--usages", "signer defaults". */
  usagesSource: 'given' | 'csr' | 'signer-default';
  /** Errors mean the API server or the signer will refuse it: show them before offering the file. */
  findings: Finding[];
  /** kubectl apply, get, approve, and fetch the issued certificate; for a signer of your own, the steps to sign it yourself (selfSigningCommands). */
  commands: string[];
}

/** A note for a pasted CSR object whose apiVersion is gone, or undefined when it is current. */
export function csrApiVersionNote(apiVersion: unknown): Finding | undefined {
  if (apiVersion === 'certificates.k8s.io/v1beta1') {
    return finding('warning', 'apiVersion', msg('kube.csrV1beta1'));
  }
  if (apiVersion !== CSR_API_VERSION) {
    return finding('warning', 'apiVersion', msg('kube.csrApiVersion', { version: String(apiVersion), current: CSR_API_VERSION }));
  }
  return undefined;
}

/** The kubectl commands for a CSR manifest saved as `file` (default `<name>.yaml`), for a built-in signer. */
export function csrCommands(name: string, file = `${name}.yaml`): string[] {
  return [
    `kubectl apply -f ${shellQuote(file)}`,
    'kubectl get csr',
    `kubectl certificate approve ${name}`,
    `kubectl get csr ${name} -o jsonpath='{.status.certificate}' | base64 -d > ${name}.crt`,
  ];
}

/** The API path `kubectl replace --raw` writes a CSR's status to. */
export const csrStatusPath = (name: string) => `/apis/certificates.k8s.io/v1/certificatesigningrequests/${name}/status`;

/**
 * The steps for a signer of your own (no controller in the cluster signs for it): submit, approve, take
 * the request out, sign it with your CA, and put the certificate into .status.certificate — the status
 * update as the Kubernetes docs write it ("Manage TLS Certificates in a Cluster": jq, then
 * `kubectl replace --raw …/status`), which keeps the Approved condition the API server will not let
 * a status update drop.
 */
export function selfSigningCommands(name: string, file = `${name}.yaml`): string[] {
  return [
    `kubectl apply -f ${shellQuote(file)}`,
    `kubectl certificate approve ${name}`,
    `kubectl get csr ${name} -o jsonpath='{.spec.request}' | base64 -d > ${name}.csr`,
    `certbench sign --dir ./ca --csr ${name}.csr --out ${name}.crt   # or the CA area; any CA you run`,
    `kubectl get csr ${name} -o json | jq --arg c "$(base64 < ${name}.crt | tr -d '\\n')" '.status.certificate = $c' | kubectl replace --raw ${csrStatusPath(name)} -f -`,
    `kubectl get csr ${name}   # CONDITION: Approved,Issued`,
  ];
}

/** Whether the built-in controllers sign for this signer; otherwise its owner (you) signs and writes the status. */
export const isSelfSigned = (signerName: string) => !signerName.startsWith('kubernetes.io/');

function pickUsages(options: CsrManifestOptions, facts: ReturnType<typeof kubeCsrFacts>, findings: Finding[]): Pick<CsrManifestResult, 'usages' | 'usagesSource'> {
  if (options.usages?.length) {
    const usages: KubeUsage[] = [];
    for (const raw of options.usages) {
      const u = raw.trim().toLowerCase();
      if (isKubeUsage(u)) {
        if (!usages.includes(u)) usages.push(u);
      } else findings.push(finding('error', 'spec.usages', msg('kube.notUsage', { usage: raw })));
    }
    return { usages, usagesSource: 'given' };
  }
  const fromCsr = usagesOfFacts(facts);
  for (const oid of fromCsr.unmapped) {
    findings.push(finding('warning', 'spec.usages', msg('kube.ekuUnmapped', { oid })));
  }
  if (fromCsr.usages.length) return { usages: fromCsr.usages, usagesSource: 'csr' };
  const defaults = defaultUsagesFor(options.signerName, facts.keyFamily, facts);
  if (defaults) {
    const whose = isSelfSigned(options.signerName) ? msg('kube.servingCertificate') : options.signerName;
    findings.push(finding('info', 'spec.usages', msg('kube.usagesDefault', { whose, usages: defaults.join(', ') })));
    return { usages: defaults, usagesSource: 'signer-default' };
  }
  findings.push(finding('error', 'spec.usages', msg('kube.usagesNone')));
  return { usages: [], usagesSource: 'signer-default' };
}

/** Builds the manifest; never refuses to, so the UI can show it beside what is wrong with it. */
export function buildCsrManifest(options: CsrManifestOptions): CsrManifestResult {
  const facts = kubeCsrFacts(options.csrDer);
  const findings: Finding[] = [];
  const suggestedName = suggestDns1123Name(facts.commonName ?? '', 'csr');
  const name = options.name?.trim() || suggestedName;
  const nameProblem = dns1123SubdomainProblem(name);
  if (nameProblem) findings.push(finding('error', 'metadata.name', msg('kube.nameTry', { name, problem: nameProblem, suggested: suggestedName })));

  const signerProblem = signerNameProblem(options.signerName);
  if (signerProblem) findings.push(finding('error', 'spec.signerName', signerProblem));

  const { usages, usagesSource } = pickUsages(options, facts, findings);
  if (!signerProblem) findings.push(...checkSignerRules(options.signerName, facts, usages));

  const spec: CertificateSigningRequestManifest['spec'] = {
    request: base64OfText(toPem('CERTIFICATE REQUEST', options.csrDer)),
    signerName: options.signerName,
    usages,
  };
  const exp = options.expirationSeconds;
  if (exp !== undefined) {
    if (!Number.isInteger(exp) || exp < MIN_EXPIRATION_SECONDS || exp > MAX_INT32) {
      findings.push(finding('error', 'spec.expirationSeconds', msg('kube.expirationRange', { min: MIN_EXPIRATION_SECONDS, max: MAX_INT32, value: exp })));
    } else {
      spec.expirationSeconds = exp;
      findings.push(finding('info', 'spec.expirationSeconds', msg('kube.expirationRequest')));
    }
  }
  const manifest: CertificateSigningRequestManifest = { apiVersion: CSR_API_VERSION, kind: 'CertificateSigningRequest', metadata: { name }, spec };
  const commands = isSelfSigned(options.signerName) ? selfSigningCommands(name) : csrCommands(name);
  return { manifest, yaml: toYaml(manifest), fileName: `${name}.yaml`, suggestedName, usages, usagesSource, findings, commands };
}
