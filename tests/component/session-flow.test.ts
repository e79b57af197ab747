/**
 * The in-memory hand-over between areas (src/ui/session.svelte.ts) under jsdom: Create records the
 * CSR it made and its key, the CA records the certificate it issues for that CSR (and only that
 * one), and the Kubernetes view offers them only when there is something to use. openssl judges the
 * keys and certificates.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaStore, openDb } from '../../src/store/ca.ts';
import { CaState } from '../../src/ui/ca/ca-state.svelte.ts';
import { CreateState } from '../../src/ui/create/create-state.svelte.ts';
import KubernetesView from '../../src/ui/kubernetes/KubernetesView.svelte';
import { KubernetesState } from '../../src/ui/kubernetes/kubernetes-state.svelte.ts';
import { session } from '../../src/ui/session.svelte.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-session-'));
const openssl = (args: string[], input?: string) => execFileSync('openssl', args, { cwd: dir, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
const put = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));

const disposables: { dispose(): void }[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposables.splice(0)) d.dispose();
  session.forgetCsr();
});

async function createCsr(): Promise<CreateState> {
  const create = new CreateState();
  disposables.push(create);
  create.applyPreset('docker-registry');
  await create.generate();
  expect(create.error).toBe('');
  return create;
}

let dbs = 0;
async function caWithRoot(): Promise<CaState> {
  const ca = new CaState(new CaStore(openDb(`certbench-session-${++dbs}`)));
  disposables.push(ca);
  ca.createForm.subject = 'CN=Session Root';
  ca.createForm.protection.kind = 'browser-key';
  await ca.createCa();
  expect(ca.createError).toBe('');
  ca.sign.caId = ca.cards[0]!.id;
  return ca;
}

function opensslCsr(cn: string): string {
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${cn}.key`, '-subj', `/CN=${cn}`, '-out', `${cn}.csr`]);
  return readFileSync(join(dir, `${cn}.csr`), 'utf8');
}

describe('session', () => {
  it('Create records the CSR it made with its CN and key; Start over forgets them', async () => {
    expect(session.csr).toBeUndefined();
    const create = await createCsr();
    expect(session.csr?.pem).toBe(create.created!.csrPem);
    expect(session.csr?.commonName).toBe('localhost');
    const keyPem = await session.keyPem();
    expect(keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(openssl(['pkey', '-pubout'], keyPem)).toBe(openssl(['req', '-noout', '-pubkey'], session.csr!.pem));
    create.startOver();
    expect(session.csr).toBeUndefined();
  });

  it('the CA records the certificate issued for Create’s CSR, not for another; a new CSR drops it', async () => {
    await createCsr();
    const ca = await caWithRoot();
    await ca.sign.useSessionCsr();
    expect(ca.sign.checkError).toBe('');
    expect(ca.sign.csrText).toBe(session.csr!.pem);
    await ca.sign.sign();
    expect(ca.sign.signError).toBe('');
    expect(ca.sign.resultForSession).toBe(true);
    const issued = session.issued!;
    expect(issued.certPem).toBe(ca.sign.result!.pem);
    expect(issued.chainPem).toBe(ca.sign.result!.chainPem);
    const caFile = put('root.pem', ca.cards[0]!.pem);
    expect(openssl(['verify', '-CAfile', caFile], issued.certPem)).toBe('stdin: OK\n');
    expect(openssl(['x509', '-noout', '-pubkey'], issued.certPem)).toBe(openssl(['pkey', '-pubout'], await session.keyPem()));

    ca.sign.setCsrText(opensslCsr('other.test'));
    await ca.sign.check();
    await ca.sign.sign();
    expect(ca.sign.result).toBeDefined();
    expect(ca.sign.resultForSession).toBe(false);
    expect(session.issued).toBe(issued);

    await createCsr();
    expect(session.issued).toBeUndefined();
  });

  it('the Kubernetes view offers Create’s CSR and the issued certificate only when they exist, and fills the fields', async () => {
    render(KubernetesView, { kube: new KubernetesState() });
    expect(screen.queryByTestId('k8s-csr-use-session')).toBeNull();
    await createCsr();
    const useCsr = await screen.findByRole('button', { name: 'Use the CSR made in Create (CN localhost)' });
    await fireEvent.click(useCsr);
    expect((screen.getByRole('textbox', { name: 'Certificate request (PEM or DER)' }) as HTMLTextAreaElement).value).toBe(session.csr!.pem);

    await fireEvent.click(screen.getByRole('tab', { name: 'TLS Secret' }));
    expect(screen.queryByTestId('k8s-secret-use-session')).toBeNull();
    const ca = await caWithRoot();
    await ca.sign.useSessionCsr();
    await ca.sign.sign();
    await fireEvent.click(await screen.findByTestId('k8s-secret-use-session'));
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Certificate, then its intermediates (tls.crt)' }) as HTMLTextAreaElement).value).toBe(session.issued!.chainPem));
    expect((screen.getByRole('textbox', { name: 'Private key (tls.key)' }) as HTMLTextAreaElement).value).toBe(await session.keyPem());
  });
});
