/** The Kubernetes view follows the language switch: German labels and UI-made problems, then English again. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KubernetesView from '../../src/ui/kubernetes/KubernetesView.svelte';
import { locale } from '../../src/ui/i18n/locale.svelte.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-k8s-i18n-'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-noenc', '-keyout', join(dir, 'c.key'), '-out', join(dir, 'c.crt'), '-subj', '/CN=web', '-days', '2'], { stdio: 'ignore' });
const CERT = readFileSync(join(dir, 'c.crt'), 'utf8');

afterEach(() => {
  cleanup();
  locale.set('en');
});

const tabNames = () => within(screen.getByRole('tablist')).getAllByRole('tab').map((t) => t.textContent);

describe('Kubernetes view in German', () => {
  it('switches tabs, labels and a problem the UI words to German and back', async () => {
    render(KubernetesView);
    await fireEvent.input(screen.getByRole('textbox', { name: 'Certificate request (PEM or DER)' }), { target: { value: CERT } });
    expect(screen.getByTestId('k8s-csr-input-problem').textContent).toBe('no certificate request found: this is a certificate');

    locale.set('de');
    flushSync();
    expect(tabNames()).toEqual(['CSR-Manifest', 'TLS-Secret', 'kubeconfig', 'Cluster-PKI', 'Ablaufprüfung', 'Cluster erneuern (kubeadm)']);
    expect(screen.getByRole('tablist', { name: 'Kubernetes-Bereiche' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Zertifikatsanforderung (PEM oder DER)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Datei öffnen…' })).toBeTruthy();
    expect(screen.getByTestId('k8s-csr-input-problem').textContent).toBe('Zertifikatsanforderung (CSR) nicht gefunden: Die Eingabe enthält ein Zertifikat');
    expect(screen.getByText('Client-Zertifikate für Benutzer und Workloads, die sich am API-Server anmelden')).toBeTruthy();

    await fireEvent.click(screen.getByRole('tab', { name: 'Ablaufprüfung' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Ablaufprüfung');
    expect(screen.getByRole('button', { name: 'Dateien öffnen…' })).toBeTruthy();

    locale.set('en');
    flushSync();
    expect(tabNames()).toEqual(['CSR manifest', 'TLS Secret', 'kubeconfig', 'Cluster PKI', 'Expiry check', 'Renew a cluster (kubeadm)']);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Expiry check');
    expect(screen.getByRole('button', { name: 'Open files…' })).toBeTruthy();
  });
});
