/**
 * The Kubernetes view rendered (jsdom): labelled controls, tab keyboard, findings before export,
 * refusals as visible messages. Requests and keys are made by openssl in the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import KubernetesView from '../../src/ui/kubernetes/KubernetesView.svelte';
import { KubernetesState } from '../../src/ui/kubernetes/kubernetes-state.svelte.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-k8s-view-'));
const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'n.key'), '-out', join(dir, 'n.csr'), '-subj', '/O=system:nodes/CN=system:node:worker-1', '-addext', 'subjectAltName=DNS:worker-1']);
const NODE_CSR = readFileSync(join(dir, 'n.csr'), 'utf8');

afterEach(() => cleanup());

/** Catches what the page's download helper saves (an <a download> of a Blob URL), instead of navigating jsdom. */
function catchDownloads() {
  const saved: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL, click: HTMLAnchorElement.prototype.click };
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  // jsdom has no revokeObjectURL; the helper calls it a minute later, so a no-op stays behind.
  URL.revokeObjectURL = original.revoke ?? (() => {});
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download) saved.push({ name: this.download, blob: blobs.get(this.href)! });
  };
  return {
    saved,
    bytes: async (i: number) => new Uint8Array(await saved[i]!.blob.arrayBuffer()),
    restore() {
      if (original.create) URL.createObjectURL = original.create;
      HTMLAnchorElement.prototype.click = original.click;
    },
  };
}

describe('Kubernetes view', () => {
  it('has six sections in a tablist that the arrow keys move through', async () => {
    render(KubernetesView);
    const tabs = within(screen.getByRole('tablist', { name: 'Kubernetes sections' })).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['CSR manifest', 'TLS Secret', 'kubeconfig', 'Cluster PKI', 'Expiry check', 'Renew a cluster (kubeadm)']);
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1, -1, -1, -1]);
    await fireEvent.keyDown(tabs[0]!, { key: 'ArrowLeft' });
    expect(document.activeElement?.id).toBe('k8s-tab-cluster-renew');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('k8s-tab-cluster-renew');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Renew a cluster (kubeadm)');
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement?.id).toBe('k8s-tab-expiry');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Expiry check');
    expect(screen.getByLabelText('As of (UTC date)')).toBeTruthy();
  });

  it('lists the signer-rule findings before offering the CSR manifest, and refuses legacy-unknown', async () => {
    const kube = new KubernetesState();
    render(KubernetesView, { kube });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Certificate request (PEM or DER)' }), { target: { value: NODE_CSR } });
    // A node's request naming its host: the form starts on kubelet-serving and says why; the usages are the signer's usual ones.
    expect((screen.getByLabelText('Signer (spec.signerName)') as HTMLSelectElement).value).toBe('kubernetes.io/kubelet-serving');
    expect((await screen.findByTestId('k8s-csr-suggestion')).textContent).toMatch(/^Suggested for this request: kubernetes\.io\/kubelet-serving — CN=system:node:worker-1 with server auth or DNS\/IP names is the kubelet’s serving certificate for node worker-1\.\s*$/);
    expect((await screen.findByTestId('k8s-csr-usages')).textContent).toBe('digital signature, server auth — the signer’s usual ones (the CSR asks for none)');
    expect(screen.getByTestId('k8s-csr-yaml').textContent).toContain('name: system-node-worker-1');

    // kubelet-client forbids SANs: the error is listed and the YAML is not offered.
    await fireEvent.change(screen.getByLabelText('Signer (spec.signerName)'), { target: { value: 'kubernetes.io/kube-apiserver-client-kubelet' } });
    const findings = await screen.findByTestId('k8s-csr-findings');
    expect(within(findings).getByText(/must have no subject alternative names/)).toBeTruthy();
    expect(findings.querySelector('li')?.getAttribute('data-severity')).toBe('error');
    expect(screen.queryByTestId('k8s-csr-yaml')).toBeNull();
    expect(screen.getByTestId('k8s-csr-blocked').textContent).toMatch(/would refuse this manifest/);

    // kubelet-serving needs exactly such a SAN: back on the suggestion, offered again, with its commands.
    await fireEvent.click(screen.getByRole('button', { name: 'Use kubernetes.io/kubelet-serving' }));
    expect((await screen.findByTestId('k8s-csr-yaml')).textContent).toContain('signerName: kubernetes.io/kubelet-serving');
    expect(screen.getByRole('button', { name: 'Download system-node-worker-1.yaml' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy command: kubectl certificate approve system-node-worker-1' })).toBeTruthy();

    await fireEvent.change(screen.getByLabelText('Signer (spec.signerName)'), { target: { value: 'kubernetes.io/legacy-unknown' } });
    expect((await screen.findByTestId('k8s-csr-signer-problem')).textContent).toMatch(/^Refused: kubernetes\.io\/legacy-unknown is refused by certificates\.k8s\.io\/v1/);

    await fireEvent.change(screen.getByLabelText('Signer (spec.signerName)'), { target: { value: 'custom' } });
    await fireEvent.input(screen.getByLabelText('Custom signer name'), { target: { value: 'example.com/Bad_Path' } });
    expect((await screen.findByTestId('k8s-csr-signer-problem')).textContent).toMatch(/the path part "Bad_Path" must consist of lower case letters/);
    expect(screen.getByLabelText('Custom signer name').getAttribute('aria-invalid')).toBe('true');
  });

  it('marks an invalid name and offers the one made from the CN', async () => {
    const kube = new KubernetesState();
    render(KubernetesView, { kube });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Certificate request (PEM or DER)' }), { target: { value: NODE_CSR } });
    const name = screen.getByLabelText('Name (metadata.name)');
    await fireEvent.input(name, { target: { value: 'Worker 1' } });
    expect((await screen.findByTestId('k8s-csr-name-problem')).textContent).toMatch(/"Worker 1" must consist of lower case letters/);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    await fireEvent.click(screen.getByRole('button', { name: 'Use system-node-worker-1' }));
    await waitFor(() => expect(screen.queryByTestId('k8s-csr-name-problem')).toBeNull());
    expect(kube.csr.name).toBe('system-node-worker-1');
  });

  it('says once where an empty name comes from', async () => {
    render(KubernetesView, { kube: new KubernetesState() });
    const hint = () => screen.getByText((_, el) => el?.id === 'k8s-csr-name-hint').textContent!.replace(/\s+/g, ' ').trim();
    expect(hint()).toBe('Empty: made from the request’s CN. Lower-case letters, digits, \'-\' and \'.\'.');
    await fireEvent.input(screen.getByRole('textbox', { name: 'Certificate request (PEM or DER)' }), { target: { value: NODE_CSR } });
    await waitFor(() => expect(hint()).toBe('Empty: system-node-worker-1, made from the request’s CN. Lower-case letters, digits, \'-\' and \'.\'.'));
  });

  it('a service’s serving certificate: a signer of your own, the steps, and the status patch for the certificate the CA signed', async () => {
    openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'svc.key'), '-out', join(dir, 'svc.csr'), '-subj', '/CN=web.apps.svc', '-addext', 'subjectAltName=DNS:web.apps.svc', '-addext', 'keyUsage=critical,digitalSignature', '-addext', 'extendedKeyUsage=serverAuth']);
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'own.key'), '-out', join(dir, 'own.crt'), '-days', '5', '-subj', '/CN=own-ca']);
    const signed = openssl(['x509', '-req', '-in', join(dir, 'svc.csr'), '-CA', join(dir, 'own.crt'), '-CAkey', join(dir, 'own.key'), '-CAcreateserial', '-days', '5', '-copy_extensions', 'copy']);
    render(KubernetesView, { kube: new KubernetesState() });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Certificate request (PEM or DER)' }), { target: { value: readFileSync(join(dir, 'svc.csr'), 'utf8') } });
    expect((await screen.findByTestId('k8s-csr-suggestion')).textContent).toMatch(/no built-in signer issues those/);
    expect((screen.getByLabelText('Custom signer name') as HTMLInputElement).value).toBe('example.com/serving');
    const self = await screen.findByTestId('k8s-csr-self');
    const commands = within(screen.getByTestId('k8s-csr-commands')).getAllByRole('listitem').map((li) => li.querySelector('code')!.textContent);
    expect(commands[1]).toBe('kubectl certificate approve web.apps.svc');
    expect(commands.some((c) => c!.includes('kubectl replace --raw /apis/certificates.k8s.io/v1/certificatesigningrequests/web.apps.svc/status -f -'))).toBe(true);
    expect(within(self).getByRole('button', { name: 'Sign this request with a CA…' })).toBeTruthy();

    await fireEvent.input(within(self).getByRole('textbox', { name: 'Signed certificate (for .status.certificate)' }), { target: { value: signed } });
    const patch = JSON.parse((await screen.findByTestId('k8s-csr-status')).textContent!);
    expect(Buffer.from(patch.status.certificate, 'base64').toString()).toBe(signed);
    expect(screen.getByRole('button', { name: 'Download web.apps.svc-status.json' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy command: kubectl patch csr web.apps.svc --subresource=status --type=merge --patch-file web.apps.svc-status.json' })).toBeTruthy();

    await fireEvent.input(within(self).getByRole('textbox', { name: 'Signed certificate (for .status.certificate)' }), { target: { value: readFileSync(join(dir, 'own.crt'), 'utf8') } });
    expect((await screen.findByTestId('k8s-csr-status-blocked')).textContent).toMatch(/^Not offered yet/);
    expect(within(screen.getByTestId('k8s-csr-status-findings')).getByText(/was not signed for this request/)).toBeTruthy();
  });

  it('marks the Secret name only once the person typed there', async () => {
    const kube = new KubernetesState();
    kube.section = 'secret';
    render(KubernetesView, { kube });
    const name = screen.getByLabelText('Secret name');
    expect(name.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByTestId('k8s-secret-name-problem')).toBeNull();
    await fireEvent.input(name, { target: { value: 'Bad_Name' } });
    expect((await screen.findByTestId('k8s-secret-name-problem')).textContent).toMatch(/"Bad_Name" must consist of lower case letters/);
    await fireEvent.input(name, { target: { value: '' } });
    expect((await screen.findByTestId('k8s-secret-name-problem')).textContent).toBe('enter a name for the Secret');
    expect(name.getAttribute('aria-invalid')).toBe('true');
  });

  it('“try it” uses the kubeconfig’s download name', async () => {
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'kc-ca.key'), '-out', join(dir, 'kc-ca.crt'), '-days', '5', '-subj', '/CN=kubernetes']);
    const adminCrt = openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'admin.key'), '-days', '5', '-subj', '/O=kubeadm:cluster-admins/CN=admin', '-addext', 'extendedKeyUsage=clientAuth']);
    const kube = new KubernetesState();
    kube.section = 'kubeconfig';
    kube.kubeconfig.fill({ certificatePem: adminCrt, keyPem: readFileSync(join(dir, 'admin.key'), 'utf8'), caPem: readFileSync(join(dir, 'kc-ca.crt'), 'utf8') });
    render(KubernetesView, { kube });
    await fireEvent.input(screen.getByLabelText('API server URL'), { target: { value: 'https://10.0.0.10:6443' } });
    expect(await screen.findByRole('button', { name: 'Download admin.kubeconfig' }, { timeout: 5_000 })).toBeTruthy();
    const commands = within(screen.getByTestId('k8s-kc-commands')).getAllByRole('listitem').map((li) => li.querySelector('code')!.textContent);
    expect(commands).toEqual(['KUBECONFIG=./admin.kubeconfig kubectl auth whoami', 'KUBECONFIG=./admin.kubeconfig kubectl get nodes']);
  });

  it('shows the Secret refusal for a key that is not the certificate’s as an alert', async () => {
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 's.key'), '-out', join(dir, 's.crt'), '-days', '5', '-subj', '/CN=svc']);
    const kube = new KubernetesState();
    kube.section = 'secret';
    render(KubernetesView, { kube });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Certificate, then its intermediates (tls.crt)' }), { target: { value: readFileSync(join(dir, 's.crt'), 'utf8') } });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Private key (tls.key)' }), { target: { value: readFileSync(join(dir, 'n.key'), 'utf8') } });
    await fireEvent.input(screen.getByLabelText('Secret name'), { target: { value: 'svc-tls' } });
    const alert = await screen.findByRole('alert', {}, { timeout: 5_000 });
    expect(alert.textContent).toBe('Refused: tls.key: the private key does not match the certificate CN=svc: their public keys differ');
    expect(screen.queryByTestId('k8s-secret-yaml')).toBeNull();

    await fireEvent.input(screen.getByRole('textbox', { name: 'Private key (tls.key)' }), { target: { value: readFileSync(join(dir, 's.key'), 'utf8') } });
    expect((await screen.findByTestId('k8s-secret-yaml', {}, { timeout: 5_000 })).textContent).toContain('type: kubernetes.io/tls');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('k8s-secret-mount-snippet').textContent).toContain('secretName: svc-tls');
  });

  it('says when cluster PKI inputs are wrong instead of throwing', async () => {
    const kube = new KubernetesState();
    kube.section = 'cluster-pki';
    render(KubernetesView, { kube });
    await fireEvent.input(screen.getByLabelText('Service subnet'), { target: { value: '10.96.0.0/40' } });
    const downloads = catchDownloads();
    try {
      await fireEvent.click(screen.getByRole('button', { name: 'Generate and download kubeadm-pki.zip' }));
      const alert = await screen.findByTestId('k8s-pki-error');
      expect(alert.getAttribute('role')).toBe('alert');
      expect(alert.textContent).toMatch(/^serviceSubnet: \/40 leaves no room/);
      expect(downloads.saved).toEqual([]);
    } finally {
      downloads.restore();
    }
    await fireEvent.click(screen.getByLabelText('Kubernetes The Hard Way'));
    expect(screen.getByLabelText('Worker 2 internal IP')).toBeTruthy();
    await fireEvent.change(screen.getByLabelText('Workers'), { target: { value: '1' } });
    expect(screen.queryByLabelText('Worker 2 internal IP')).toBeNull();
  });

  it('one click generates the kubeadm set and saves kubeadm-pki.zip (openssl verifies it); the Expiry check’s table of it shows in place', async () => {
    const kube = new KubernetesState();
    kube.section = 'cluster-pki';
    render(KubernetesView, { kube });
    const downloads = catchDownloads();
    try {
      await fireEvent.click(screen.getByRole('button', { name: 'Generate and download kubeadm-pki.zip' }));
      const table = await screen.findByTestId('k8s-pki-expiry', {}, { timeout: 20_000 });
      expect(downloads.saved.map((d) => d.name)).toEqual(['kubeadm-pki.zip']);
      expect(downloads.saved[0]!.blob.type).toBe('application/zip');
      const zip = await downloads.bytes(0);

      const root = join(dir, 'kubeadm-pki');
      for (const [path, bytes] of Object.entries(unzipSync(zip))) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), bytes);
      }
      const p = (f: string) => join(root, 'pki', f);
      expect(openssl(['verify', '-CAfile', p('ca.crt'), '-purpose', 'sslserver', p('apiserver.crt')])).toBe(`${p('apiserver.crt')}: OK\n`);
      expect(openssl(['verify', '-CAfile', p('etcd/ca.crt'), p('etcd/server.crt')])).toBe(`${p('etcd/server.crt')}: OK\n`);

      const rows = (el: HTMLElement) => [...el.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
      const names = [...table.querySelectorAll('tbody th')].map((th) => th.textContent);
      expect(names).toEqual(expect.arrayContaining(['apiserver', 'etcd-server', 'admin.conf', 'ca', 'etcd-ca', 'front-proxy-ca']));
      expect(names.length).toBeGreaterThanOrEqual(10);
      const certs = rows(within(table).getByTestId('k8s-pki-expiry-certs'));
      const apiserver = certs.find((r) => r[0] === 'apiserver')!;
      expect(apiserver.slice(2)).toEqual(['364d', 'ca', 'no']);
      expect(certs.find((r) => r[0] === 'etcd-server')![3]).toBe('etcd-ca');

      // The same zip in the Expiry check: the same rows, named and tied to their CAs alike.
      await fireEvent.click(screen.getByRole('button', { name: 'Download kubeadm-pki.zip again' }));
      expect(downloads.saved.map((d) => d.name)).toEqual(['kubeadm-pki.zip', 'kubeadm-pki.zip']);
      expect(await downloads.bytes(1)).toEqual(zip);
      await kube.expiry.addFiles([new File([zip], 'kubeadm-pki.zip')]);
      await fireEvent.click(screen.getByRole('tab', { name: 'Expiry check' }));
      const withoutDates = (r: (string | null)[]) => [r[0], ...r.slice(2)];
      expect(rows(await screen.findByTestId('k8s-expiry-certs')).map(withoutDates)).toEqual(certs.map(withoutDates));
      expect(rows(screen.getByTestId('k8s-expiry-cas')).map(withoutDates)).toEqual(rows(within(table).getByTestId('k8s-pki-expiry-cas')).map(withoutDates));
    } finally {
      downloads.restore();
    }
  });
});
