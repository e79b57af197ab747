import type { DetectResult } from '../types.ts';

/**
 * Finds every object in what a person pasted or dropped: PEM blocks (any number, any label,
 * text around them), DER, bare base64 (also base64 of a PEM), hex, and Kubernetes objects
 * (Secret, CertificateSigningRequest, kubeconfig, ConfigMap) as YAML or JSON.
 * Never throws: what cannot be decoded becomes an InputProblem that says what and where.
 * `sourceName` (a file name) prefixes origins when given.
 */
export function detectInput(input: string | Uint8Array, sourceName?: string): DetectResult {
  void input;
  void sourceName;
  return { objects: [], problems: [{ origin: sourceName ?? 'input', message: 'not implemented' }] };
}
