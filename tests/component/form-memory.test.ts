/**
 * Form memory (sessionStorage per browser tab): what is typed comes back in a new page's state,
 * private keys never reach the storage, and a storage that is full or refuses changes nothing
 * the person sees. Keys and certificates are made by openssl in the test.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KubernetesView from '../../src/ui/kubernetes/KubernetesView.svelte';
import { KubernetesState, SECTIONS } from '../../src/ui/kubernetes/kubernetes-state.svelte.ts';
import { MAX_VALUE_CHARS, pasted, prop, remember } from '../../src/ui/shared/form-memory.svelte.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-form-memory-'));
const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 's.key'), '-out', join(dir, 's.crt'), '-days', '30', '-subj', '/CN=registry', '-addext', 'subjectAltName=DNS:registry.docker-registry.svc']);
const CERT = readFileSync(join(dir, 's.crt'), 'utf8');
const KEY = readFileSync(join(dir, 's.key'), 'utf8');
/** The key's base64 body, which must not be anywhere in the storage, whatever wraps it. */
const KEY_BODY = KEY.split('\n').filter((l) => l && !l.startsWith('-----')).join('');
const ENCRYPTED_KEY = openssl(['pkcs8', '-topk8', '-in', join(dir, 's.key'), '-passout', 'pass:correct horse battery', '-v2', 'aes-256-cbc']);

/** Everything the tab's storage holds, as one text. */
function allStored(storage: Storage = sessionStorage): string {
  return Array.from({ length: storage.length }, (_, i) => `${storage.key(i)}=${storage.getItem(storage.key(i)!)}`).join('\n');
}

/** A storage that holds nothing: every write fails as a full one does. */
function fullStorage(initial: Record<string, string> = {}): Storage & { removed: string[] } {
  const items = new Map(Object.entries(initial));
  const removed: string[] = [];
  return {
    removed,
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    },
    removeItem: (k) => {
      removed.push(k);
      items.delete(k);
    },
    clear: () => items.clear(),
  };
}

beforeEach(() => sessionStorage.clear());
afterEach(() => cleanup());

describe('form memory', () => {
  it('the Kubernetes area writes what was typed and the open section, never the pasted private key; a new page gets them back without it', async () => {
    // No state given: the view uses the page's (this file is the first to ask for it).
    render(KubernetesView);
    await fireEvent.click(screen.getByRole('tab', { name: 'TLS Secret' }));
    await fireEvent.input(screen.getByRole('textbox', { name: 'Certificate, then its intermediates (tls.crt)' }), { target: { value: CERT } });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Private key (tls.key)' }), { target: { value: KEY } });
    await fireEvent.input(screen.getByLabelText('Secret name'), { target: { value: 'mine-tls' } });
    await fireEvent.input(screen.getByLabelText('Namespace (optional)'), { target: { value: 'mine-ns' } });
    flushSync();

    const saved = JSON.parse(sessionStorage.getItem('certbench.form.kubernetes')!) as Record<string, unknown>;
    expect(saved).toMatchObject({ section: 'secret', 'secret.chain': CERT, 'secret.name': 'mine-tls', 'secret.namespace': 'mine-ns' });
    expect(allStored()).not.toContain('PRIVATE KEY');
    expect(allStored()).not.toContain(KEY_BODY.slice(0, 40));
    cleanup();

    // A reload: the module (and so the page's state) is new, the tab's storage is not.
    vi.resetModules();
    const { sharedKubernetesState } = await import('../../src/ui/kubernetes/shared.svelte.ts');
    const again = sharedKubernetesState();
    expect(again.section).toBe('secret');
    expect(again.secret.chain.text).toBe(CERT);
    expect(again.secret.name).toBe('mine-tls');
    expect(again.secret.namespace).toBe('mine-ns');
    expect(again.secret.key.text).toBe('');
  });

  it('leaves out a value that holds key material even in a field meant for certificates, and never puts such a value back', () => {
    const kube = new KubernetesState();
    const stop = remember('test', { request: pasted(kube.csr.source), chain: pasted(kube.secret.chain), server: prop(kube.kubeconfig, 'server') });
    kube.csr.source.typed(CERT + KEY);
    kube.secret.chain.typed(ENCRYPTED_KEY);
    kube.kubeconfig.server = 'https://10.0.0.1:6443';
    flushSync();
    expect(JSON.parse(sessionStorage.getItem('certbench.form.test')!)).toEqual({ server: 'https://10.0.0.1:6443' });
    expect(allStored()).not.toContain('PRIVATE KEY');
    // A kubeconfig with its client key, pasted where a certificate goes.
    kube.secret.chain.typed(`users:\n- name: admin\n  user:\n    client-certificate-data: QUJD\n    client-key-data: ${btoa(KEY)}\n`);
    flushSync();
    expect(allStored()).not.toContain('client-key-data');
    stop();

    // Key material planted in the storage by other means is not put back either.
    sessionStorage.setItem('certbench.form.test', JSON.stringify({ request: KEY, server: 'https://planted:6443' }));
    const fresh = new KubernetesState();
    remember('test', { request: pasted(fresh.csr.source), server: prop(fresh.kubeconfig, 'server') })();
    expect(fresh.csr.source.text).toBe('');
    expect(fresh.kubeconfig.server).toBe('https://planted:6443');
  });

  it('puts back only values of the field’s shape and choices', () => {
    sessionStorage.setItem(
      'certbench.form.shapes',
      JSON.stringify({ section: 'not-a-section', reorder: 'yes', name: 42, namespace: 'kube-system', usages: ['server auth', 'no such usage'] }),
    );
    const kube = new KubernetesState();
    remember('shapes', {
      section: prop(kube, 'section', SECTIONS.map((s) => s.id)),
      reorder: prop(kube.secret, 'reorderChain'),
      name: prop(kube.secret, 'name'),
      namespace: prop(kube.secret, 'namespace'),
      usages: prop(kube.csr, 'usages', ['server auth', 'client auth']),
    })();
    expect(kube.section).toBe('csr');
    expect(kube.secret.reorderChain).toBe(false);
    expect(kube.secret.name).toBe('');
    expect(kube.secret.namespace).toBe('kube-system');
    expect(kube.csr.usages).toEqual([]);
  });

  it('does not write a value too big for the tab’s storage, and writes the rest', () => {
    const kube = new KubernetesState();
    const stop = remember('big', { request: pasted(kube.csr.source), name: prop(kube.secret, 'name') });
    kube.csr.source.typed(CERT.repeat(Math.ceil(MAX_VALUE_CHARS / CERT.length) + 1));
    kube.secret.name = 'kept';
    flushSync();
    expect(JSON.parse(sessionStorage.getItem('certbench.form.big')!)).toEqual({ name: 'kept' });
    stop();
  });

  it('a full storage changes nothing the form does: no error, the stale copy is dropped, the state keeps its values', () => {
    const storage = fullStorage({ 'certbench.form.full': JSON.stringify({ name: 'older' }) });
    const kube = new KubernetesState();
    const stop = remember('full', { name: prop(kube.secret, 'name') }, storage);
    expect(kube.secret.name).toBe('older');
    kube.secret.name = 'newer';
    expect(() => flushSync()).not.toThrow();
    expect(kube.secret.name).toBe('newer');
    // The older copy would bring back 'older' on a reload: it is gone rather than wrong.
    expect(storage.removed).toContain('certbench.form.full');
    expect(storage.getItem('certbench.form.full')).toBeNull();
    stop();
  });

  it('a storage that cannot be read gives the defaults', () => {
    const storage = fullStorage();
    storage.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const kube = new KubernetesState();
    expect(() => remember('denied', { name: prop(kube.secret, 'name') }, storage)()).not.toThrow();
    expect(kube.secret.name).toBe('');
  });
});
