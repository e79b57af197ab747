/**
 * The bench (src/ui/bench/) under jsdom: what Create and the CA make goes on it, tied together by
 * public key; a next step hands the object to its area with the key and CA it needs; the Kubernetes
 * view fills its forms from it. openssl judges keys, certificates and the TLS Secret built from them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CaStore, openDb } from '../../src/store/ca.ts';
import { CaState } from '../../src/ui/ca/ca-state.svelte.ts';
import { CreateState } from '../../src/ui/create/create-state.svelte.ts';
import KubernetesView from '../../src/ui/kubernetes/KubernetesView.svelte';
import { KubernetesState } from '../../src/ui/kubernetes/kubernetes-state.svelte.ts';
import BenchPanel from '../../src/ui/bench/BenchPanel.svelte';
import { bench, BENCH_OBJECTS_PER_INPUT } from '../../src/ui/bench/bench.svelte.ts';
import { benchEntriesForInput, benchEntryForDer } from '../../src/ui/bench/from-object.ts';
import { fromBase64 } from '../../src/core/bytes.ts';
import { session } from '../../src/ui/session.svelte.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-bench-'));
const openssl = (args: string[], input?: string) => execFileSync('openssl', args, { cwd: dir, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
const put = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));

const disposables: { dispose(): void }[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposables.splice(0)) d.dispose();
  session.forgetCsr();
  bench.clear();
  bench.pending = undefined;
  location.hash = '';
});

async function createCsr(): Promise<CreateState> {
  const create = new CreateState();
  disposables.push(create);
  create.applyPreset('docker-registry');
  await create.generate();
  expect(create.error).toBe('');
  await waitFor(() => expect(bench.ofKind('csr')).toHaveLength(1));
  return create;
}

let dbs = 0;
async function caWithRoot(): Promise<CaState> {
  const ca = new CaState(new CaStore(openDb(`certbench-bench-${++dbs}`)));
  disposables.push(ca);
  ca.createForm.subject = 'CN=Bench Root';
  ca.createForm.protection.kind = 'browser-key';
  await ca.createCa();
  expect(ca.createError).toBe('');
  ca.sign.caId = ca.cards[0]!.id;
  return ca;
}

function certificateDer(pem: string): Uint8Array {
  return fromBase64(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''));
}

describe('bench', () => {
  it('holds the key and CSR Create made, tied by public key; the key exports as the CSR’s key; Start over takes both off', async () => {
    const create = await createCsr();
    const [csr] = bench.ofKind('csr');
    const key = bench.keyFor(csr!);
    expect(key?.kind).toBe('key');
    expect(csr!.text).toBe(create.created!.csrPem);
    const keyPem = await bench.textOf(key!);
    expect(openssl(['pkey', '-pubout'], keyPem)).toBe(openssl(['req', '-noout', '-pubkey'], csr!.text));
    create.startOver();
    expect(bench.items).toHaveLength(0);
  });

  it('a certificate the CA signs lands with its key and root CA; "TLS Secret" fills the Kubernetes form and the Secret verifies with openssl', async () => {
    await createCsr();
    const ca = await caWithRoot();
    const [csr] = bench.ofKind('csr');
    const handoff = await bench.send('ca.sign', csr!);
    expect(bench.take('kubernetes')).toBeUndefined();
    expect(bench.take('ca')).toBe(handoff);
    ca.sign.setCsrText(handoff.text);
    await ca.sign.check();
    await ca.sign.sign();
    expect(ca.sign.signError).toBe('');
    const [cert] = bench.ofKind('certificate');
    expect(cert?.text).toBe(ca.sign.result!.pem);
    expect(bench.keyFor(cert!)).toBe(bench.keyFor(csr!));
    // The CA store's CA is on the bench too.
    expect(bench.ofKind('ca').map((i) => i.title)).toEqual(['Bench Root']);

    render(KubernetesView, { kube: new KubernetesState() });
    render(BenchPanel);
    const row = screen.getByRole('listitem', { name: /^Certificate localhost/ });
    await fireEvent.click(within(row).getByRole('button', { name: 'TLS Secret' }));
    await waitFor(() => expect(location.hash).toBe('#kubernetes'));
    await screen.findByRole('heading', { level: 2, name: 'TLS Secret' });
    const chainBox = screen.getByRole('textbox', { name: 'Certificate, then its intermediates (tls.crt)' }) as HTMLTextAreaElement;
    await waitFor(() => expect(chainBox.value).toBe(ca.sign.result!.chainPem));
    const keyBox = screen.getByRole('textbox', { name: 'Private key (tls.key)' }) as HTMLTextAreaElement;
    expect(keyBox.value).toBe(await bench.textOf(bench.keyFor(cert!)!));

    await fireEvent.input(screen.getByRole('textbox', { name: 'Secret name' }), { target: { value: 'registry-tls' } });
    const yamlBox = (await screen.findByTestId('k8s-secret-yaml', {}, { timeout: 10_000 })) as HTMLElement;
    const secret = parse(yamlBox.textContent ?? '') as { data: Record<string, string> };
    const tlsCrt = put('tls.crt', Buffer.from(secret.data['tls.crt']!, 'base64').toString('utf8'));
    const rootFile = put('root.pem', ca.cards[0]!.pem);
    expect(openssl(['verify', '-CAfile', rootFile, tlsCrt])).toBe(`${tlsCrt}: OK\n`);
    const tlsKey = Buffer.from(secret.data['tls.key']!, 'base64').toString('utf8');
    expect(openssl(['pkey', '-pubout'], tlsKey)).toBe(openssl(['x509', '-noout', '-pubkey', '-in', tlsCrt]));
    expect(Buffer.from(secret.data['ca.crt']!, 'base64').toString('utf8')).toBe(readFileSync(rootFile, 'utf8'));
    // The Secret itself is on the bench now, as the YAML shown.
    await waitFor(() => expect(bench.ofKind('manifest').map((m) => m.title)).toEqual(['Secret registry-tls']));
    expect(bench.ofKind('manifest')[0]!.text).toBe(yamlBox.textContent);
  });

  it('keeps one entry per object, filling in what it learns; a slot is replaced, not piled up', async () => {
    await createCsr();
    const ca = await caWithRoot();
    ca.sign.setCsrText(bench.ofKind('csr')[0]!.text!);
    await ca.sign.check();
    await ca.sign.sign();
    const signed = bench.ofKind('certificate')[0]!;
    // The same certificate opened again (as Inspect would) stays the signed one, with its chain and CA.
    const again = await benchEntryForDer('certificate', certificateDer(signed.text!), 'opened');
    bench.add(again!);
    expect(bench.ofKind('certificate')).toHaveLength(1);
    expect(bench.ofKind('certificate')[0]!.origin).toBe('signed');
    expect(bench.ofKind('certificate')[0]!.caPem).toBe(signed.caPem);

    bench.add({ kind: 'manifest', title: 'a', origin: 'made', text: 'a: 1\n', fileName: 'a.yaml', slot: 'k8s.secret' });
    bench.add({ kind: 'manifest', title: 'b', origin: 'made', text: 'b: 1\n', fileName: 'b.yaml', slot: 'k8s.secret' });
    expect(bench.ofKind('manifest').map((m) => m.title)).toEqual(['b']);
  });

  it('a big input goes on the bench as one bundle, a small one object by object', async () => {
    const entry = (await benchEntryForDer('certificate', certificateDer(openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', '/dev/null', '-subj', '/CN=one', '-days', '1'])), 'opened'))!;
    const decoded = { kind: 'certificate' as const, der: entry.der!, summary: { kind: 'certificate' as const, title: 'one', notes: [] } };
    expect(benchEntriesForInput([decoded], 'pasted text', 'x')).toHaveLength(1);
    const many = Array.from({ length: BENCH_OBJECTS_PER_INPUT + 1 }, () => decoded);
    const [bundle, ...rest] = benchEntriesForInput(many, 'ca-certificates.crt', 'PEM TEXT');
    expect(rest).toHaveLength(0);
    expect(bundle).toMatchObject({ kind: 'bundle', title: 'ca-certificates.crt', text: 'PEM TEXT' });
  });
});
