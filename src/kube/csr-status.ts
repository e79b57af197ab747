/**
 * The last step for a signer of your own: the certificate your CA signed for a CertificateSigningRequest,
 * put into its .status.certificate. Written as a JSON merge patch for the status subresource — a patch
 * keeps the Approved condition, which a whole-object status update without it would drop (the API server
 * refuses that) — plus the self-signature check kube-apiserver makes before it stores a request.
 */
import { bytesEqual } from '../core/bytes.ts';
import { parseCertificateRequest, verifyCertificateRequest } from '../core/ca/csr.ts';
import { shellQuote } from '../core/equivalent-command.ts';
import { CertbenchError, errorMessage, msg, type LocatedMessage } from '../core/errors.ts';
import { toPem } from '../core/pem.ts';
import { csrStatusPath } from './csr-manifest.ts';
import { dns1123SubdomainProblem } from './dns-names.ts';
import { finding, type Finding } from './findings.ts';
import { kubeCertificateFacts, kubeCsrFacts } from './x509-facts.ts';
import { base64OfText } from './yaml-out.ts';

/**
 * Why kube-apiserver would refuse this request's self-signature, or undefined when it verifies: the
 * same check `certbench sign` makes (src/core/ca/csr.ts), so a broken request never reaches a cluster.
 */
export async function csrSignatureProblem(csrDer: Uint8Array): Promise<LocatedMessage | undefined> {
  try {
    await verifyCertificateRequest(parseCertificateRequest(csrDer));
    return undefined;
  } catch (e) {
    return errorMessage(e);
  }
}

export interface CsrStatusOptions {
  /** The request the certificate was signed for (DER). */
  csrDer: Uint8Array;
  /** The CertificateSigningRequest's metadata.name. */
  name: string;
  /** The signed certificate first, then any intermediates (DER each): what .status.certificate holds. */
  certificates: readonly Uint8Array[];
  /** The patch file's name, which the commands use (default `<name>-status.json`). */
  fileName?: string;
  now?: Date;
}

export interface CsrStatusResult {
  patch: { status: { certificate: string } };
  /** The patch as a file (JSON, one trailing newline). */
  json: string;
  fileName: string;
  /** Errors: the certificate was not signed for this request, or the name is not one the API server takes. */
  findings: Finding[];
  /** `kubectl patch … --subresource=status` (kubectl 1.24 and later), then the check. */
  commands: string[];
}

/** Builds the status patch; throws only when there is no certificate at all. */
export function buildCsrStatusPatch(options: CsrStatusOptions): CsrStatusResult {
  if (!options.certificates.length) throw new CertbenchError('kube.noSignedCertificate', undefined, 'status.certificate');
  const findings: Finding[] = [];
  const nameProblem = dns1123SubdomainProblem(options.name);
  if (nameProblem) findings.push(finding('error', 'metadata.name', msg('kube.badName', { value: options.name, problem: nameProblem })));
  const request = kubeCsrFacts(options.csrDer);
  const certs = options.certificates.map((der, i) => kubeCertificateFacts(der, `status.certificate › certificate ${i + 1}`));
  const leaf = certs[0]!;
  if (!bytesEqual(leaf.spki, request.spki)) {
    findings.push(finding('error', 'status.certificate', msg('kube.notForRequest', { certificate: leaf.commonName ? msg('kube.certificateCn', { cn: leaf.commonName }) : msg('kube.certificate') })));
  }
  if (leaf.isCa) findings.push(finding('warning', 'status.certificate', msg('kube.statusFirstIsCa')));
  const now = options.now ?? new Date();
  if (leaf.notAfter < now) findings.push(finding('warning', 'status.certificate', msg('kube.certificateExpired', { date: leaf.notAfter.toISOString() })));
  const pem = certs.map((c) => toPem('CERTIFICATE', c.der)).join('');
  const patch = { status: { certificate: base64OfText(pem) } };
  const fileName = options.fileName ?? `${options.name}-status.json`;
  const file = shellQuote(fileName);
  return {
    patch,
    json: `${JSON.stringify(patch, null, 2)}\n`,
    fileName,
    findings,
    commands: [
      `kubectl patch csr ${options.name} --subresource=status --type=merge --patch-file ${file}`,
      `kubectl get csr ${options.name} -o json | jq --slurpfile s ${file} '.status.certificate = $s[0].status.certificate' | kubectl replace --raw ${csrStatusPath(options.name)} -f -   # the same with kubectl before 1.24`,
      `kubectl get csr ${options.name}   # CONDITION: Approved,Issued`,
    ],
  };
}
