/**
 * The Kubernetes area's form state (jsdom): what each field accepts, what it refuses and says, and
 * when an export is offered — pasted input, the TLS Secret, kubeconfig, cluster PKI and expiry forms.
 * The CSR manifest form: kubernetes-csr-state.test.ts. Requests and keys are made by openssl in the test.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TlsSecretState } from '../../src/ui/kubernetes/tls-secret-state.svelte.ts';
import { KubeconfigState } from '../../src/ui/kubernetes/kubeconfig-state.svelte.ts';
import { ClusterPkiState, listOf } from '../../src/ui/kubernetes/cluster-pki-state.svelte.ts';
import { ExpiryState, parseAsOf } from '../../src/ui/kubernetes/expiry-state.svelte.ts';
import { PemSource } from '../../src/ui/kubernetes/pem-source.svelte.ts';
import { pickObjects } from '../../src/ui/kubernetes/pick-objects.ts';
import { sectionAfterKey } from '../../src/ui/kubernetes/kubernetes-state.svelte.ts';
import { takeSessionIssued } from '../../src/ui/kubernetes/from-session.ts';
import { session } from '../../src/ui/session.svelte.ts';
import { dir, makeCsr, openssl } from './kubernetes-openssl.helper.ts';

describe('pasted input', () => {
  it('keeps a text file as text and a binary one as bytes; typing drops the file', () => {
    const src = new PemSource();
    src.setBytes('a.pem', new TextEncoder().encode('-----BEGIN X-----\n'));
    expect(src.text).toBe('-----BEGIN X-----\n');
    expect(src.bytes).toBeUndefined();
    expect(src.note).toBe('from a.pem');
    src.setBytes('a.der', new Uint8Array([0x30, 0x82, 0x00, 0x01, 0x00]));
    expect(src.input).toBeInstanceOf(Uint8Array);
    expect(src.note).toBe('a.der (5 bytes, binary)');
    src.typed('  ');
    expect(src.input).toBeUndefined();
    expect(src.note).toBe('');
  });

  it('says what was found instead of the object wanted', () => {
    const cert = openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'x.key'), '-subj', '/CN=x', '-days', '1']);
    expect(pickObjects(cert, 'csr', 'csr').problem).toBe('no certificate request found: this is a certificate');
    expect(pickObjects('hello', 'csr', 'csr').problem).toMatch(/^no certificate request found: /);
    expect(pickObjects(undefined, 'csr', 'csr')).toEqual({ ders: [], problem: '' });
  });
});

describe('TLS Secret form', () => {
  const crt = join(dir, 'tls.crt');
  const key = join(dir, 'tls.key');
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', crt, '-days', '10', '-subj', '/CN=app.example.com']);

  it('says what is missing, validates name and namespace, and builds the Secret', async () => {
    const s = new TlsSecretState();
    expect(s.missing).toBe('paste or open the certificate (and its intermediates)');
    s.chain.typed(readFileSync(crt, 'utf8'));
    expect(s.missing).toBe('paste or open the private key');
    s.key.typed(readFileSync(key, 'utf8'));
    expect(s.nameProblem).toBe('enter a name for the Secret');
    s.name = 'app-tls';
    s.namespace = 'Web';
    expect(s.namespaceProblem).toMatch(/^"Web" must consist of lower case letters/);
    s.namespace = 'web';
    await s.build.now();
    expect(s.build.error).toBe('');
    expect(s.build.result?.manifest.metadata).toEqual({ name: 'app-tls', namespace: 'web' });
    expect(s.build.result?.commands[0]).toBe('kubectl create secret tls app-tls --cert=tls.crt --key=tls.key -n web');
    expect(s.exportBlocker).toBe('');
  });

  it('marks a missing name only after the person typed there or the rest is ready', () => {
    const s = new TlsSecretState();
    expect(s.nameProblem).toBe('enter a name for the Secret');
    expect(s.shownNameProblem).toBe('');
    s.nameEdited = true;
    expect(s.shownNameProblem).toBe('enter a name for the Secret');
    // Filled in one step, the name comes from the certificate (CN app.example.com, no Service SAN) until typed over;
    // emptied once the rest is ready, the missing name is marked.
    const t = new TlsSecretState();
    t.fill({ certificatePem: readFileSync(crt, 'utf8'), keyPem: readFileSync(key, 'utf8') });
    expect([t.name, t.namespace, t.placeFrom]).toEqual(['app.example.com-tls', '', 'app.example.com']);
    expect(t.shownNameProblem).toBe('');
    t.name = '';
    expect(t.shownNameProblem).toBe('enter a name for the Secret');
    t.name = 'app-tls';
    expect(t.shownNameProblem).toBe('');
  });

  it('refuses a key that is not the certificate’s with a clear message', async () => {
    const other = join(dir, 'other.key');
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', other]);
    const s = new TlsSecretState();
    s.chain.typed(readFileSync(crt, 'utf8'));
    s.key.typed(readFileSync(other, 'utf8'));
    s.name = 'app-tls';
    await s.build.now();
    expect(s.build.result).toBeUndefined();
    expect(s.build.error).toBe('tls.key: the private key does not match the certificate CN=app.example.com: their public keys differ');
    expect(s.exportBlocker).toBe('fix the problem above first');
  });

  it('refuses an encrypted key, saying how to decrypt it', async () => {
    const enc = join(dir, 'enc.key');
    openssl(['pkey', '-in', key, '-aes256', '-passout', 'pass:secret', '-out', enc]);
    const s = new TlsSecretState();
    s.chain.typed(readFileSync(crt, 'utf8'));
    s.key.typed(readFileSync(enc, 'utf8'));
    s.name = 'x';
    await s.build.now();
    expect(s.build.error).toMatch(/encrypted.*openssl pkey/);
  });
});

describe('kubeconfig form', () => {
  it('validates the server URL before building', () => {
    const s = new KubeconfigState();
    expect(s.serverProblem).toMatch(/enter the API server URL/);
    s.server = 'http://10.0.0.1:6443';
    expect(s.serverProblem).toMatch(/must use https/);
    s.server = 'https://10.0.0.1:6443';
    expect(s.serverProblem).toBe('');
    s.clusterName = ' ';
    expect(s.clusterNameProblem).not.toBe('');
  });
});

describe('filling certificate, key and CA together', () => {
  const caKey = join(dir, 'fill-ca.key');
  const caCrt = join(dir, 'fill-ca.crt');
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', caKey, '-out', caCrt, '-days', '5', '-subj', '/CN=fill-ca']);
  const caPem = readFileSync(caCrt, 'utf8');

  it('fill() sets the three fields; a part left out leaves its field as it was', () => {
    for (const s of [new KubeconfigState(), new TlsSecretState()]) {
      const fields = 'chain' in s ? { certificate: s.chain, key: s.key, ca: s.ca } : s;
      fields.key.typed('typed before');
      s.fill({ certificatePem: 'CERT', caPem });
      expect([fields.certificate.text, fields.key.text, fields.ca.text]).toEqual(['CERT', 'typed before', caPem]);
      s.fill({ certificatePem: 'C2', keyPem: 'K2', caPem: 'CA2' });
      expect([fields.certificate.text, fields.key.text, fields.ca.text]).toEqual(['C2', 'K2', 'CA2']);
    }
  });

  it('"use the certificate just issued" fills the CA the session recorded with it', async () => {
    const csrPem = makeCsr('/CN=admin', ['-addext', 'extendedKeyUsage=clientAuth']);
    const der = new Uint8Array(Buffer.from(csrPem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64'));
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    session.recordCsr({ pem: csrPem, der, commonName: 'admin', privateKey: keys.privateKey });
    try {
      session.recordIssued(der, 'LEAF', 'LEAF+CHAIN', caPem);
      const kc = new KubeconfigState();
      expect(await takeSessionIssued(kc)).toBe('');
      expect(kc.certificate.text).toBe('LEAF+CHAIN');
      expect(kc.key.text).toBe(await session.keyPem());
      expect(kc.ca.text).toBe(caPem);
      // Without a CA recorded, the CA field keeps what it had.
      session.recordIssued(der, 'LEAF', 'LEAF+CHAIN');
      const secret = new TlsSecretState();
      secret.ca.typed('mine');
      expect(await takeSessionIssued(secret)).toBe('');
      expect(secret.ca.text).toBe('mine');
    } finally {
      session.forgetCsr();
    }
  });
});

describe('cluster PKI form', () => {
  it('names the zip after the layout', () => {
    const s = new ClusterPkiState();
    expect(s.zipName).toBe('kubeadm-pki.zip');
    s.setLayout('hard-way');
    expect(s.zipName).toBe('hard-way-pki.zip');
  });

  it('resizes the worker list and switches layout defaults', () => {
    const s = new ClusterPkiState();
    s.setWorkerCount(5);
    expect(s.workers.map((w) => w.hostname)).toEqual(['worker-0', 'worker-1', 'worker-2', 'worker-3', 'worker-4']);
    expect(s.workers[4]!.internalIp).toBe('10.240.0.24');
    s.setWorkerCount(1);
    expect(s.workers).toHaveLength(1);
    s.setWorkerCount(Number.NaN);
    expect(s.workers).toHaveLength(0);
    s.setLayout('hard-way');
    expect(s.caDays).toBe('1825');
    s.caDays = '100';
    s.setLayout('kubeadm');
    expect(s.caDays).toBe('100'); // a value the person chose stays
    expect(listOf('a, b  c\nd,')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('turns bad inputs into messages, never throws', async () => {
    const s = new ClusterPkiState();
    s.leafDays = 'ten';
    await s.generate();
    expect(s.error).toBe('leaf validity: "ten" is not a whole number of days');
    s.leafDays = '365';
    s.advertiseAddress = '10.0.0';
    await s.generate();
    expect(s.error).toBe('advertiseAddress: "10.0.0" must be an IP address');
    expect(s.generating).toBe(false);
    expect(s.zip).toBeUndefined();
  });

  it('generates a hard-way PKI with progress and a zip', async () => {
    const s = new ClusterPkiState();
    s.setLayout('hard-way');
    s.setWorkerCount(1);
    s.publicAddress = '203.0.113.10';
    const seen: number[] = [];
    const stop = setInterval(() => s.progress && seen.push(s.progress.done), 1);
    const zip = await s.generate();
    clearInterval(stop);
    expect(s.error).toBe('');
    expect(s.progress).toEqual({ done: 8, total: 8, label: 'service-account' });
    expect(s.pki?.files.map((f) => f.path)).toContain('worker-0.kubeconfig');
    expect(zip).toBe(s.zip);
    expect([...s.zip!.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    // The set's expiry rows, named by file as the Expiry check names them (a kubeconfig repeating worker-0.pem counts once);
    // ca-key.pem is in the set, so the CA is not externally managed.
    const certs = s.expiryCertificates;
    expect(certs.map((r) => r.name)).toEqual(['admin', 'kube-controller-manager', 'kube-proxy', 'kube-scheduler', 'kubernetes', 'service-account', 'worker-0']);
    expect(certs.every((r) => r.certificateAuthority === 'ca' && r.externallyManaged === 'no')).toBe(true);
    expect(s.expiryAuthorities.map((r) => [r.name, r.externallyManaged])).toEqual([['ca', 'no']]);
    s.forget();
    expect(s.expiry).toBeUndefined();
  });
});

describe('expiry check', () => {
  it('reads the as-of date as midnight UTC and refuses other text', () => {
    expect(parseAsOf('2030-01-02')?.toISOString()).toBe('2030-01-02T00:00:00.000Z');
    expect(parseAsOf('02/01/2030')).toBeUndefined();
    const s = new ExpiryState();
    s.asOfText = 'soon';
    expect(s.asOfProblem).toBe('write the date as YYYY-MM-DD');
  });

  it('says when the input holds no certificate, and lists what it could not read', async () => {
    const s = new ExpiryState();
    s.text = 'not a certificate';
    await s.check();
    expect(s.report).toBeUndefined();
    expect(s.problems.length).toBeGreaterThan(0);
    expect(s.problems[0]!.origin).toBe('pasted text');
  });

  it('names pasted certificates by their CN and keeps where they came from', async () => {
    const one = openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'p1.key'), '-days', '10', '-subj', '/CN=first.example', '-addext', 'basicConstraints=critical,CA:FALSE']);
    const two = openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'p2.key'), '-days', '20', '-subj', '/CN=second.example', '-addext', 'basicConstraints=critical,CA:FALSE']);
    const s = new ExpiryState();
    s.text = one + two;
    await s.check();
    expect(s.certificates.map((r) => [r.name, r.originNote])).toEqual([
      ['first.example', 'pasted text › block 1 (CERTIFICATE)'],
      ['second.example', 'pasted text › block 2 (CERTIFICATE)'],
    ]);
  });

  it('makes a row per certificate as of the date chosen', async () => {
    const crt = join(dir, 'exp.crt');
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'exp.key'), '-out', crt, '-days', '10', '-subj', '/CN=short', '-addext', 'basicConstraints=critical,CA:FALSE']);
    const s = new ExpiryState();
    s.text = readFileSync(crt, 'utf8');
    await s.check();
    expect(s.certificates).toHaveLength(1);
    expect(s.certificates[0]).toMatchObject({ residual: expect.stringMatching(/^(9|10)d$/), expired: false, soon: true });
    const notAfter = new Date(openssl(['x509', '-in', crt, '-noout', '-enddate']).trim().replace('notAfter=', ''));
    s.asOfText = new Date(notAfter.getTime() + 2 * 86400_000).toISOString().slice(0, 10);
    await s.recompute();
    expect(s.certificates[0]).toMatchObject({ residual: '<invalid>', expired: true });
    expect(JSON.parse(s.json).asOf).toBe(`${s.asOfText}T00:00:00.000Z`);
    expect(s.tableText.split('\n')[0]).toMatch(/^CERTIFICATE\s+EXPIRES\s+RESIDUAL TIME\s+CERTIFICATE AUTHORITY\s+EXTERNALLY MANAGED$/);
  });
});

describe('section keys', () => {
  it('wraps with the arrows and jumps with Home/End', () => {
    expect(sectionAfterKey('csr', 'ArrowLeft')).toBe('cluster-renew');
    expect(sectionAfterKey('expiry', 'ArrowRight')).toBe('cluster-renew');
    expect(sectionAfterKey('cluster-renew', 'ArrowRight')).toBe('csr');
    expect(sectionAfterKey('secret', 'Home')).toBe('csr');
    expect(sectionAfterKey('secret', 'End')).toBe('cluster-renew');
    expect(sectionAfterKey('secret', 'Enter')).toBeUndefined();
  });
});
