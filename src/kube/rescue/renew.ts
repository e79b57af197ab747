/**
 * The offline rescue of an expired kubeadm cluster, as `kubeadm certs renew` does it on the node:
 * every leaf re-issued by its own CA with the same subject, SANs, usages and public key, a new
 * random serial, notBefore 5 minutes back; kubeconfigs keep everything but the client certificate.
 * What is renewed is decided first (plan.ts); the zip carries RENEWAL-STEPS.txt (steps.ts).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { parseDocument } from 'yaml';
import { bytesEqual } from '../../core/bytes.ts';
import { buildCertificate } from '../../core/cert/build.ts';
import { EXTENDED_KEY_USAGES, type ExtKeyUsageName } from '../../core/cert/extensions.ts';
import { certificateFacts, type CertificateFacts } from '../../core/cert/read.ts';
import { randomSerialHex } from '../../core/cert/serial.ts';
import { keyAlgorithmOfSpki, keyIdentifierOf, parseSpki } from '../../core/cert/spki.ts';
import { CertbenchError } from '../../core/errors.ts';
import { decodeBase64Text } from '../../core/input/base64.ts';
import { generateKeyPair } from '../../core/keys/generate.ts';
import { keyTypeOf } from '../../core/keys/key-types.ts';
import { spkiOfPublicKey } from '../../core/keys/spki.ts';
import { toPem } from '../../core/pem.ts';
import { checkClusterKeyType, privateKeyPem } from '../cluster-pki/issue.ts';
import { formatExpiryTable, type ExpiryReport } from '../expiry.ts';
import { base64OfText } from '../yaml-out.ts';
import type { CaName, LoadedCluster } from './input.ts';
import { expiryOf, issuerOf, notBeforeAt, planRescue, type RescueOptions, type RescuePlan } from './plan.ts';
import { renewalSteps, STEPS_FILE } from './steps.ts';

export interface RenewedItem {
  name: string;
  path: string;
  oldSerial: string;
  newSerial: string;
  notAfter: Date;
  keyRotated: boolean;
}

export interface RescueResult {
  plan: RescuePlan;
  /** Every file of the copy, renewed ones replaced; unchanged ones byte-identical. */
  files: Map<string, Uint8Array>;
  renewed: RenewedItem[];
  after: ExpiryReport;
  afterTable: string;
  steps: string;
  /** The renewed layout plus RENEWAL-STEPS.txt. */
  zip: Uint8Array;
  warnings: string[];
  elapsedMs: number;
}

function extKeyUsageNames(f: CertificateFacts, where: string): ExtKeyUsageName[] {
  return f.extKeyUsage.map((e) => {
    if (!(e in EXTENDED_KEY_USAGES)) throw new CertbenchError('kube.ekuUnwritable', { usage: e }, where);
    return e as ExtKeyUsageName;
  });
}

interface Signer {
  facts: CertificateFacts;
  key: CryptoKey;
  keyIdentifier: Uint8Array;
}

async function signerOf(facts: CertificateFacts, key: CryptoKey): Promise<Signer> {
  return { facts, key, keyIdentifier: facts.subjectKeyIdentifier ?? (await keyIdentifierOf(parseSpki(facts.subjectPublicKeyInfo))) };
}

/** A new key of the same type as the certificate's. */
async function newKeyLike(f: CertificateFacts, where: string): Promise<{ spki: Uint8Array; pem: string }> {
  const alg = keyAlgorithmOfSpki(parseSpki(f.subjectPublicKeyInfo));
  const type = alg ? keyTypeOf(alg) : undefined;
  if (!type) throw new CertbenchError('kube.keyNotRenewable', undefined, where);
  const clusterType = checkClusterKeyType(type);
  const pair = await generateKeyPair(clusterType);
  return { spki: await spkiOfPublicKey(pair.publicKey), pem: await privateKeyPem(pair.privateKey, clusterType) };
}

const MODE_PRIVATE = 0o600;
const MODE_PUBLIC = 0o644;

/** The output zip: kubeadm's modes (keys and kubeconfigs 0600), dated `asOf` so the same renewal zips the same. */
function zipLayout(files: Map<string, Uint8Array>, mtime: Date): Uint8Array {
  const tree: Zippable = {};
  for (const [path, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const mode = /\.(key|conf)$/.test(path) ? MODE_PRIVATE : MODE_PUBLIC;
    tree[path] = [bytes, { mtime, os: 3, attrs: ((0o100000 | mode) << 16) >>> 0 }];
  }
  return zipSync(tree, { level: 6 });
}

/** Renews what the plan says; the CA keys come from `loadCluster`. */
export async function renewCluster(cluster: LoadedCluster, options: RescueOptions = {}): Promise<RescueResult> {
  const started = performance.now();
  const plan = await planRescue(cluster, options);
  const asOf = plan.asOf;
  const notBefore = notBeforeAt(asOf);
  const files = new Map(cluster.files);
  const renewed: RenewedItem[] = [];
  const taken = new Set<string>([...cluster.cas.map((c) => c.facts.serialHex), ...cluster.leaves.map((l) => l.facts.serialHex)]);
  const serial = () => {
    const s = randomSerialHex(taken);
    taken.add(s);
    return s;
  };
  const actionOf = (name: string) => plan.items.find((i) => i.name === name);

  const signers = new Map<CaName, Signer>();
  const renewedCaPem = new Map<CaName, { oldDer: Uint8Array; pem: string }>();
  for (const ca of cluster.cas) {
    if (!ca.key) continue;
    const item = actionOf(ca.name)!;
    if (item.action !== 'renew') {
      signers.set(ca.name, await signerOf(ca.facts, ca.key));
      continue;
    }
    const f = ca.facts;
    const newSerial = serial();
    const der = await buildCertificate(
      {
        serialHex: newSerial,
        subject: f.subject,
        issuerName: f.issuerDer,
        notBefore,
        notAfter: item.newNotAfter!,
        subjectPublicKeyInfo: f.subjectPublicKeyInfo,
        extensions: {
          basicConstraints: { ca: true, ...(f.pathLen !== undefined ? { pathLen: f.pathLen } : {}) },
          keyUsage: f.keyUsage ?? [],
          subjectKeyIdentifier: f.subjectKeyIdentifier ?? (await keyIdentifierOf(parseSpki(f.subjectPublicKeyInfo))),
          ...(f.authorityKeyIdentifier ? { authorityKeyIdentifier: f.authorityKeyIdentifier } : {}),
        },
      },
      ca.key,
    );
    const facts = certificateFacts(der, ca.certPath);
    // Existing certificates name the CA by its subject bytes: a re-encoded subject would orphan them.
    if (!bytesEqual(facts.subjectDer, f.subjectDer)) throw new CertbenchError('kube.subjectReencodes', undefined, ca.certPath);
    const pem = toPem('CERTIFICATE', der);
    files.set(ca.certPath, strToU8(pem));
    renewedCaPem.set(ca.name, { oldDer: f.der, pem });
    signers.set(ca.name, await signerOf(facts, ca.key));
    renewed.push({ name: ca.name, path: ca.certPath, oldSerial: f.serialHex, newSerial, notAfter: facts.notAfter, keyRotated: false });
  }

  const reissue = async (name: string, f: CertificateFacts, where: string): Promise<{ pem: string; keyPem?: string; newSerial: string; notAfter: Date }> => {
    const item = actionOf(name)!;
    const ca = issuerOf(cluster, f)!;
    const signer = signers.get(ca.name)!;
    const fresh = options.rotateKeys ? await newKeyLike(f, where) : undefined;
    const spki = fresh?.spki ?? f.subjectPublicKeyInfo;
    const newSerial = serial();
    const der = await buildCertificate(
      {
        serialHex: newSerial,
        subject: f.subject,
        issuerName: signer.facts.subjectDer,
        notBefore,
        notAfter: item.newNotAfter!,
        subjectPublicKeyInfo: spki,
        extensions: {
          basicConstraints: { ca: false },
          keyUsage: f.keyUsage ?? [],
          extKeyUsage: extKeyUsageNames(f, where),
          subjectKeyIdentifier: fresh || !f.subjectKeyIdentifier ? await keyIdentifierOf(parseSpki(spki)) : f.subjectKeyIdentifier,
          authorityKeyIdentifier: signer.keyIdentifier,
          ...(f.subjectAltNames.length ? { subjectAltNames: f.subjectAltNames } : {}),
        },
      },
      signer.key,
    );
    return { pem: toPem('CERTIFICATE', der), ...(fresh ? { keyPem: fresh.pem } : {}), newSerial, notAfter: item.newNotAfter! };
  };

  for (const leaf of cluster.leaves) {
    if (actionOf(leaf.name)?.action !== 'renew') continue;
    const r = await reissue(leaf.name, leaf.facts, leaf.certPath);
    files.set(leaf.certPath, strToU8(r.pem));
    if (r.keyPem) files.set(leaf.keyPath, strToU8(r.keyPem));
    renewed.push({ name: leaf.name, path: leaf.certPath, oldSerial: leaf.facts.serialHex, newSerial: r.newSerial, notAfter: r.notAfter, keyRotated: !!r.keyPem });
  }

  const newCaData = renewedCaPem.size ? renewedCaPem : undefined;
  for (const kc of cluster.kubeconfigs) {
    const renewing = kc.facts && actionOf(kc.name)?.action === 'renew';
    if (!renewing && !newCaData) continue;
    const doc = parseDocument(new TextDecoder().decode(cluster.files.get(kc.path)!));
    let changed = false;
    if (renewing) {
      const r = await reissue(kc.name, kc.facts!, kc.path);
      doc.setIn(['users', kc.userIndex, 'user', 'client-certificate-data'], base64OfText(r.pem));
      if (r.keyPem) doc.setIn(['users', kc.userIndex, 'user', 'client-key-data'], base64OfText(r.keyPem));
      renewed.push({ name: kc.name, path: kc.path, oldSerial: kc.facts!.serialHex, newSerial: r.newSerial, notAfter: r.notAfter, keyRotated: !!r.keyPem });
      changed = true;
    }
    // A renewed CA's new certificate replaces its old one wherever a cluster entry embeds it.
    const clusters = (doc.toJS() as { clusters?: { cluster?: { 'certificate-authority-data'?: string } }[] }).clusters ?? [];
    clusters.forEach((c, i) => {
      const data = c.cluster?.['certificate-authority-data'];
      if (!data || !newCaData) return;
      const text = new TextDecoder().decode(decodeBase64Text(data));
      for (const { oldDer, pem } of newCaData.values()) {
        if (text.replace(/\s/g, '').includes(toPem('CERTIFICATE', oldDer).replace(/\s/g, ''))) {
          doc.setIn(['clusters', i, 'cluster', 'certificate-authority-data'], base64OfText(pem));
          changed = true;
        }
      }
    });
    if (changed) files.set(kc.path, strToU8(doc.toString({ lineWidth: 0, minContentWidth: 0 })));
  }

  const after = await expiryOf(files, asOf);
  const afterTable = formatExpiryTable(after);
  const steps = renewalSteps(plan, renewed, afterTable, options);
  const withSteps = new Map(files);
  withSteps.set(STEPS_FILE, strToU8(steps));
  return { plan, files, renewed, after, afterTable, steps, zip: zipLayout(withSteps, asOf), warnings: plan.warnings, elapsedMs: performance.now() - started };
}
