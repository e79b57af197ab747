import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, fireEvent, waitFor, within } from '@testing-library/svelte';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import InspectView from '../../src/ui/inspect/InspectView.svelte';
import { createDecoder } from '../../src/ui/workers/bridge.ts';

const CERT_FILE = 'tests/fixtures/corpus/certs/mozroot__Amazon_Root_CA_4.pem';
const CERT = readFileSync(CERT_FILE, 'utf8');
const ORACLE = readFileSync(CERT_FILE.replace(/\.pem$/, '.txt'), 'utf8');

afterEach(() => cleanup());

async function paste(text: string) {
  render(InspectView, { decoder: createDecoder() });
  const area = screen.getByLabelText(/Paste certificates/);
  await fireEvent.input(area, { target: { value: text } });
  await fireEvent.click(screen.getByRole('button', { name: 'Decode' }));
  await waitFor(() => expect(screen.getByTestId('inspect-status').textContent).toMatch(/found/), { timeout: 20_000 });
}

describe('Inspect view (main-thread decoder: jsdom has no Worker)', () => {
  it('decodes a pasted certificate into a card with summary, exact OpenSSL text and ASN.1 view', async () => {
    await paste(`some text before\n${CERT}\nafter`);
    // The first decode also loads the decoder's modules: on a busy 2-core machine that passed a second.
    const cards = await screen.findAllByTestId('object-card', {}, { timeout: 15_000 });
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    expect(card.querySelector('.notes')?.textContent ?? '').toBe('');
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toBe('Amazon Root CA 4');
    expect(within(card).getByTestId('card-kind').textContent).toBe('Certificate');
    expect(within(card).getByTestId('summary-subject').textContent).toBe('C = US, O = Amazon, CN = Amazon Root CA 4');
    expect(within(card).getByTestId('summary-key').textContent).toBe('EC 384 bit (secp384r1)');
    expect(within(card).getByTestId('summary-type').textContent).toMatch(/^CA, self-signed$/);
    const fp = execFileSync('openssl', ['x509', '-noout', '-fingerprint', '-sha256', '-in', CERT_FILE]).toString();
    expect(within(card).getByTestId('fingerprint-sha256').textContent).toBe(/=(\S+)/.exec(fp)![1]);
    expect(within(card).getByTestId('openssl-text').textContent).toBe(ORACLE);
    expect(within(card).getByTestId('openssl-command').textContent).toBe('openssl x509 -noout -text -in FILE');

    // Clicking the "Issuer:" line selects the issuer Name node.
    const lines = within(card).getByTestId('openssl-text').querySelectorAll('[data-line]');
    const issuerLine = [...lines].find((l) => l.textContent!.startsWith('        Issuer:'))!;
    await fireEvent.click(issuerLine);
    await waitFor(() => expect(issuerLine.classList.contains('selected')).toBe(true));
    await fireEvent.click(within(card).getByRole('button', { name: 'Show in ASN.1 view' }));
    const tab = within(card).getByRole('tab', { name: 'ASN.1' });
    await waitFor(() => expect(tab.getAttribute('aria-selected')).toBe('true'));
    const selected = await waitFor(() => {
      const s = card.querySelector('[data-testid="asn1-node"][aria-current="true"]');
      expect(s).not.toBeNull();
      return s!;
    });
    expect(selected.getAttribute('data-offset')).toBe('46'); // issuer Name, per openssl asn1parse
    expect(within(card).getByTestId('hex-dump').querySelectorAll('pre .h').length).toBe(2);
    expect(within(card).getByTestId('hex-dump').querySelectorAll('pre .c').length).toBe(57);
  });

  it('shows the key of an `openssl ecparam -genkey` file and lists its parameters block as skipped, not as a problem', async () => {
    const pem = execFileSync('openssl', ['ecparam', '-name', 'prime256v1', '-genkey']).toString();
    await paste(pem);
    const cards = await screen.findAllByTestId('object-card');
    expect(cards).toHaveLength(1);
    expect(within(cards[0]!).getByTestId('openssl-text').textContent).toBe(execFileSync('openssl', ['pkey', '-noout', '-text'], { input: pem }).toString());
    expect(screen.queryByTestId('problems')).toBeNull();
    expect(screen.getByTestId('skipped').textContent).toContain('block 1 (EC PARAMETERS): EC PARAMETERS skipped');
    expect(screen.getByTestId('inspect-status').textContent).not.toMatch(/problem/);
  });

  it('shows problems as messages, not a blank page', async () => {
    await paste('-----BEGIN CERTIFICATE-----\nnot base64 at all!!\n-----END CERTIFICATE-----\n');
    expect(screen.getByTestId('problems').textContent).toMatch(/\S/);
    expect(screen.queryAllByTestId('object-card')).toHaveLength(0);
  });

  it('asks for the passphrase of an encrypted key, reports a wrong one and decrypts with the right one', async () => {
    const file = 'tests/fixtures/corpus/other/keys/pyca__asymmetric__PKCS8__enc2-rsa-pkcs8.pem';
    await paste(readFileSync(file, 'utf8'));
    const card = (await screen.findAllByTestId('object-card'))[0]!;
    expect(within(card).getByTestId('text-error').textContent).toMatch(/encrypted/);
    const input = within(card).getByLabelText('Passphrase for this key') as HTMLInputElement;
    expect(input.type).toBe('password');
    await fireEvent.input(input, { target: { value: 'wrong' } });
    await fireEvent.click(within(card).getByRole('button', { name: 'Decrypt' }));
    expect((await within(card).findByTestId('decrypt-error', {}, { timeout: 20_000 })).textContent).toMatch(/passphrase/);
    expect(input.value).toBe('');
    await fireEvent.input(input, { target: { value: 'baz' } });
    await fireEvent.click(within(card).getByRole('button', { name: 'Decrypt' }));
    await waitFor(() => expect(card.getAttribute('data-kind')).toBe('private-key'), { timeout: 20_000 });
    expect(within(card).getByTestId('card-origin').textContent).toMatch(/ › decrypted$/);
    expect(within(card).getByTestId('summary-key').textContent).toMatch(/^RSA \d+ bit$/);
  });

  it('labels every object of a multi-certificate paste with its origin', async () => {
    const other = readFileSync('tests/fixtures/corpus/certs/mozroot__GTS_Root_R3.pem', 'utf8');
    await paste(CERT + other + CERT);
    const cards = await screen.findAllByTestId('object-card');
    expect(cards).toHaveLength(3);
    const origins = cards.map((c) => within(c).getByTestId('card-origin').textContent);
    expect(new Set(origins).size).toBe(3);
  });
});
