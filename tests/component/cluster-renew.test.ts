/**
 * "Renew a cluster (kubeadm)" rendered (jsdom): a folder of an openssl-made /etc/kubernetes opened
 * through the webkitdirectory input, the before table and plan, a row left out, Renew → the zip saved
 * and judged by openssl; an encrypted CA key in a tar czf asks for its passphrase.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { parse } from 'yaml';
import { flushSync } from 'svelte';
import { bench } from '../../src/ui/bench/bench.svelte.ts';
import { locale } from '../../src/ui/i18n/locale.svelte.ts';
import KubernetesView from '../../src/ui/kubernetes/KubernetesView.svelte';
import { KubernetesState } from '../../src/ui/kubernetes/kubernetes-state.svelte.ts';
import { filesUnder, LEAF_FILES, makeOpensslKubeadm } from '../unit/kubeadm-openssl.helper.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-cluster-renew-'));
const openssl = (args: string[], cwd = dir) => execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
/** 400 days on, as the as-of field takes it: every leaf (365 days) has expired, the CAs have not. */
const LATER = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
const atLater = String(Math.floor(Date.parse(`${LATER}T00:00:00Z`) / 1000));

afterEach(() => {
  cleanup();
  bench.clear();
  locale.set('en');
});

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

/** Files as a webkitdirectory input hands them over: each with its path inside the chosen folder. */
function folderFiles(root: string): File[] {
  return filesUnder(root).map(({ path, bytes }) => {
    const file = new File([new Uint8Array(bytes)], path.split('/').pop()!);
    Object.defineProperty(file, 'webkitRelativePath', { value: path });
    return file;
  });
}

/**
 * What Chromium's drop of a folder hands over: DataTransfer items whose webkitGetAsEntry() is a directory
 * entry, read in batches of three (a real reader stops at 100) until an empty batch.
 */
function droppedFolder(root: string): DataTransfer {
  const files = filesUnder(root);
  const entryAt = (fullPath: string): FileSystemEntry => {
    const file = files.find((f) => `/${f.path}` === fullPath);
    if (file) return { isFile: true, isDirectory: false, fullPath, file: (ok: (f: File) => void) => ok(new File([new Uint8Array(file.bytes)], fullPath.split('/').pop()!)) } as unknown as FileSystemEntry;
    const children = [...new Set(files.filter((f) => `/${f.path}`.startsWith(`${fullPath}/`)).map((f) => `${fullPath}/${`/${f.path}`.slice(fullPath.length + 1).split('/')[0]}`))];
    return {
      isFile: false, isDirectory: true, fullPath,
      createReader: () => {
        let next = 0;
        return { readEntries: (ok: (e: FileSystemEntry[]) => void) => ok(children.slice(next, (next += 3)).map(entryAt)) };
      },
    } as unknown as FileSystemEntry;
  };
  const top = `/${files[0]!.path.split('/')[0]}`;
  return { items: [{ kind: 'file', webkitGetAsEntry: () => entryAt(top) }], files: [] } as unknown as DataTransfer;
}

const planRow = (name: string) => screen.getByTestId('k8s-renew-plan').querySelector<HTMLTableRowElement>(`tr[data-name="${name}"]`)!;
const tableRows = (testId: string) => [...screen.getByTestId(testId).querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));

describe('Renew a cluster (kubeadm)', () => {
  it('a folder in, the plan, one row left out, Renew saves a zip openssl accepts; the after table and the steps show', async () => {
    const etc = join(dir, 'folder/kubernetes');
    makeOpensslKubeadm(etc);
    const kube = new KubernetesState();
    kube.section = 'cluster-renew';
    render(KubernetesView, { kube });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Renew a cluster (kubeadm)');

    await fireEvent.change(screen.getByLabelText('Open the copy of /etc/kubernetes as a folder'), { target: { files: folderFiles(etc) } });
    await screen.findByTestId('k8s-renew-plan', {}, { timeout: 20_000 });
    expect(screen.getByTestId('k8s-renew-input').textContent).toMatch(/^Copy: \d+ files$/);
    expect(planRow('kubelet.conf').dataset.action).toBe('self-renews');
    expect(planRow('ca').dataset.action).toBe('keep');

    await fireEvent.input(screen.getByLabelText('As of (UTC date)'), { target: { value: LATER } });
    await fireEvent.change(screen.getByLabelText('As of (UTC date)'));
    await waitFor(() => expect(tableRows('k8s-renew-before-certs').find((r) => r[0] === 'apiserver')![2]).toBe('<invalid> (expired)'));
    expect(planRow('apiserver').dataset.action).toBe('renew');
    expect(within(planRow('apiserver')).getByRole('checkbox', { name: 'Renew apiserver' })).toHaveProperty('checked', true);
    await fireEvent.click(within(planRow('scheduler.conf')).getByRole('checkbox', { name: 'Renew scheduler.conf' }));

    const downloads = catchDownloads();
    try {
      await fireEvent.click(screen.getByRole('button', { name: 'Renew and download kubernetes-renewed.zip' }));
      const result = await screen.findByTestId('k8s-renew-result', {}, { timeout: 20_000 });
      expect(within(result).getByRole('heading', { level: 3 }).textContent).toMatch(/^10 renewed in \d+ ms$/);
      expect(downloads.saved.map((d) => d.name)).toEqual(['kubernetes-renewed.zip']);
      const zip = await downloads.bytes(0);

      const out = join(dir, 'folder-renewed');
      for (const [path, bytes] of Object.entries(unzipSync(zip))) {
        mkdirSync(dirname(join(out, path)), { recursive: true });
        writeFileSync(join(out, path), bytes);
      }
      for (const f of ['pki/ca.crt', 'pki/etcd/ca.key', 'pki/sa.pub', 'scheduler.conf', 'kubelet.conf']) {
        expect(readFileSync(join(out, f)).equals(readFileSync(join(etc, f))), f).toBe(true);
      }
      for (const l of LEAF_FILES) {
        const crt = `${l.base}.crt`;
        expect(openssl(['x509', '-in', crt, '-noout', '-pubkey'], out), crt).toBe(openssl(['x509', '-in', crt, '-noout', '-pubkey'], etc));
        expect(openssl(['x509', '-in', crt, '-noout', '-serial'], out), crt).not.toBe(openssl(['x509', '-in', crt, '-noout', '-serial'], etc));
        expect(openssl(['verify', '-attime', atLater, '-CAfile', join(etc, `${l.ca}.crt`), crt], out), crt).toBe(`${crt}: OK\n`);
      }
      const admin = parse(readFileSync(join(out, 'admin.conf'), 'utf8'));
      const adminBefore = parse(readFileSync(join(etc, 'admin.conf'), 'utf8'));
      expect(admin.clusters[0].cluster.server).toBe(adminBefore.clusters[0].cluster.server);
      expect(admin.users[0].user['client-key-data']).toBe(adminBefore.users[0].user['client-key-data']);
      writeFileSync(join(out, 'admin.crt'), Buffer.from(admin.users[0].user['client-certificate-data'], 'base64'));
      expect(openssl(['verify', '-attime', atLater, '-CAfile', join(etc, 'pki/ca.crt'), 'admin.crt'], out)).toBe('admin.crt: OK\n');

      const after = tableRows('k8s-renew-after-certs');
      expect(after.find((r) => r[0] === 'apiserver')![2]).toBe('364d');
      expect(after.find((r) => r[0] === 'scheduler.conf')![2]).toBe('<invalid> (expired)');
      expect(screen.getByTestId('k8s-renew-steps').textContent).toContain('mv /etc/kubernetes/manifests/*.yaml /etc/kubernetes/manifests-off/');
      expect(screen.getByTestId('k8s-renew-steps').textContent).toMatch(/Not renewed:\n {2}scheduler\.conf +not chosen\n/);
      expect(bench.items.find((i) => i.kind === 'archive' && i.title === 'kubernetes-renewed.zip')).toBeTruthy();

      await fireEvent.click(screen.getByRole('button', { name: 'Download kubernetes-renewed.zip again' }));
      expect(await downloads.bytes(1)).toEqual(zip);
    } finally {
      downloads.restore();
    }
  });

  it('a folder dropped on the section is walked (directory entries read in batches) and planned', async () => {
    const etc = join(dir, 'dropped/kubernetes');
    makeOpensslKubeadm(etc, { kubeletEmbedded: true });
    const kube = new KubernetesState();
    kube.section = 'cluster-renew';
    render(KubernetesView, { kube });
    await fireEvent.drop(screen.getByTestId('k8s-renew-drop'), { dataTransfer: droppedFolder(etc) });
    await screen.findByTestId('k8s-renew-plan', {}, { timeout: 20_000 });
    expect(kube.renew.inputs.map((f) => f.path).sort()).toEqual(filesUnder(etc).map((f) => f.path).sort());
    expect(screen.getByTestId('k8s-renew-input').textContent).toBe(`Copy: ${filesUnder(etc).length} files`);
    // Every kubeadm file was found under its folder: nothing missing, kubelet.conf (embedded) renewable.
    expect(screen.queryByTestId('k8s-renew-missing-list')).toBeNull();
    expect(planRow('kubelet.conf').dataset.action).toBe('renew');
    expect(planRow('etcd-healthcheck-client').dataset.action).toBe('renew');
  });

  it('speaks German: the folder input, the passphrase prompt, the plan and the Renew button', async () => {
    const root = join(dir, 'de');
    makeOpensslKubeadm(join(root, 'kubernetes'));
    openssl(['pkcs8', '-topk8', '-in', 'kubernetes/pki/ca.key', '-v2', 'aes-256-cbc', '-passout', 'pass:geheim', '-out', 'ca.key'], root);
    renameSync(join(root, 'ca.key'), join(root, 'kubernetes/pki/ca.key'));
    locale.set('de');
    flushSync();
    const kube = new KubernetesState();
    kube.section = 'cluster-renew';
    render(KubernetesView, { kube });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Cluster erneuern (kubeadm)');
    await fireEvent.change(screen.getByLabelText('Die Kopie von /etc/kubernetes als Ordner öffnen'), { target: { files: folderFiles(join(root, 'kubernetes')) } });
    const prompt = await screen.findByLabelText('Verschlüsselter CA-Schlüssel (pki/ca.key): seine Passphrase', {}, { timeout: 20_000 });
    await fireEvent.input(prompt, { target: { value: 'geheim' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Schlüssel öffnen' }));
    const plan = await screen.findByTestId('k8s-renew-plan', {}, { timeout: 20_000 });
    expect(plan.querySelector('caption')!.textContent).toBe('Was erneuert wird');
    expect(planRow('apiserver').querySelector('.action')!.textContent).toBe('erneuern');
    expect(planRow('kubelet.conf').querySelector('.action')!.textContent).toBe('erneuert sich selbst');
    // The reasons too, not the core's English sentences.
    expect(planRow('ca').lastElementChild!.textContent).toBe('bleibt unverändert');
    expect(planRow('kubelet.conf').lastElementChild!.textContent).toBe('verweist auf /var/lib/kubelet/pki/kubelet-client-current.pem: Das Kubelet erneuert sein Client-Zertifikat selbst, hier gibt es nichts zu erneuern');
    expect(planRow('apiserver').lastElementChild!.textContent).toMatch(/^erneuert von ca bis /);
    expect(within(planRow('admin.conf')).getByRole('checkbox', { name: 'admin.conf erneuern' })).toBeTruthy();
    // The button reads 'Wird erneuert…' until the load's run has finished.
    expect(await screen.findByRole('button', { name: 'Erneuern und kubernetes-renewed.zip herunterladen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Die Kopie und ihre Schlüssel verwerfen' })).toBeTruthy();
  });

  it('asks for the passphrase of an encrypted CA key in a tar czf, says when it is wrong, plans with the right one', async () => {
    const root = join(dir, 'tar');
    makeOpensslKubeadm(join(root, 'etc/kubernetes'));
    openssl(['pkcs8', '-topk8', '-in', 'etc/kubernetes/pki/front-proxy-ca.key', '-v2', 'aes-256-cbc', '-passout', 'pass:open sesame', '-out', 'fp.key'], root);
    renameSync(join(root, 'fp.key'), join(root, 'etc/kubernetes/pki/front-proxy-ca.key'));
    expect(spawnSync('tar', ['czf', 'kubernetes.tar.gz', 'etc/kubernetes'], { cwd: root }).status).toBe(0);

    const kube = new KubernetesState();
    kube.section = 'cluster-renew';
    render(KubernetesView, { kube });
    const tgz = new File([readFileSync(join(root, 'kubernetes.tar.gz'))], 'kubernetes.tar.gz');
    await fireEvent.change(screen.getByLabelText('Open the files of /etc/kubernetes, a .zip or a .tar.gz'), { target: { files: [tgz] } });
    const prompt = await screen.findByLabelText('Encrypted CA key (pki/front-proxy-ca.key): its passphrase', {}, { timeout: 20_000 });
    expect(screen.getByTestId('k8s-renew-input').textContent).toBe('Copy: kubernetes.tar.gz');
    expect(screen.queryByTestId('k8s-renew-plan')).toBeNull();

    await fireEvent.input(prompt, { target: { value: 'wrong' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Open the keys' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That passphrase does not open it.');

    await fireEvent.input(screen.getByLabelText('Encrypted CA key (pki/front-proxy-ca.key): its passphrase'), { target: { value: 'open sesame' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Open the keys' }));
    await screen.findByTestId('k8s-renew-plan', {}, { timeout: 20_000 });
    expect(planRow('front-proxy-client').dataset.action).toBe('renew');
    expect(screen.queryByLabelText(/its passphrase$/)).toBeNull();

    // Forgetting drops the copy, its keys and the passphrase typed.
    await fireEvent.click(screen.getByRole('button', { name: 'Forget the copy and its keys' }));
    expect(screen.queryByTestId('k8s-renew-plan')).toBeNull();
    expect(kube.renew.passphrase).toBe('');
    expect(kube.renew.cluster).toBeUndefined();
  });
});
