/**
 * Inspect opens a .p12 like an encrypted key: one card asks for the passphrase; a wrong one is named
 * and nothing is lost; the right one lists the bags and gives each certificate and key a card whose
 * text is openssl's, and puts them on the bench. openssl makes the file and judges the texts.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, fireEvent, waitFor, within } from '@testing-library/svelte';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import InspectView from '../../src/ui/inspect/InspectView.svelte';
import { createDecoder } from '../../src/ui/workers/bridge.ts';
import { bench } from '../../src/ui/bench/bench.svelte.ts';
import { locale } from '../../src/ui/i18n/locale.svelte.ts';

const work = mkdtempSync(join(tmpdir(), 'certbench-inspect-p12-'));
const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: work, stdio: ['pipe', 'pipe', 'pipe'] }).toString();
const PASS = 'p12 in inspect';

beforeAll(() => {
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=Inspect P12 CA', '-days', '2']);
  openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=p12.inspect.example']);
  openssl(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-out', 'leaf.pem', '-days', '2']);
  openssl(['pkcs12', '-export', '-in', 'leaf.pem', '-inkey', 'leaf.key', '-certfile', 'ca.pem', '-name', 'inspect alias', '-passout', `pass:${PASS}`, '-out', 'bundle.p12']);
  return () => rmSync(work, { recursive: true, force: true });
});

afterEach(() => {
  cleanup();
  bench.clear();
  locale.set('en');
});

async function open(path: string, name: string) {
  render(InspectView, { decoder: createDecoder() });
  const file = new File([readFileSync(path)], name, { type: 'application/x-pkcs12' });
  await fireEvent.change(screen.getByTestId('file-input'), { target: { files: [file] } });
  await waitFor(() => expect(screen.getByTestId('inspect-status').textContent).toMatch(/found|gefunden/), { timeout: 20_000 });
  // Cards are revealed a few per animation frame after the status line: on a busy machine that can take a while.
  return (await screen.findAllByTestId('object-card', {}, { timeout: 20_000 }))[0]!;
}

async function submit(card: HTMLElement, label: string | RegExp, passphrase: string, button: string) {
  await fireEvent.input(within(card).getByLabelText(label), { target: { value: passphrase } });
  await fireEvent.click(within(card).getByRole('button', { name: button }));
}

describe('Inspect opens a PKCS#12 file', () => {
  it('asks for its passphrase, names a wrong one without losing anything, then shows each bag as openssl prints it', async () => {
    const card = await open(join(work, 'bundle.p12'), 'bundle.p12');
    expect(within(card).getByTestId('card-kind').textContent).toBe('PKCS#12 file (.p12/.pfx)');
    expect(within(card).getByTestId('text-error').textContent).toMatch(/protected by a passphrase/);
    const input = within(card).getByLabelText('Passphrase for this PKCS#12 file') as HTMLInputElement;
    expect(input.type).toBe('password');

    await submit(card, 'Passphrase for this PKCS#12 file', 'not it', 'Open');
    expect((await within(card).findByTestId('decrypt-error', {}, { timeout: 20_000 })).textContent).toBe(
      'Wrong passphrase: the file’s MAC does not verify with it. Nothing was lost; try again.',
    );
    expect(input.value).toBe('');
    expect(screen.getAllByTestId('object-card')).toHaveLength(1);

    await submit(card, 'Passphrase for this PKCS#12 file', PASS, 'Open');
    await waitFor(() => expect(screen.getAllByTestId('object-card')).toHaveLength(4), { timeout: 20_000 });
    const [p12, leaf, ca, key] = screen.getAllByTestId('object-card');
    expect(p12).toBe(card);
    expect(within(p12!).queryByTestId('passphrase-form')).toBeNull();
    const bags = within(p12!).getAllByTestId('p12-bag').map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
    const ids = [...openssl(['pkcs12', '-in', 'bundle.p12', '-passin', `pass:${PASS}`, '-info', '-nodes']).matchAll(/localKeyID: ([0-9A-F ]+?) ?\n/g)].map((m) => m[1]);
    expect(bags).toEqual([
      `Certificate, friendly name “inspect alias”, local key ID ${ids[0]}`,
      'Certificate',
      `Private key, friendly name “inspect alias”, local key ID ${ids[0]}`,
    ]);
    expect(within(p12!).getByTestId('p12-info').textContent).toContain('MAC: sha256, Iteration 2048');
    expect(within(p12!).getByTestId('openssl-command').textContent).toBe('openssl pkcs12 -info -nodes -in FILE');
    expect(within(p12!).getByTestId('openssl-text').textContent).toBe(openssl(['pkcs12', '-in', 'bundle.p12', '-passin', `pass:${PASS}`, '-info', '-nodes']));

    expect(leaf!.getAttribute('data-kind')).toBe('certificate');
    expect(within(leaf!).getByTestId('card-origin').textContent).toContain('bag 1 ("inspect alias", localKeyID');
    expect(within(leaf!).getByTestId('openssl-text').textContent).toBe(openssl(['x509', '-in', 'leaf.pem', '-noout', '-text']));
    expect(within(ca!).getByTestId('openssl-text').textContent).toBe(openssl(['x509', '-in', 'ca.pem', '-noout', '-text']));
    expect(key!.getAttribute('data-kind')).toBe('private-key');
    expect(within(key!).getByTestId('openssl-text').textContent).toBe(openssl(['pkey', '-in', 'leaf.key', '-noout', '-text']));
    expect(within(key!).getByTestId('key-match').textContent).toMatch(/^Its public key matches the certificate p12\.inspect\.example/);

    // What was inside is on the bench, ready for its next step.
    expect(bench.items.map((i) => [i.kind, i.title])).toEqual(
      expect.arrayContaining([
        ['certificate', 'p12.inspect.example'],
        ['ca', 'Inspect P12 CA'],
        ['key', expect.stringMatching(/private key$/)],
      ]),
    );
  });

  it('opens a file made without a passphrase with an empty one (pyca no-password.p12)', async () => {
    const card = await open('tests/fixtures/corpus/other/pkcs12/pyca__pkcs12__no-password.p12', 'no-password.p12');
    await fireEvent.click(within(card).getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(screen.getAllByTestId('object-card').map((c) => c.getAttribute('data-kind'))).toEqual(['pkcs12', 'certificate', 'private-key']), { timeout: 20_000 });
    expect(within(card).getByTestId('p12-info').textContent).toContain('MAC: sha1');
  });

  it('speaks German too', async () => {
    locale.set('de');
    const card = await open(join(work, 'bundle.p12'), 'bundle.p12');
    expect(within(card).getByTestId('card-kind').textContent).toBe('PKCS#12-Datei (.p12/.pfx)');
    await submit(card, 'Passphrase für diese PKCS#12-Datei', 'falsch', 'Öffnen');
    expect((await within(card).findByTestId('decrypt-error', {}, { timeout: 20_000 })).textContent).toMatch(/^Falsche Passphrase/);
  });
});
