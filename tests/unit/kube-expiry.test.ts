import { beforeAll, describe, expect, it } from 'vitest';
import { generateKubeadmPki } from '../../src/kube/cluster-pki/kubeadm.ts';
import { zipPkiFiles } from '../../src/kube/cluster-pki/zip.ts';
import type { ClusterPki } from '../../src/kube/cluster-pki/types.ts';
import { detectFiles } from '../../src/kube/expiry-input.ts';
import { checkExpiration, expiryReportJson, formatExpiryTable, rowNameOf } from '../../src/kube/expiry.ts';
import { kubeadmDate, shortHumanDuration, tabwrite } from '../../src/kube/go-format.ts';

const enc = new TextEncoder();

describe('Go formatting as kubeadm uses it', () => {
  it('ShortHumanDuration', () => {
    expect([-5, -1, 0, 59, 60, 3599, 3600, 86399, 86400, 364 * 86400 + 86399, 365 * 86400, 3649 * 86400].map(shortHumanDuration)).toEqual([
      '<invalid>', '0s', '0s', '59s', '1m', '59m', '1h', '23h', '1d', '364d', '1y', '9y',
    ]);
  });
  it('the EXPIRES date layout', () => {
    expect(kubeadmDate(new Date('2020-12-30T23:36:59Z'))).toBe('Dec 30, 2020 23:36 UTC');
    expect(kubeadmDate(new Date('2026-03-01T04:05:00Z'))).toBe('Mar 01, 2026 04:05 UTC');
  });
  it('tabwriter pads each block to its widest cell + 3, at least 10', () => {
    expect(tabwrite(['a\tbb\tlast', 'ccc\td\tx', '', 'h\tz'])).toBe('a         bb        last\nccc       d         x\n\nh         z\n');
  });
  it('names rows as kubeadm does', () => {
    expect(rowNameOf('pki/etcd/server.crt › block 1 (CERTIFICATE)')).toBe('etcd-server');
    expect(rowNameOf('etc/kubernetes/pki/etcd/ca.crt')).toBe('etcd-ca');
    expect(rowNameOf('admin.conf › kubeconfig › user kubernetes-admin › client-certificate-data')).toBe('admin.conf');
    expect(rowNameOf('tls.yaml › Secret web › data.tls.crt')).toBe('tls.yaml › Secret web');
    expect(rowNameOf('kubernetes.pem › block 1 (CERTIFICATE)')).toBe('kubernetes');
  });
});

describe('expiry table of a kubeadm PKI zip, at fixed dates', () => {
  let pki: ClusterPki;
  let zip: Uint8Array;
  beforeAll(async () => {
    pki = await generateKubeadmPki({ nodeName: 'cp', notBefore: new Date('2025-03-01T12:00:00Z') });
    zip = zipPkiFiles(pki.files);
  });

  it('reads like `kubeadm certs check-expiration` one day after init', async () => {
    const found = detectFiles([{ name: 'pki.zip', bytes: zip }]);
    expect(found.problems).toEqual([]);
    const report = await checkExpiration(found.objects, { asOf: new Date('2025-03-02T12:00:00Z') });
    expect(formatExpiryTable(report)).toBe(
      [
        'CERTIFICATE                EXPIRES                  RESIDUAL TIME   CERTIFICATE AUTHORITY   EXTERNALLY MANAGED',
        'admin.conf                 Mar 01, 2026 12:00 UTC   364d            ca                      no      ',
        'apiserver                  Mar 01, 2026 12:00 UTC   364d            ca                      no      ',
        'apiserver-etcd-client      Mar 01, 2026 12:00 UTC   364d            etcd-ca                 no      ',
        'apiserver-kubelet-client   Mar 01, 2026 12:00 UTC   364d            ca                      no      ',
        'controller-manager.conf    Mar 01, 2026 12:00 UTC   364d            ca                      no      ',
        'etcd-healthcheck-client    Mar 01, 2026 12:00 UTC   364d            etcd-ca                 no      ',
        'etcd-peer                  Mar 01, 2026 12:00 UTC   364d            etcd-ca                 no      ',
        'etcd-server                Mar 01, 2026 12:00 UTC   364d            etcd-ca                 no      ',
        'front-proxy-client         Mar 01, 2026 12:00 UTC   364d            front-proxy-ca          no      ',
        'kubelet.conf               Mar 01, 2026 12:00 UTC   364d            ca                      no      ',
        'scheduler.conf             Mar 01, 2026 12:00 UTC   364d            ca                      no      ',
        'super-admin.conf           Mar 01, 2026 12:00 UTC   364d            ca                      no      ',
        '',
        'CERTIFICATE AUTHORITY   EXPIRES                  RESIDUAL TIME   EXTERNALLY MANAGED',
        'ca                      Feb 27, 2035 12:00 UTC   9y              no      ',
        'etcd-ca                 Feb 27, 2035 12:00 UTC   9y              no      ',
        'front-proxy-ca          Feb 27, 2035 12:00 UTC   9y              no      ',
        '',
      ].join('\n'),
    );
  });

  it('counts down and marks expiry', async () => {
    const { objects } = detectFiles([{ name: 'pki.zip', bytes: zip }]);
    const late = await checkExpiration(objects, { asOf: new Date('2026-02-28T11:00:00Z') });
    expect(late.certificates.find((r) => r.name === 'apiserver')).toMatchObject({ residual: '1d', expired: false });
    const hours = await checkExpiration(objects, { asOf: new Date('2026-03-01T09:30:00Z') });
    expect(hours.certificates[0]!.residual).toBe('2h');
    const after = await checkExpiration(objects, { asOf: new Date('2026-03-02T00:00:00Z') });
    expect(after.certificates.every((r) => r.expired && r.residual === '<invalid>')).toBe(true);
    expect(after.certificateAuthorities.every((r) => !r.expired && r.residual === '8y')).toBe(true);
  });

  it('says "yes" under EXTERNALLY MANAGED when a CA key is absent', async () => {
    const files = pki.files.filter((f) => f.path !== 'pki/etcd/ca.key').map((f) => ({ name: f.path, bytes: enc.encode(f.contents) }));
    const report = await checkExpiration(detectFiles(files).objects, { asOf: new Date('2025-03-02T12:00:00Z') });
    const managed = Object.fromEntries([...report.certificates, ...report.certificateAuthorities].map((r) => [r.name, r.externallyManaged]));
    expect(managed).toMatchObject({ 'etcd-ca': true, 'etcd-server': true, 'apiserver-etcd-client': true, ca: false, apiserver: false, 'front-proxy-ca': false });
  });

  it('names pasted certificates by their CN, keeping where they came from', async () => {
    const text = ['pki/apiserver.crt', 'pki/apiserver-kubelet-client.crt', 'pki/ca.crt'].map((path) => pki.files.find((f) => f.path === path)!.contents).join('');
    const objects = detectFiles([{ name: 'pasted text', bytes: enc.encode(text) }]).objects;
    const asOf = new Date('2025-03-02T12:00:00Z');
    const byFile = await checkExpiration(objects, { asOf });
    expect(byFile.certificates.map((r) => r.name)).toEqual(['pasted text', 'pasted text (2)']);
    const report = await checkExpiration(objects, { asOf, pastedInputs: ['pasted text'] });
    expect(report.certificates.map((r) => [r.name, r.certificateAuthority, r.namedByCn])).toEqual([
      ['kube-apiserver', 'kubernetes', true],
      ['kube-apiserver-kubelet-client', 'kubernetes', true],
    ]);
    expect(report.certificates.map((r) => r.origin)).toEqual(['pasted text › block 1 (CERTIFICATE)', 'pasted text › block 2 (CERTIFICATE)']);
    expect(report.certificateAuthorities.map((r) => r.name)).toEqual(['kubernetes']);
    // Files keep kubeadm's names.
    const zipped = await checkExpiration(detectFiles([{ name: 'pki.zip', bytes: zip }]).objects, { asOf, pastedInputs: ['pasted text'] });
    expect(zipped.certificates.find((r) => r.name === 'apiserver')?.namedByCn).toBeUndefined();
  });

  it('exports JSON', async () => {
    const report = await checkExpiration(detectFiles([{ name: 'pki.zip', bytes: zip }]).objects, { asOf: new Date('2025-03-02T12:00:00Z') });
    const json = JSON.parse(JSON.stringify(expiryReportJson(report)));
    expect(json.asOf).toBe('2025-03-02T12:00:00.000Z');
    expect(json.certificates.find((r: { name: string }) => r.name === 'etcd-peer')).toEqual({
      name: 'etcd-peer', origin: 'pki/etcd/peer.crt › block 1 (CERTIFICATE)', subjectCommonName: 'cp', expires: '2026-03-01T12:00:00.000Z',
      residualTimeSeconds: 364 * 86400, residualTime: '364d', expired: false, certificateAuthority: 'etcd-ca', externallyManaged: false,
    });
    expect(json.certificateAuthorities.map((r: { name: string }) => r.name)).toEqual(['ca', 'etcd-ca', 'front-proxy-ca']);
  });
});
