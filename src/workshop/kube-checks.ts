/** Checks that read Kubernetes artifacts back (YAML → base64 → PEM) and judge them with the core. */
import { parse } from 'yaml';
import { bytesEqual, fromBase64 } from '../core/bytes.ts';
import { certificatesFromPem } from '../core/ca/input.ts';
import { certificateFacts } from '../core/cert/read.ts';
import { errorMessage } from '../core/errors.ts';
import { importPrivateKey } from '../core/keys/import.ts';
import { spkiOfPublicKey } from '../core/keys/spki.ts';
import { verifyChain } from '../core/verify/index.ts';
import { csrDer } from './artifacts.ts';
import { checkOf, fail } from './steps.ts';
import { problemsOf } from './texts.ts';
import type { CheckResult } from './types.ts';

const text = (b64: unknown) => new TextDecoder().decode(fromBase64(String(b64 ?? '')));

function readYaml(yaml: string): Record<string, unknown> {
  return (parse(yaml) ?? {}) as Record<string, unknown>;
}

/** spec.request of a CSR manifest is the lab's CSR, byte for byte. */
export function manifestCarriesCsr(yaml: string, csrPem: string): CheckResult {
  try {
    const doc = readYaml(yaml) as { apiVersion?: string; spec?: { request?: string } };
    const same = bytesEqual(csrDer(text(doc.spec?.request), 'spec.request'), csrDer(csrPem, 'CSR'));
    return checkOf('manifest-request', same && doc.apiVersion === 'certificates.k8s.io/v1', 'check.manifest-request');
  } catch (e) {
    return fail('manifest-request', 'check.manifest-unreadable', { reason: errorMessage(e) });
  }
}

async function spkiOfKeyPem(pem: string): Promise<Uint8Array> {
  return spkiOfPublicKey((await importPrivateKey(pem)).keyPair.publicKey);
}

/** A kubernetes.io/tls Secret: its key is the certificate's, and tls.crt verifies against ca.crt (or the lab CA). */
export async function secretChecks(yaml: string, caDer: Uint8Array): Promise<CheckResult[]> {
  try {
    const doc = readYaml(yaml) as { type?: string; data?: Record<string, string> };
    const certs = certificatesFromPem(text(doc.data?.['tls.crt']), 'tls.crt');
    const leaf = certificateFacts(certs[0]!, 'tls.crt');
    const keySpki = await spkiOfKeyPem(text(doc.data?.['tls.key']));
    const ca = doc.data?.['ca.crt'] ? certificatesFromPem(text(doc.data['ca.crt']), 'ca.crt') : [caDer];
    const verified = await verifyChain(certs[0]!, { trusted: ca, untrusted: certs.slice(1), purpose: 'server', profile: 'rfc5280' });
    return [
      checkOf('secret-type', doc.type === 'kubernetes.io/tls', 'check.secret-type', { got: String(doc.type) }),
      checkOf('secret-key-matches', bytesEqual(keySpki, leaf.subjectPublicKeyInfo), 'check.secret-key-matches'),
      checkOf('secret-verifies', verified.ok, verified.ok ? 'check.secret-verifies' : 'check.secret-does-not-verify', { problems: problemsOf(verified.problems) }),
    ];
  } catch (e) {
    return [fail('secret-type', 'check.secret-unreadable', { reason: errorMessage(e) })];
  }
}

/** A kubeconfig: the embedded CA is the lab CA, the client certificate verifies for client auth, and the key is its key. */
export async function kubeconfigChecks(yaml: string, caDer: Uint8Array, apiserverDer: Uint8Array | undefined): Promise<CheckResult[]> {
  try {
    const doc = readYaml(yaml) as {
      clusters?: { cluster?: Record<string, string> }[];
      users?: { user?: Record<string, string> }[];
    };
    const cluster = doc.clusters?.[0]?.cluster ?? {};
    const user = doc.users?.[0]?.user ?? {};
    const embeddedCa = certificatesFromPem(text(cluster['certificate-authority-data']), 'certificate-authority-data');
    const client = certificatesFromPem(text(user['client-certificate-data']), 'client-certificate-data');
    const keySpki = await spkiOfKeyPem(text(user['client-key-data']));
    const out: CheckResult[] = [
      checkOf('kubeconfig-ca', embeddedCa.some((c) => bytesEqual(c, caDer)), 'check.kubeconfig-ca'),
      checkOf('kubeconfig-key-matches', bytesEqual(keySpki, certificateFacts(client[0]!).subjectPublicKeyInfo), 'check.kubeconfig-key-matches'),
    ];
    const clientOk = await verifyChain(client[0]!, { trusted: [caDer], purpose: 'client', profile: 'rfc5280' });
    out.push(checkOf('kubeconfig-client-verifies', clientOk.ok, clientOk.ok ? 'check.kubeconfig-client-verifies' : 'check.kubeconfig-client-fails', { problems: problemsOf(clientOk.problems) }));
    if (apiserverDer) {
      const host = new URL(cluster.server ?? '').hostname.replace(/^\[|\]$/g, '');
      const peerName = /^[0-9.]+$|:/.test(host) ? ({ kind: 'ip', value: host } as const) : ({ kind: 'dns', value: host } as const);
      const serverOk = await verifyChain(apiserverDer, { trusted: embeddedCa, purpose: 'server', profile: 'rfc5280', peerName });
      out.push(checkOf('kubeconfig-server-name', serverOk.ok, serverOk.ok ? 'check.kubeconfig-server-name' : 'check.kubeconfig-server-name-bad', { host, problems: problemsOf(serverOk.problems) }));
    }
    return out;
  } catch (e) {
    return [fail('kubeconfig-ca', 'check.kubeconfig-unreadable', { reason: errorMessage(e) })];
  }
}
