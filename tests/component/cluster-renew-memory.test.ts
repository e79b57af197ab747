/**
 * "Renew a cluster" across an area switch and a reload: the copy, its plan and the options stay while
 * the page lives; after a reload the options come back, never the copy, its keys or the CA passphrase.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import KubernetesView from '../../src/ui/kubernetes/KubernetesView.svelte';
import { makeOpensslKubeadm } from '../unit/kubeadm-openssl.helper.ts';
import { openssl, run, tempDir } from '../unit/kube-tls.helper.ts';

const PASS = 'Tr0ub4dor-cluster-passphrase';
let tgz: Uint8Array<ArrayBuffer>;

beforeAll(() => {
  sessionStorage.clear();
  const dir = tempDir('renew-memory');
  const etc = join(dir, 'kubernetes');
  makeOpensslKubeadm(etc);
  openssl(['pkcs8', '-topk8', '-in', join(etc, 'pki/ca.key'), '-v2', 'aes-256-cbc', '-passout', `pass:${PASS}`, '-out', join(dir, 'ca.key')], dir);
  renameSync(join(dir, 'ca.key'), join(etc, 'pki/ca.key'));
  expect(run('tar', ['czf', 'k.tgz', 'kubernetes'], dir).status).toBe(0);
  tgz = new Uint8Array(readFileSync(join(dir, 'k.tgz')));
}, 60_000);

afterEach(() => cleanup());

const allStored = () => Array.from({ length: sessionStorage.length }, (_, i) => `${sessionStorage.key(i)}=${sessionStorage.getItem(sessionStorage.key(i)!)}`).join('\n');

describe('Renew a cluster: page state and form memory', () => {
  it('keeps the copy and its plan across an area switch; a reload brings back the options only', async () => {
    // No state given: the view uses the page's.
    render(KubernetesView);
    await fireEvent.click(screen.getByRole('tab', { name: 'Renew a cluster (kubeadm)' }));
    await fireEvent.change(screen.getByLabelText('Open the files of /etc/kubernetes, a .zip or a .tar.gz'), { target: { files: [new File([tgz], 'k.tgz')] } });
    const pass = await screen.findByLabelText('Encrypted CA key (pki/ca.key): its passphrase', {}, { timeout: 10_000 });
    await fireEvent.input(pass, { target: { value: PASS } });
    await fireEvent.click(screen.getByRole('button', { name: 'Open the keys' }));
    await waitFor(() => expect(screen.getByTestId('k8s-renew-plan')).toBeTruthy(), { timeout: 10_000 });
    await fireEvent.input(screen.getByLabelText('Validity (days)'), { target: { value: '90' } });
    await fireEvent.click(screen.getByRole('checkbox', { name: /^New keys/ }));
    flushSync();

    const saved = JSON.parse(sessionStorage.getItem('certbench.form.kubernetes')!) as Record<string, unknown>;
    expect(saved).toMatchObject({ section: 'cluster-renew', 'renew.days': '90', 'renew.rotateKeys': true, 'renew.renewCas': false });
    expect(allStored()).not.toContain(PASS);
    expect(allStored()).not.toContain('PRIVATE KEY');
    expect(allStored()).not.toContain('k.tgz');

    // An area switch: the view goes and comes back; the page's state (the copy, its plan) stays.
    cleanup();
    render(KubernetesView);
    expect(screen.getByTestId('k8s-renew-input').textContent).toBe('Copy: k.tgz');
    expect(screen.getByTestId('k8s-renew-plan').querySelector('tr[data-name="apiserver"]')!.getAttribute('data-action')).toBe('renew');
    expect((screen.getByLabelText('Validity (days)') as HTMLInputElement).value).toBe('90');
    cleanup();

    // A reload: a new page state from the tab's storage.
    vi.resetModules();
    const { sharedKubernetesState } = await import('../../src/ui/kubernetes/shared.svelte.ts');
    const again = sharedKubernetesState();
    expect(again.section).toBe('cluster-renew');
    expect(again.renew.days).toBe('90');
    expect(again.renew.rotateKeys).toBe(true);
    expect(again.renew.inputs).toEqual([]);
    expect(again.renew.passphrase).toBe('');
    expect(again.renew.plan).toBeUndefined();
  }, 60_000);
});
