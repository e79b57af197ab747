/**
 * Where a serving certificate's TLS Secret most likely belongs, read from its names: a DNS SAN
 * `<service>.<namespace>.svc[.<cluster domain>]` is the Service the certificate serves, so the Secret
 * is `<service>-tls` in that namespace (the name cert-manager's examples and the ingress docs use);
 * otherwise `<CN>-tls` with no namespace.
 */
import { dns1123LabelProblem, suggestDns1123Name } from './dns-names.ts';

export interface SecretPlace {
  name: string;
  namespace?: string;
  /** The name it was read from (a DNS SAN or the CN). */
  from: string;
}

const SERVICE_NAME = /^([^.]+)\.([^.]+)\.svc(\..+)?$/;

export function secretPlaceFor(names: { dns: readonly string[]; commonName?: string }): SecretPlace | undefined {
  for (const dns of names.dns) {
    const m = SERVICE_NAME.exec(dns.toLowerCase());
    if (m && !dns1123LabelProblem(m[1]!) && !dns1123LabelProblem(m[2]!)) return { name: `${m[1]}-tls`, namespace: m[2]!, from: dns };
  }
  const from = names.commonName ?? names.dns[0];
  if (from === undefined) return undefined;
  const base = suggestDns1123Name(from, '');
  return base ? { name: `${base.slice(0, 249)}-tls`, from } : undefined;
}
