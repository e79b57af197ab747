import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateKubeadmPki } from '../../src/kube/cluster-pki/kubeadm.ts';
import { generateHardWayPki } from '../../src/kube/cluster-pki/hard-way.ts';
import { firstServiceIp } from '../../src/kube/cluster-pki/ip-math.ts';
import { importPrivateKey } from '../../src/core/keys/import.ts';
import { unzipFiles, zipPkiFiles, textOf } from '../../src/kube/cluster-pki/zip.ts';
import type { ClusterPki } from '../../src/kube/cluster-pki/types.ts';
import { kubectl, openssl, run, tempDir, tlsHandshake, writeTree } from './kube-tls.helper.ts';

const KUBEADM_FILES = [
  'pki/ca.crt', 'pki/ca.key', 'pki/front-proxy-ca.crt', 'pki/front-proxy-ca.key', 'pki/etcd/ca.crt', 'pki/etcd/ca.key',
  'pki/apiserver.crt', 'pki/apiserver.key', 'pki/apiserver-kubelet-client.crt', 'pki/apiserver-kubelet-client.key',
  'pki/front-proxy-client.crt', 'pki/front-proxy-client.key', 'pki/etcd/server.crt', 'pki/etcd/server.key',
  'pki/etcd/peer.crt', 'pki/etcd/peer.key', 'pki/etcd/healthcheck-client.crt', 'pki/etcd/healthcheck-client.key',
  'pki/apiserver-etcd-client.crt', 'pki/apiserver-etcd-client.key', 'pki/sa.key', 'pki/sa.pub',
  'admin.conf', 'super-admin.conf', 'kubelet.conf', 'controller-manager.conf', 'scheduler.conf',
];

/** Each certificate and the CA file it must verify against. */
const SIGNED_BY: [string, string][] = [
  ['pki/ca.crt', 'pki/ca.crt'],
  ['pki/front-proxy-ca.crt', 'pki/front-proxy-ca.crt'],
  ['pki/etcd/ca.crt', 'pki/etcd/ca.crt'],
  ['pki/apiserver.crt', 'pki/ca.crt'],
  ['pki/apiserver-kubelet-client.crt', 'pki/ca.crt'],
  ['pki/front-proxy-client.crt', 'pki/front-proxy-ca.crt'],
  ['pki/etcd/server.crt', 'pki/etcd/ca.crt'],
  ['pki/etcd/peer.crt', 'pki/etcd/ca.crt'],
  ['pki/etcd/healthcheck-client.crt', 'pki/etcd/ca.crt'],
  ['pki/apiserver-etcd-client.crt', 'pki/etcd/ca.crt'],
];

const KUBECONFIGS: [string, string, string][] = [
  ['admin.conf', 'O = kubeadm:cluster-admins, CN = kubernetes-admin', 'kubernetes-admin@kubernetes'],
  ['super-admin.conf', 'O = system:masters, CN = kubernetes-super-admin', 'kubernetes-super-admin@kubernetes'],
  ['kubelet.conf', 'O = system:nodes, CN = system:node:cp-1', 'system:node:cp-1@kubernetes'],
  ['controller-manager.conf', 'CN = system:kube-controller-manager', 'system:kube-controller-manager@kubernetes'],
  ['scheduler.conf', 'CN = system:kube-scheduler', 'system:kube-scheduler@kubernetes'],
];

describe('kubeadm PKI (ECDSA P-256)', () => {
  let pki: ClusterPki;
  let dir: string;
  const progress: number[] = [];
  beforeAll(async () => {
    pki = await generateKubeadmPki({ nodeName: 'cp-1', advertiseAddress: '192.168.56.10', certSANs: ['api.example.com', '203.0.113.7'], onProgress: (p) => progress.push(p.done / p.total) });
    console.info(`kubeadm PKI with ECDSA P-256 generated in ${pki.elapsedMs.toFixed(0)} ms (Node ${process.version})`);
    dir = tempDir('kubeadm');
    writeTree(dir, pki.files);
  });
  const text = (args: string[]) => openssl(args, dir);

  it('writes exactly kubeadm\'s files', () => {
    expect(pki.files.map((f) => f.path).sort()).toEqual([...KUBEADM_FILES].sort());
  });

  it('reports progress up to 100 %', () => {
    expect(progress.length).toBe(16);
    expect(progress.at(-1)).toBe(1);
  });

  for (const [cert, ca] of SIGNED_BY) {
    it(`${cert} verifies against ${ca} (openssl verify)`, () => {
      expect(text(['verify', '-CAfile', ca, cert])).toBe(`${cert}: OK\n`);
    });
  }

  it('the CAs are CA:TRUE for 10 years, the leaves CA:FALSE for 1 year', () => {
    for (const [cert] of SIGNED_BY) {
      const out = text(['x509', '-in', cert, '-noout', '-ext', 'basicConstraints', '-startdate', '-enddate', '-dateopt', 'iso_8601']);
      const start = Date.parse(/notBefore=(.*)/.exec(out)![1]!);
      const end = Date.parse(/notAfter=(.*)/.exec(out)![1]!);
      const days = Math.round((end - start) / 86_400_000);
      if (cert.endsWith('ca.crt')) {
        expect(out).toContain('CA:TRUE');
        expect(days).toBe(3650);
      } else {
        expect(out).toContain('CA:FALSE');
        expect(days).toBe(365);
      }
    }
  });

  it('subjects and extended key usages are kubeadm\'s', () => {
    const facts = (cert: string) => text(['x509', '-in', cert, '-noout', '-subject', '-ext', 'extendedKeyUsage', '-nameopt', 'oneline']);
    expect(facts('pki/apiserver.crt')).toMatch(/subject=CN = kube-apiserver\n[\s\S]*TLS Web Server Authentication\n/);
    expect(facts('pki/apiserver-kubelet-client.crt')).toMatch(/subject=O = kubeadm:cluster-admins, CN = kube-apiserver-kubelet-client\n[\s\S]*TLS Web Client Authentication\n/);
    expect(facts('pki/front-proxy-client.crt')).toMatch(/subject=CN = front-proxy-client\n[\s\S]*TLS Web Client Authentication/);
    expect(facts('pki/etcd/server.crt')).toMatch(/subject=CN = cp-1\n[\s\S]*TLS Web Server Authentication, TLS Web Client Authentication/);
    expect(facts('pki/etcd/peer.crt')).toMatch(/subject=CN = cp-1\n[\s\S]*TLS Web Server Authentication, TLS Web Client Authentication/);
    expect(facts('pki/etcd/healthcheck-client.crt')).toMatch(/subject=CN = kube-etcd-healthcheck-client\n/);
    expect(facts('pki/apiserver-etcd-client.crt')).toMatch(/subject=CN = kube-apiserver-etcd-client\n/);
    expect(facts('pki/ca.crt')).toMatch(/subject=CN = kubernetes\n/);
    expect(facts('pki/etcd/ca.crt')).toMatch(/subject=CN = etcd-ca\n/);
  });

  it('the API server certificate carries kubeadm\'s SANs', () => {
    const out = text(['x509', '-in', 'pki/apiserver.crt', '-noout', '-ext', 'subjectAltName']);
    expect(out).toContain(
      'DNS:cp-1, DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, DNS:kubernetes.default.svc.cluster.local, DNS:api.example.com, IP Address:10.96.0.1, IP Address:192.168.56.10, IP Address:203.0.113.7',
    );
    const etcd = text(['x509', '-in', 'pki/etcd/server.crt', '-noout', '-ext', 'subjectAltName']);
    expect(etcd).toContain('DNS:cp-1, DNS:localhost, IP Address:192.168.56.10, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
  });

  it('the API server certificate passes a real TLS handshake for kubernetes.default.svc', async () => {
    const r = await tlsHandshake(dir, 'pki/apiserver.crt', 'pki/apiserver.key', 'pki/ca.crt', ['-verify_hostname', 'kubernetes.default.svc']);
    expect(r.output).toContain('Verification: OK');
    expect(r.status).toBe(0);
  });

  it('the API server certificate passes a real TLS handshake for the service IP 10.96.0.1', async () => {
    const r = await tlsHandshake(dir, 'pki/apiserver.crt', 'pki/apiserver.key', 'pki/ca.crt', ['-verify_ip', '10.96.0.1']);
    expect(r.output).toContain('Verification: OK');
    expect(r.status).toBe(0);
  });

  it('and fails the handshake for a name it does not carry', async () => {
    const r = await tlsHandshake(dir, 'pki/apiserver.crt', 'pki/apiserver.key', 'pki/ca.crt', ['-verify_hostname', 'not-kubernetes.example']);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/hostname mismatch/i);
  });

  it('sa.key and sa.pub are a matching pair', () => {
    const derived = text(['pkey', '-in', 'pki/sa.key', '-pubout']);
    expect(derived).toBe(readFileSync(join(dir, 'pki/sa.pub'), 'utf8'));
    expect(readFileSync(join(dir, 'pki/sa.key'), 'utf8')).toMatch(/^-----BEGIN EC PRIVATE KEY-----/);
  });

  it('every private key belongs to its certificate', () => {
    for (const [cert] of SIGNED_BY) {
      const key = cert.replace(/\.crt$/, '.key');
      expect(text(['pkey', '-in', key, '-pubout']), key).toBe(text(['x509', '-in', cert, '-noout', '-pubkey']));
    }
  });

  for (const [file, subject, context] of KUBECONFIGS) {
    it(`${file}: embedded client certificate ${subject}, signed by ca.crt, clientAuth`, () => {
      const kc = parse(readFileSync(join(dir, file), 'utf8'));
      expect(kc['current-context']).toBe(context);
      const user = kc.users[0].user;
      const certPem = Buffer.from(user['client-certificate-data'], 'base64').toString();
      const keyPem = Buffer.from(user['client-key-data'], 'base64').toString();
      writeTree(dir, [{ path: `${file}.crt`, contents: certPem }, { path: `${file}.key`, contents: keyPem }]);
      expect(text(['x509', '-in', `${file}.crt`, '-noout', '-subject', '-nameopt', 'oneline'])).toBe(`subject=${subject}\n`);
      expect(text(['verify', '-CAfile', 'pki/ca.crt', '-purpose', 'sslclient', `${file}.crt`])).toBe(`${file}.crt: OK\n`);
      expect(text(['pkey', '-in', `${file}.key`, '-pubout'])).toBe(text(['x509', '-in', `${file}.crt`, '-noout', '-pubkey']));
      expect(Buffer.from(kc.clusters[0].cluster['certificate-authority-data'], 'base64').toString()).toBe(readFileSync(join(dir, 'pki/ca.crt'), 'utf8'));
      expect(kc.clusters[0].cluster.server).toBe('https://192.168.56.10:6443');
    });
  }

  it('kubectl reads every kubeconfig and finds its user and cluster', () => {
    for (const [file, , context] of KUBECONFIGS) {
      const r = run(kubectl(), ['config', 'view', '--kubeconfig', join(dir, file), '--minify', '--raw', '-o', 'jsonpath={.contexts[0].name} {.users[0].name} {.clusters[0].cluster.server}'], dir);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(`${context} ${context.split('@')[0]} https://192.168.56.10:6443`);
    }
  });

  it('zips with the exact paths and reads back byte for byte', () => {
    const files = unzipFiles(zipPkiFiles(pki.files));
    expect([...files.keys()].sort()).toEqual([...KUBEADM_FILES].sort());
    for (const f of pki.files) expect(textOf(files.get(f.path)!)).toBe(f.contents);
  });
});

describe('Kubernetes The Hard Way PKI (ECDSA P-256 for speed; the guide uses RSA-2048)', () => {
  let pki: ClusterPki;
  let dir: string;
  beforeAll(async () => {
    pki = await generateHardWayPki({
      keyType: 'ec-p256',
      publicAddress: '203.0.113.50',
      workers: [0, 1].map((i) => ({ hostname: `worker-${i}`, internalIp: `10.240.0.2${i}`, externalIp: `198.51.100.${10 + i}` })),
    });
    dir = tempDir('hardway');
    writeTree(dir, pki.files);
  });
  const text = (args: string[]) => openssl(args, dir);
  const BASES = ['admin', 'worker-0', 'worker-1', 'kube-controller-manager', 'kube-proxy', 'kube-scheduler', 'kubernetes', 'service-account'];

  it('writes the guide\'s file names', () => {
    expect(pki.files.map((f) => f.path).sort()).toEqual(
      [
        'ca.pem', 'ca-key.pem', ...BASES.flatMap((b) => [`${b}.pem`, `${b}-key.pem`]),
        'worker-0.kubeconfig', 'worker-1.kubeconfig', 'kube-proxy.kubeconfig', 'kube-controller-manager.kubeconfig', 'kube-scheduler.kubeconfig', 'admin.kubeconfig',
      ].sort(),
    );
  });

  for (const base of BASES) {
    it(`${base}.pem verifies against ca.pem and matches ${base}-key.pem`, () => {
      expect(text(['verify', '-CAfile', 'ca.pem', `${base}.pem`])).toBe(`${base}.pem: OK\n`);
      expect(text(['pkey', '-in', `${base}-key.pem`, '-pubout'])).toBe(text(['x509', '-in', `${base}.pem`, '-noout', '-pubkey']));
    });
  }

  it('subjects follow the guide (admin in system:masters, kubelets in system:nodes)', () => {
    const subj = (b: string) => text(['x509', '-in', `${b}.pem`, '-noout', '-subject', '-nameopt', 'oneline']);
    expect(subj('admin')).toBe('subject=C = US, ST = Oregon, L = Portland, O = system:masters, OU = Kubernetes The Hard Way, CN = admin\n');
    expect(subj('worker-1')).toBe('subject=C = US, ST = Oregon, L = Portland, O = system:nodes, OU = Kubernetes The Hard Way, CN = system:node:worker-1\n');
    expect(subj('kube-proxy')).toMatch(/O = system:node-proxier, .*CN = system:kube-proxy\n/);
    expect(subj('service-account')).toMatch(/O = Kubernetes, .*CN = service-accounts\n/);
    const ext = text(['x509', '-in', 'worker-1.pem', '-noout', '-ext', 'subjectAltName,extendedKeyUsage']);
    expect(ext).toContain('DNS:worker-1, IP Address:198.51.100.11, IP Address:10.240.0.21\n');
    expect(ext).toContain('TLS Web Server Authentication, TLS Web Client Authentication\n');
  });

  it('the kubernetes certificate carries the guide\'s names', () => {
    expect(text(['x509', '-in', 'kubernetes.pem', '-noout', '-ext', 'subjectAltName'])).toContain(
      'DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, DNS:kubernetes.default.svc.cluster, DNS:kubernetes.svc.cluster.local, IP Address:10.32.0.1, IP Address:10.240.0.10, IP Address:10.240.0.11, IP Address:10.240.0.12, IP Address:203.0.113.50, IP Address:127.0.0.1',
    );
  });

  it('the kubernetes certificate passes a real TLS handshake for 10.32.0.1 and kubernetes.default.svc', async () => {
    for (const args of [['-verify_ip', '10.32.0.1'], ['-verify_hostname', 'kubernetes.default.svc']]) {
      const r = await tlsHandshake(dir, 'kubernetes.pem', 'kubernetes-key.pem', 'ca.pem', args);
      expect(r.output).toContain('Verification: OK');
      expect(r.status).toBe(0);
    }
  });

  it('worker kubeconfigs point at the public address, the others at 127.0.0.1', () => {
    expect(parse(readFileSync(join(dir, 'worker-0.kubeconfig'), 'utf8')).clusters[0].cluster.server).toBe('https://203.0.113.50:6443');
    const admin = parse(readFileSync(join(dir, 'admin.kubeconfig'), 'utf8'));
    expect(admin.clusters[0]).toMatchObject({ name: 'kubernetes-the-hard-way', cluster: { server: 'https://127.0.0.1:6443' } });
    expect(admin['current-context']).toBe('default');
    expect(Buffer.from(admin.users[0].user['client-certificate-data'], 'base64').toString()).toBe(readFileSync(join(dir, 'admin.pem'), 'utf8'));
  });
});

describe('cluster PKI options', () => {
  it('signs with an external CA and leaves its key out of the zip', async () => {
    const ext = await generateKubeadmPki({ nodeName: 'x' });
    const caPem = ext.files.find((f) => f.path === 'pki/ca.crt')!.contents;
    const caKeyPem = ext.files.find((f) => f.path === 'pki/ca.key')!.contents;
    const key = await importPrivateKey(caKeyPem);
    const der = new Uint8Array(Buffer.from(caPem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));
    const pki = await generateKubeadmPki({ nodeName: 'y', externalCa: { certificateDer: der, key: key.keyPair.privateKey } });
    expect(pki.files.some((f) => f.path === 'pki/ca.key')).toBe(false);
    expect(pki.files.find((f) => f.path === 'pki/ca.crt')!.contents).toBe(caPem);
    expect(pki.findings.map((f) => f.field)).toContain('ca.key');
    const dir = tempDir('extca');
    writeTree(dir, pki.files);
    expect(openssl(['verify', '-CAfile', 'pki/ca.crt', 'pki/apiserver.crt'], dir)).toBe('pki/apiserver.crt: OK\n');
  });

  it('uses RSA keys as PKCS#1 when asked (kubeadm\'s RSA-2048)', async () => {
    const pki = await generateKubeadmPki({ keyType: 'rsa2048', serviceSubnet: '10.100.0.0/16', dnsDomain: 'corp.local' });
    expect(pki.files.find((f) => f.path === 'pki/sa.key')!.contents).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    const dir = tempDir('rsa');
    writeTree(dir, pki.files);
    expect(openssl(['x509', '-in', 'pki/apiserver.crt', '-noout', '-ext', 'subjectAltName'], dir)).toContain('DNS:kubernetes.default.svc.corp.local, IP Address:10.100.0.1');
  }, 120_000);

  it('refuses what kubeadm cannot use, naming the field', async () => {
    await expect(generateKubeadmPki({ keyType: 'ed25519' as never })).rejects.toThrow(/key type: ed25519 is not a key type/);
    await expect(generateKubeadmPki({ advertiseAddress: 'cp.example' })).rejects.toThrow(/advertiseAddress: "cp.example" must be an IP address/);
    await expect(generateKubeadmPki({ serviceSubnet: '10.96.0.0' })).rejects.toThrow(/serviceSubnet/);
    await expect(generateKubeadmPki({ nodeName: 'CP_1' })).rejects.toThrow(/nodeName: "CP_1" must consist of lower case/);
  });

  it('finds the first service address of IPv4 and IPv6 ranges', () => {
    expect(firstServiceIp('10.96.0.0/12')).toBe('10.96.0.1');
    expect(firstServiceIp('10.96.5.7/12')).toBe('10.96.0.1');
    expect(firstServiceIp('10.32.0.0/24,fd00::/108')).toBe('10.32.0.1');
    expect(firstServiceIp('fd00::/108')).toBe('fd00:0:0:0:0:0:0:1');
  });
});
