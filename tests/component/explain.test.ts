import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, fireEvent, waitFor, within } from '@testing-library/svelte';
import { readFileSync } from 'node:fs';
import InspectView from '../../src/ui/inspect/InspectView.svelte';
import { createDecoder } from '../../src/ui/workers/bridge.ts';
import { locale } from '../../src/ui/i18n/locale.svelte.ts';

const CERT = readFileSync('tests/fixtures/corpus/certs/mozroot__Amazon_Root_CA_4.pem', 'utf8');

afterEach(() => {
  cleanup();
  locale.set('en');
});

async function pasted() {
  render(InspectView, { decoder: createDecoder() });
  await fireEvent.input(screen.getByLabelText(/Paste certificates/), { target: { value: CERT } });
  await fireEvent.click(screen.getByRole('button', { name: 'Decode' }));
  // Decoding starts the decoder on first use: on a loaded machine the first card takes over a second.
  const card = (await screen.findAllByTestId('object-card', {}, { timeout: 10_000 }))[0]!;
  // Cards may open collapsed (big batches): open this one.
  const details = within(card).queryByRole('button', { name: /Show OpenSSL text/ });
  if (details?.getAttribute('aria-expanded') === 'false') await fireEvent.click(details);
  return { card, dump: await within(card).findByTestId('openssl-text') };
}

describe('field explanations', () => {
  it('keyboard focus and arrows explain the selected line; the text is described by the panel', async () => {
    const { card, dump } = await pasted();
    const panel = within(card).getByTestId('explanation');
    expect(dump.getAttribute('aria-describedby')).toBe(panel.id);
    dump.focus();
    await fireEvent.keyDown(dump, { key: 'ArrowDown' }); // line 1: "Certificate:"
    await waitFor(() => expect(within(panel).getByTestId('explanation-title').textContent).toBe('Certificate'));
    await fireEvent.keyDown(dump, { key: 'ArrowDown' });
    await fireEvent.keyDown(dump, { key: 'ArrowDown' });
    await fireEvent.keyDown(dump, { key: 'ArrowDown' }); // "Serial Number:"
    await waitFor(() => expect(within(panel).getByTestId('explanation-title').textContent).toBe('Serial number'));
    expect(panel.textContent).toContain('RFC 5280 §4.1.2.2');
  });

  it('hovering a Key Usage value line lists each bit; switching to Deutsch translates it', async () => {
    const { card, dump } = await pasted();
    const kuValue = [...dump.querySelectorAll('[data-line]')].find((l) => l.textContent!.trim() === 'Digital Signature, Certificate Sign, CRL Sign')!;
    expect(kuValue).toBeDefined();
    await fireEvent.mouseOver(kuValue);
    const panel = within(card).getByTestId('explanation');
    await waitFor(() => expect(within(panel).getByTestId('explanation-title').textContent).toBe('Key Usage'));
    expect(panel.textContent).toContain('Certificate Sign');
    expect(panel.textContent).toContain('CRL Sign');
    expect(panel.textContent).toContain('RFC 5280 §4.2.1.3');
    locale.set('de'); // the header's language switch does this (tests/component/app-shell.test.ts)
    await waitFor(() => expect(within(panel).getByTestId('explanation-title').textContent).toBe('Schlüsselverwendung (Key Usage)'));
    expect(panel.getAttribute('lang')).toBe('de');
  });

  it('focusing an ASN.1 node explains it', async () => {
    const { card } = await pasted();
    await fireEvent.click(within(card).getByRole('tab', { name: 'ASN.1' }));
    const nodes = await within(card).findAllByTestId('asn1-node');
    const tbs = nodes.find((n) => n.getAttribute('data-offset') === '4')!;
    await fireEvent.focus(tbs);
    const panel = within(card).getByTestId('asn1-explanation');
    expect(tbs.getAttribute('aria-describedby')).toBe(panel.id);
    await waitFor(() => expect(within(panel).getByTestId('explanation-title').textContent).toBe('Signed data (tbsCertificate)'));
  });
});
