/**
 * What the core says reaches the German interface in German: a cut PEM's problem and a card title
 * come from the core as message ids and are worded from the core's German catalog — and re-worded
 * in place when the language is switched back, with exactly the English the CLI prints.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { generateKeyPairSync } from 'node:crypto';
import InspectView from '../../src/ui/inspect/InspectView.svelte';
import { createDecoder } from '../../src/ui/workers/bridge.ts';
import { locale } from '../../src/ui/i18n/locale.svelte.ts';
import { detectInput } from '../../src/core/input/detect.ts';

afterEach(() => {
  cleanup();
  locale.set('en');
});

const CUT_PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUe4v\n';
const PUBLIC_KEY = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

async function paste(text: string, decodeLabel: string): Promise<void> {
  const area = screen.getByRole('textbox');
  await fireEvent.input(area, { target: { value: text } });
  await fireEvent.click(screen.getByRole('button', { name: decodeLabel }));
}

describe('core messages in the German interface', () => {
  it('reports a cut PEM in German, and in the CLI’s English after switching back', async () => {
    const english = detectInput(CUT_PEM).problems[0]!.message;
    expect(english).toBe('BEGIN CERTIFICATE at line 1 has no END line');

    render(InspectView, { decoder: createDecoder() });
    locale.set('de');
    flushSync();
    await paste(CUT_PEM, 'Dekodieren');
    const problems = await screen.findByTestId('problems', {}, { timeout: 20_000 });
    expect(within(problems).getByRole('heading').textContent).toBe('Probleme');
    expect(within(problems).getByRole('listitem').textContent).toBe('Block 1: BEGIN CERTIFICATE in Zeile 1 hat keine END-Zeile');

    locale.set('en');
    flushSync();
    expect(within(problems).getByRole('listitem').textContent).toBe(`block 1: ${english}`);
  });

  it('titles a public key’s card in German from the core’s message id', async () => {
    render(InspectView, { decoder: createDecoder() });
    locale.set('de');
    flushSync();
    await paste(PUBLIC_KEY, 'Dekodieren');
    const card = (await screen.findAllByTestId('object-card', {}, { timeout: 20_000 }))[0]!;
    const title = () => within(card).getByRole('heading', { level: 2 }).textContent;
    await waitFor(() => expect(title()).toMatch(/^Öffentlicher Schlüssel EC/), { timeout: 20_000 });

    locale.set('en');
    flushSync();
    expect(title()).toMatch(/^EC .* public key$/);
  });
});
