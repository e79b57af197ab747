/**
 * The signing profile a CSR asks for, so signing defaults to what the request is for instead of
 * always `server`: its requested extendedKeyUsage decides (clientAuth only → client, serverAuth only →
 * server, both → peer); a request without one is read from its names (hosts → server, a Kubernetes
 * or other user identity → client). The reason says exactly what was read.
 */
import { EXTENDED_KEY_USAGES } from '../cert/extensions.ts';
import { formatSubjectAltName } from '../cert/general-names.ts';
import { commonNameOf, formatDistinguishedName } from '../cert/name.ts';
import { extKeyUsageName } from '../cert/read.ts';
import { visibleText } from '../text/visible.ts';
import type { CertificateRequest } from './csr.ts';

export type RequestProfileName = 'server' | 'client' | 'peer';

/**
 * Which rule decided: the requested EKU; else DNS/IP SANs (`hosts`); else a Kubernetes user or group
 * in the subject (`kubernetes-identity`); else a CN that looks like a host name (`host-cn`); else a
 * user's name (`user-name`: a CN that is no host name, an email or URI SAN); else `nothing`.
 */
export type ProfileRule = 'eku' | 'hosts' | 'kubernetes-identity' | 'host-cn' | 'user-name' | 'nothing';

export interface ProfileForRequest {
  profile: RequestProfileName;
  rule: ProfileRule;
  /** The extended key usages requested, by name where known (serverAuth, …) else OID; undefined when none is requested. */
  requestedExtKeyUsage?: string[];
  /** What the rule read: the host SANs, the subject attribute, the CN or SAN (as shown to people). */
  evidence: string[];
  /** The same in English, for the CLI: "the CSR requests extended key usage clientAuth only". */
  reason: string;
}

const OID_ANY_EXTENDED_KEY_USAGE = '2.5.29.37.0';
const HOST_NAME = /^(\*\.)?([A-Za-z0-9-]+\.)+[A-Za-z0-9-]+$|^localhost$/i;

/** The profile and rule the names of a request without a deciding EKU point to. */
function fromNames(request: Pick<CertificateRequest, 'subject' | 'subjectAltNames'>): Omit<ProfileForRequest, 'requestedExtKeyUsage' | 'reason'> & { words: string } {
  const hosts = request.subjectAltNames.filter((n) => n.type === 'dns' || n.type === 'ip');
  if (hosts.length) {
    const evidence = hosts.map(formatSubjectAltName);
    return { profile: 'server', rule: 'hosts', evidence, words: `it names hosts (${evidence.join(', ')})` };
  }
  const k8s = request.subject.find((a) => (a.type === '2.5.4.3' || a.type === '2.5.4.10') && a.value.startsWith('system:'));
  if (k8s) {
    const evidence = [formatDistinguishedName([k8s])];
    return { profile: 'client', rule: 'kubernetes-identity', evidence, words: `it names no host, and its subject's ${evidence[0]} is a Kubernetes user or group` };
  }
  const cn = commonNameOf(request.subject);
  if (cn !== undefined && HOST_NAME.test(cn)) {
    const evidence = [visibleText(cn)];
    return { profile: 'server', rule: 'host-cn', evidence, words: `it has no DNS or IP SAN, but its CN ${evidence[0]} looks like a host name` };
  }
  const user = cn !== undefined ? `CN = ${visibleText(cn)}` : request.subjectAltNames.filter((n) => n.type === 'email' || n.type === 'uri').map(formatSubjectAltName)[0];
  if (user !== undefined) {
    return { profile: 'client', rule: 'user-name', evidence: [user], words: `it names no host, and its ${user} is a user's name, not a host name` };
  }
  return { profile: 'server', rule: 'nothing', evidence: [], words: 'it names neither a host nor a user, so the usual default' };
}

/** The profile to sign `request` with by default, and why. */
export function profileForRequest(request: Pick<CertificateRequest, 'subject' | 'subjectAltNames' | 'requestedUsage'>): ProfileForRequest {
  const oids = request.requestedUsage.extKeyUsageOids;
  if (oids) {
    const names = oids.map((o) => (o === OID_ANY_EXTENDED_KEY_USAGE ? 'anyExtendedKeyUsage' : extKeyUsageName(o)));
    const asked = `the CSR requests extended key usage ${names.length ? names.join(', ') : '(an empty list)'}`;
    const any = oids.includes(OID_ANY_EXTENDED_KEY_USAGE);
    const server = any || oids.includes(EXTENDED_KEY_USAGES.serverAuth);
    const client = any || oids.includes(EXTENDED_KEY_USAGES.clientAuth);
    const eku = { rule: 'eku' as const, requestedExtKeyUsage: names, evidence: names };
    if (server && client) return { ...eku, profile: 'peer', reason: `${asked}: ${any ? 'any purpose' : 'serverAuth and clientAuth'}, so both ends of a TLS connection` };
    if (server) return { ...eku, profile: 'server', reason: `${asked}: serverAuth without clientAuth` };
    if (client) return { ...eku, profile: 'client', reason: `${asked}: clientAuth without serverAuth` };
    const { words, ...rest } = fromNames(request);
    return { ...rest, requestedExtKeyUsage: names, reason: `${asked}, neither serverAuth nor clientAuth; ${words}` };
  }
  const { words, ...rest } = fromNames(request);
  return { ...rest, reason: `the CSR requests no extended key usage; ${words}` };
}
