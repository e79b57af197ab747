/**
 * The expiry experiment in the Kubernetes area (jsdom + fake-indexeddb): a certificate sent from the
 * bench joins what is already checked, as of the date already set; a certificate a CA in this
 * browser's store issued is renewed in place (openssl judges the result); a CA whose key is locked
 * gets the renewal planned in its sign form instead.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificatesFromPem } from '../../src/core/ca/input.ts';
import { bench } from '../../src/ui/bench/bench.svelte.ts';
import BenchActions from '../../src/ui/bench/BenchActions.svelte';
import { benchEntryForDer } from '../../src/ui/bench/from-object.ts';
import type { CaState } from '../../src/ui/ca/ca-state.svelte.ts';
import { sharedCaState } from '../../src/ui/ca/shared.svelte.ts';
import KubernetesView from '../../src/ui/kubernetes/KubernetesView.svelte';
import { KubernetesState } from '../../src/ui/kubernetes/kubernetes-state.svelte.ts';
import { cloneIntoThisRealm } from './one-realm-clone.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-expiry-renew-'));
const path = (name: string) => join(dir, name);
const openssl = (args: string[], input?: string) => execFileSync('openssl', args, { cwd: dir, input, stdio: ['pipe', 'pipe', 'pipe'] }).toString();
const put = (name: string, text: string) => (writeFileSync(path(name), text), path(name));
const day = (fromNow: number) => new Date(Date.now() + fromNow * 86400_000).toISOString().slice(0, 10);
const notAfterOf = (pem: string) => new Date(openssl(['x509', '-noout', '-enddate'], pem).trim().replace(/^notAfter=/, ''));

/** A one-day self-signed leaf made by openssl: in no CA store's inventory. */
function selfSigned(cn: string): string {
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${cn}.key`, '-subj', `/CN=${cn}`, '-days', '1', '-addext', 'basicConstraints=critical,CA:FALSE', '-out', `${cn}.crt`]);
  return readFileSync(path(`${cn}.crt`), 'utf8');
}

/** A one-day server certificate signed by the CA in the page's store, for a key openssl made. */
async function signedForOneDay(ca: CaState, caId: string, cn: string): Promise<string> {
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${cn}.key`, '-subj', `/CN=${cn}`, '-addext', `subjectAltName=DNS:${cn}`, '-out', `${cn}.csr`]);
  ca.sign.caId = caId;
  ca.sign.setCsrText(readFileSync(path(`${cn}.csr`), 'utf8'));
  await ca.sign.check();
  ca.sign.days = 1;
  await ca.sign.replan();
  await ca.sign.sign();
  expect(ca.sign.signError).toBe('');
  return ca.sign.result!.pem;
}

async function rootCa(ca: CaState, cn: string, protection: 'passphrase' | 'browser-key') {
  const f = ca.createForm;
  f.kind = 'root';
  f.subject = `CN=${cn}`;
  f.days = 3650;
  f.protection.kind = protection;
  f.protection.passphrase = f.protection.confirmation = protection === 'passphrase' ? 'pass phrase 12' : '';
  f.protection.exportable = false;
  await ca.createCa();
  expect(ca.createError).toBe('');
  return ca.cards.find((c) => c.name === `CN = ${cn}`)!;
}

/** Catches what the page's download helper saves (an <a download> of a Blob URL). */
function catchDownloads() {
  const saved: { name: string; blob: Blob }[] = [];
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL, click: HTMLAnchorElement.prototype.click };
  const blobs = new Map<string, Blob>();
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
    text: (i: number) => saved[i]!.blob.text(),
    restore() {
      if (original.create) URL.createObjectURL = original.create;
      HTMLAnchorElement.prototype.click = original.click;
    },
  };
}

const rowsOf = async () => within(await screen.findByTestId('k8s-expiry-certs', {}, { timeout: 20_000 })).getAllByRole('row').slice(1);
const rowNamed = async (name: string) => (await rowsOf()).find((r) => within(r).getByRole('rowheader').textContent?.startsWith(name))!;

beforeAll(cloneIntoThisRealm);
afterEach(() => {
  cleanup();
  bench.clear();
  location.hash = '';
});

describe('expiry check: from the bench, and renewing in place', () => {
  it('"Check expiry" on a bench certificate adds it to what is checked, once, keeping the as-of date', async () => {
    const alpha = selfSigned('alpha');
    const beta = selfSigned('beta');
    const kube = new KubernetesState();
    kube.expiry.text = alpha;
    kube.expiry.asOfText = day(3);
    await kube.expiry.check();

    const item = bench.add((await benchEntryForDer('certificate', certificatesFromPem(beta, 'beta')[0]!, 'opened', { fileName: 'beta.crt' }))!);
    render(BenchActions, { item });
    await fireEvent.click(screen.getByRole('button', { name: 'Check expiry' }));
    expect(location.hash).toBe('#kubernetes');
    cleanup();

    render(KubernetesView, { kube });
    await screen.findByRole('heading', { level: 2, name: 'Expiry check' });
    await waitFor(async () => expect((await rowsOf()).map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['alphapasted text › block 1 (CERTIFICATE)', 'betapasted text › block 2 (CERTIFICATE)']));
    expect(kube.expiry.asOfText).toBe(day(3));
    expect(screen.getByTestId('k8s-expiry-asof').textContent).toBe(`as of ${day(3)}T00:00:00Z`);
    // Both one-day certificates are expired three days on: the as-of date applied to the new one too.
    for (const r of await rowsOf()) expect(r.textContent).toMatch(/\(expired\)/);
    expect(kube.expiry.text.startsWith(alpha.trimEnd())).toBe(true);

    // Sent again: still one row for it.
    await bench.send('kubernetes.expiry', item);
    await waitFor(() => expect(bench.pending).toBeUndefined());
    await kube.expiry.check();
    expect(await rowsOf()).toHaveLength(2);
    expect(kube.expiry.text.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    // Neither certificate came from a CA in this browser: no renewal is offered.
    expect(screen.queryByRole('button', { name: /^Renew/ })).toBeNull();
  });

  it('renews a certificate the store’s CA issued in place: same key, later notAfter, verified by openssl, downloadable', async () => {
    const ca = sharedCaState();
    const card = await rootCa(ca, 'Renew Lab CA', 'browser-key');
    const first = await signedForOneDay(ca, card.id, 'web.renew.test');
    const stranger = selfSigned('stranger');
    const kube = new KubernetesState();
    kube.section = 'expiry';
    kube.expiry.text = `${stranger}${first}`;
    kube.expiry.asOfText = day(3);
    await kube.expiry.check();
    render(KubernetesView, { kube });

    const row = await rowNamed('web.renew.test');
    expect(row.textContent).toMatch(/\(expired\)/);
    const renew = await within(row).findByRole('button', { name: 'Renew web.renew.test' }, { timeout: 20_000 });
    expect(within(await rowNamed('stranger')).queryByRole('button')).toBeNull();
    await fireEvent.click(renew);

    const done = await screen.findByTestId('k8s-expiry-renewed', {}, { timeout: 20_000 });
    const renewedRow = await rowNamed('web.renew.test');
    expect(renewedRow.textContent).not.toMatch(/expired/);
    const firstSerial = openssl(['x509', '-noout', '-serial'], first).trim().replace(/^serial=/, '').toLowerCase();
    expect(done.textContent).toMatch(new RegExp(`^Renewed by CN = Renew Lab CA: serial ${firstSerial} → [0-9a-f]+, valid until .+; it replaces the old certificate in the input\\.`));
    // The old block is gone from the input, the stranger stays.
    expect(kube.expiry.text).not.toContain(first.trim());
    expect(kube.expiry.text).toContain(stranger.trim());
    expect(await rowsOf()).toHaveLength(2);

    const downloads = catchDownloads();
    try {
      await fireEvent.click(within(done).getByRole('button', { name: 'Download web.renew.test.crt' }));
      expect(downloads.saved.map((s) => s.name)).toEqual(['web.renew.test.crt']);
      const renewed = await downloads.text(0);
      expect(kube.expiry.text).toContain(renewed.trim());
      const caFile = put('renew-lab-ca.pem', card.pem);
      expect(openssl(['verify', '-CAfile', caFile, put('renewed.crt', renewed)])).toBe(`${path('renewed.crt')}: OK\n`);
      expect(openssl(['x509', '-noout', '-pubkey'], renewed)).toBe(openssl(['x509', '-noout', '-pubkey'], first));
      expect(openssl(['x509', '-noout', '-subject', '-ext', 'subjectAltName'], renewed)).toBe(openssl(['x509', '-noout', '-subject', '-ext', 'subjectAltName'], first));
      expect(notAfterOf(renewed).getTime()).toBeGreaterThan(notAfterOf(first).getTime() + 300 * 86400_000);
      expect(done.textContent).toContain(openssl(['x509', '-noout', '-serial'], renewed).trim().replace(/^serial=/, '').toLowerCase());
      // Recorded by the CA, and on the bench for the next step.
      expect(card.inventory.entries.map((e) => e.serialHex)).toContain(openssl(['x509', '-noout', '-serial'], renewed).trim().replace(/^serial=/, '').toLowerCase());
      expect(bench.ofKind('certificate').some((i) => i.text?.trim() === renewed.trim())).toBe(true);
    } finally {
      downloads.restore();
    }
  });

  it('for a CA whose key is locked, Renew goes to the CA area’s sign form with the renewal planned', async () => {
    const ca = sharedCaState();
    const card = await rootCa(ca, 'Locked Lab CA', 'passphrase');
    ca.sign.unlockPassphrase = 'pass phrase 12';
    const first = await signedForOneDay(ca, card.id, 'locked.renew.test');
    card.lock();
    expect(card.unlocked).toBe(false);
    const issuedBefore = card.inventory.entries.length;

    const kube = new KubernetesState();
    kube.section = 'expiry';
    kube.expiry.text = first;
    await kube.expiry.check();
    render(KubernetesView, { kube });
    const row = await rowNamed('locked.renew.test');
    await fireEvent.click(await within(row).findByRole('button', { name: 'Renew in the CA area… locked.renew.test' }, { timeout: 20_000 }));

    await waitFor(() => expect(location.hash).toBe('#ca'));
    expect(ca.sign.caId).toBe(card.id);
    expect(ca.sign.source?.kind).toBe('renewal');
    expect(ca.sign.sourceText).toContain('CN = locked.renew.test');
    expect(ca.sign.sansText).toBe('DNS:locked.renew.test');
    expect(ca.sign.needsUnlock).toBe(true);
    // Nothing was signed: the passphrase is asked in the sign form.
    await card.inventory.load();
    expect(card.inventory.entries).toHaveLength(issuedBefore);
    expect(screen.queryByTestId('k8s-expiry-renewed')).toBeNull();
  });
});
