/**
 * A copy of a kubeadm node's /etc/kubernetes, given as files (a dropped folder), a .zip or a
 * .tar.gz: normalised to paths relative to /etc/kubernetes, kubeadm's files identified, the CA keys
 * loaded (and checked against their certificates), what is missing named.
 */
import { parseDocument } from 'yaml';
import { bytesEqual } from '../../core/bytes.ts';
import { certificateFacts, type CertificateFacts } from '../../core/cert/read.ts';
import { CertbenchError } from '../../core/errors.ts';
import { decodeBase64Lines, decodeBase64Text } from '../../core/input/base64.ts';
import { findPemBlocks } from '../../core/input/pem.ts';
import { importPrivateKey } from '../../core/keys/import.ts';
import { isZip, unzipFiles } from '../cluster-pki/zip.ts';
import { gunzip, isGzip, isTar, untar } from './tar.ts';

export type CaName = 'ca' | 'front-proxy-ca' | 'etcd-ca';

/** kubeadm's three CAs: row name → file base under /etc/kubernetes. */
export const KUBEADM_CAS: Record<CaName, string> = { ca: 'pki/ca', 'front-proxy-ca': 'pki/front-proxy-ca', 'etcd-ca': 'pki/etcd/ca' };

/** kubeadm's leaf certificates (`kubeadm certs check-expiration` names) with their files and the CA that signs them. */
const KUBEADM_LEAVES: readonly { name: string; base: string; ca: CaName }[] = [
  { name: 'apiserver', base: 'pki/apiserver', ca: 'ca' },
  { name: 'apiserver-kubelet-client', base: 'pki/apiserver-kubelet-client', ca: 'ca' },
  { name: 'front-proxy-client', base: 'pki/front-proxy-client', ca: 'front-proxy-ca' },
  { name: 'etcd-server', base: 'pki/etcd/server', ca: 'etcd-ca' },
  { name: 'etcd-peer', base: 'pki/etcd/peer', ca: 'etcd-ca' },
  { name: 'etcd-healthcheck-client', base: 'pki/etcd/healthcheck-client', ca: 'etcd-ca' },
  { name: 'apiserver-etcd-client', base: 'pki/apiserver-etcd-client', ca: 'etcd-ca' },
];

/** kubeadm's kubeconfigs; kubelet.conf only when it embeds its client certificate. */
export const KUBEADM_KUBECONFIGS = ['admin.conf', 'super-admin.conf', 'controller-manager.conf', 'scheduler.conf', 'kubelet.conf'] as const;

/** Thrown when CA keys are encrypted and no (or a wrong) passphrase was given: the UI and CLI ask and try again. */
export class PassphraseNeededError extends CertbenchError {
  override name = 'PassphraseNeededError';
  constructor(
    /** The encrypted key files, relative to /etc/kubernetes. */
    readonly paths: string[],
    /** A passphrase was given and did not open them. */
    readonly wrong: boolean,
  ) {
    super(paths.length === 1 ? (wrong ? 'kube.passphraseWrongOne' : 'kube.passphraseNeededOne') : wrong ? 'kube.passphraseWrongMany' : 'kube.passphraseNeededMany', { paths: paths.join(', ') }, 'passphrase');
  }
}

/**
 * Where a loose file of kubeadm's name belongs (by base name). ca.* is taken as the cluster CA: the
 * etcd CA shares its name and lives in pki/etcd/, which a file picker does not open at the same time.
 */
const LOOSE_PLACES: Record<string, string> = {
  ca: 'pki/ca',
  'front-proxy-ca': 'pki/front-proxy-ca',
  ...Object.fromEntries(KUBEADM_LEAVES.map((l) => [l.base.split('/').pop()!, l.base])),
};

/** Folder prefixes a copy of /etc/kubernetes may carry: "etc/kubernetes/", "kubernetes/", "./", a backup folder's name. */
function layoutPrefix(paths: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const p of paths) {
    const at = p.lastIndexOf('pki/');
    const cut = at >= 0 && (at === 0 || p[at - 1] === '/') ? at : /(^|\/)[^/]+\.conf$/.test(p) ? p.lastIndexOf('/') + 1 : -1;
    if (cut < 0) continue;
    let prefix = p.slice(0, cut);
    // pki/etcd/… also has "pki/" once only; a path like x/pki/pki/… is not kubeadm's.
    if (prefix.endsWith('pki/')) continue;
    prefix = prefix.replace(/^\.\//, '');
    counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  let best = '';
  let most = 0;
  for (const [prefix, n] of counts) if (n > most || (n === most && prefix.length < best.length)) [best, most] = [prefix, n];
  return best;
}

/**
 * The files of an input as paths relative to /etc/kubernetes. `inputs`: one archive (.zip, .tar.gz, .tar)
 * or many files with their relative paths (a folder as `webkitRelativePath` or a directory walk gives them).
 */
export function readClusterFiles(inputs: readonly { path: string; bytes: Uint8Array }[]): Map<string, Uint8Array> {
  const raw = new Map<string, Uint8Array>();
  for (const input of inputs) {
    const path = input.path.replace(/\\/g, '/');
    if (isZip(input.bytes)) {
      for (const [p, b] of unzipFiles(input.bytes, path)) raw.set(p, b);
    } else if (isGzip(input.bytes) || isTar(input.bytes)) {
      const tar = isGzip(input.bytes) ? gunzip(input.bytes, path) : input.bytes;
      if (!isTar(tar)) throw new CertbenchError('kube.gzipNoTar', undefined, path);
      for (const [p, b] of untar(tar, path)) raw.set(p, b);
    } else raw.set(path, input.bytes);
  }
  const normalised = new Map<string, Uint8Array>();
  for (const [p, b] of raw) normalised.set(p.replace(/^\/+/, '').replace(/^(\.\/)+/, ''), b);
  // Files picked one by one come without their folders: put kubeadm's names where kubeadm keeps them.
  if ([...normalised.keys()].every((p) => !p.includes('/'))) {
    const placed = new Map<string, Uint8Array>();
    for (const [p, b] of normalised) {
      const target = LOOSE_PLACES[p.replace(/\.(crt|key)$/, '')] ;
      const path = p.endsWith('.conf') ? p : target && /\.(crt|key|pub)$/.test(p) ? `${target}${p.slice(p.lastIndexOf('.'))}` : p === 'sa.key' || p === 'sa.pub' ? `pki/${p}` : p;
      if (!placed.has(path)) placed.set(path, b);
    }
    return placed;
  }
  const prefix = layoutPrefix([...normalised.keys()]);
  const out = new Map<string, Uint8Array>();
  for (const [p, b] of normalised) if (p.startsWith(prefix)) out.set(p.slice(prefix.length), b);
  return out;
}

/** What a missing file means, as a code a UI words in its own language (with `name`, the row it concerns). */
type MissingCode = 'ca-cert' | 'ca-key' | 'leaf' | 'leaf-key' | 'sa' | 'kubeconfig';

export interface LoadedCa {
  name: CaName;
  certPath: string;
  keyPath: string;
  facts: CertificateFacts;
  /** Absent: the CA is externally managed (its key is not in the copy). */
  key?: CryptoKey;
}

interface LoadedLeaf {
  name: string;
  certPath: string;
  keyPath: string;
  facts: CertificateFacts;
  /** The CA kubeadm signs it with. */
  ca: CaName;
}

interface LoadedKubeconfig {
  name: string;
  path: string;
  /** The embedded client certificate; absent when the user points to a file (kubelet.conf with client rotation). */
  facts?: CertificateFacts;
  /** Where the client certificate lives instead, when not embedded. */
  certificateFile?: string;
  /** Index of the current context's user in `users`. */
  userIndex: number;
  server?: string;
}

export interface LoadedCluster {
  files: Map<string, Uint8Array>;
  cas: LoadedCa[];
  leaves: LoadedLeaf[];
  kubeconfigs: LoadedKubeconfig[];
  /** Expected kubeadm files that are not in the copy, each with what follows from it. */
  missing: { path: string; consequence: string; code: MissingCode; name: string }[];
  /** Files in the copy that are not kubeadm's: carried over as they are. */
  other: string[];
}

const CA_OF_EXTERNAL = 'externally managed: leaves it signs cannot be renewed here (kubeadm says the same of an external CA)';

function parseCertificate(bytes: Uint8Array, path: string): CertificateFacts {
  const text = new TextDecoder().decode(bytes);
  const block = findPemBlocks(text).find((b) => b.label === 'CERTIFICATE');
  const der = block ? decodeBase64Lines(block.body) : bytes[0] === 0x30 ? bytes : undefined;
  if (!der) throw new CertbenchError('kube.noCertificate', undefined, path);
  return certificateFacts(der, path);
}

const isEncryptedKey = (bytes: Uint8Array) => {
  const text = new TextDecoder().decode(bytes);
  return text.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----') || /Proc-Type:\s*4,ENCRYPTED/.test(text);
};

/** The user entry of a kubeconfig's current context (or its only user). */
function kubeconfigUser(text: string, path: string): { userIndex: number; certData?: string; certFile?: string; server?: string } {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new CertbenchError('kube.badYaml', { reason: doc.errors[0]!.message }, path);
  const obj = doc.toJS() as {
    'current-context'?: string;
    contexts?: { name: string; context?: { user?: string; cluster?: string } }[];
    users?: { name: string; user?: Record<string, unknown> }[];
    clusters?: { name: string; cluster?: { server?: string } }[];
  };
  const users = obj.users ?? [];
  const context = obj.contexts?.find((c) => c.name === obj['current-context'])?.context;
  const userIndex = context?.user !== undefined ? users.findIndex((u) => u.name === context.user) : users.length === 1 ? 0 : -1;
  if (userIndex < 0) throw new CertbenchError('kube.noUser', undefined, path);
  const user = users[userIndex]!.user ?? {};
  const cluster = obj.clusters?.find((c) => c.name === context?.cluster) ?? obj.clusters?.[0];
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { userIndex, certData: str(user['client-certificate-data']), certFile: str(user['client-certificate']), server: cluster?.cluster?.server };
}

/**
 * Identifies kubeadm's files and loads the CA keys. Throws PassphraseNeededError when CA keys are
 * encrypted and `passphrase` is absent or wrong, and CertbenchError when a CA key does not match its certificate.
 */
export async function loadCluster(files: Map<string, Uint8Array>, options: { passphrase?: string } = {}): Promise<LoadedCluster> {
  const missing: LoadedCluster['missing'] = [];
  const known = new Set<string>();
  const cas: LoadedCa[] = [];
  const encrypted: string[] = [];
  let wrong = false;
  for (const [name, base] of Object.entries(KUBEADM_CAS) as [CaName, string][]) {
    const certPath = `${base}.crt`;
    const keyPath = `${base}.key`;
    known.add(certPath).add(keyPath);
    const certBytes = files.get(certPath);
    if (!certBytes) {
      missing.push({ path: certPath, consequence: `without the ${name} certificate nothing it signs can be renewed`, code: 'ca-cert', name });
      continue;
    }
    const facts = parseCertificate(certBytes, certPath);
    const keyBytes = files.get(keyPath);
    let key: CryptoKey | undefined;
    if (!keyBytes) missing.push({ path: keyPath, consequence: `${name} is ${CA_OF_EXTERNAL}`, code: 'ca-key', name });
    else if (isEncryptedKey(keyBytes) && options.passphrase === undefined) encrypted.push(keyPath);
    else {
      let imported;
      try {
        imported = await importPrivateKey(keyBytes, { passphrase: options.passphrase });
      } catch (e) {
        if (isEncryptedKey(keyBytes)) {
          encrypted.push(keyPath);
          wrong = true;
          continue;
        }
        throw CertbenchError.wrap(e, keyPath);
      }
      const spki = new Uint8Array(await globalThis.crypto.subtle.exportKey('spki', imported.keyPair.publicKey));
      if (!bytesEqual(spki, facts.subjectPublicKeyInfo)) {
        throw new CertbenchError('kube.keyNotOfCert', { certPath }, keyPath);
      }
      key = imported.keyPair.privateKey;
    }
    cas.push({ name, certPath, keyPath, facts, ...(key ? { key } : {}) });
  }
  if (encrypted.length) throw new PassphraseNeededError(encrypted, wrong);

  const leaves: LoadedLeaf[] = [];
  for (const l of KUBEADM_LEAVES) {
    const certPath = `${l.base}.crt`;
    const keyPath = `${l.base}.key`;
    known.add(certPath).add(keyPath);
    const bytes = files.get(certPath);
    if (!bytes) {
      missing.push({ path: certPath, consequence: `${l.name} is not in the copy, so it is not renewed`, code: 'leaf', name: l.name });
      continue;
    }
    if (!files.has(keyPath)) missing.push({ path: keyPath, consequence: `${l.name}'s key is not in the copy: the renewed certificate still fits the key on the node`, code: 'leaf-key', name: l.name });
    leaves.push({ name: l.name, certPath, keyPath, facts: parseCertificate(bytes, certPath), ca: l.ca });
  }
  for (const p of ['pki/sa.key', 'pki/sa.pub']) {
    known.add(p);
    if (!files.has(p)) missing.push({ path: p, consequence: 'the service-account key pair is not a certificate and is never renewed; keep the node\'s copy', code: 'sa', name: p });
  }

  const kubeconfigs: LoadedKubeconfig[] = [];
  for (const path of KUBEADM_KUBECONFIGS) {
    known.add(path);
    const bytes = files.get(path);
    if (!bytes) {
      missing.push({ path, consequence: `${path} is not in the copy, so it is not renewed`, code: 'kubeconfig', name: path });
      continue;
    }
    const user = kubeconfigUser(new TextDecoder().decode(bytes), path);
    let facts: CertificateFacts | undefined;
    if (user.certData) {
      const pem = new TextDecoder().decode(decodeBase64Text(user.certData));
      facts = parseCertificate(new TextEncoder().encode(pem), `${path} › client-certificate-data`);
    }
    kubeconfigs.push({ name: path, path, userIndex: user.userIndex, ...(facts ? { facts } : {}), ...(user.certFile ? { certificateFile: user.certFile } : {}), ...(user.server ? { server: user.server } : {}) });
  }
  return { files, cas, leaves, kubeconfigs, missing, other: [...files.keys()].filter((p) => !known.has(p)).sort() };
}
