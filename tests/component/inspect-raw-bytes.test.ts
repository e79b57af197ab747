// Bytes OpenSSL writes as they are (an IA5String dNSName holding 0xC0 0xA8, not UTF-8) are shown in
// Inspect visibly as \xC0 \xA8, styled apart, never as U+FFFD; and parameter files are printed as
// openssl pkeyparam prints them, named by their PEM label.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import InspectView from '../../src/ui/inspect/InspectView.svelte';
import { createDecoder } from '../../src/ui/workers/bridge.ts';

afterEach(() => cleanup());

async function paste(text: string) {
  render(InspectView, { decoder: createDecoder() });
  await fireEvent.input(screen.getByLabelText(/Paste certificates/), { target: { value: text } });
  await fireEvent.click(screen.getByRole('button', { name: 'Decode' }));
  await waitFor(() => expect(screen.getByTestId('inspect-status').textContent).toMatch(/found/), { timeout: 20_000 });
  return (await screen.findAllByTestId('object-card', {}, { timeout: 20_000 }))[0]!;
}

describe('Inspect: raw bytes and parameter files', () => {
  it('shows the raw bytes of a non-UTF-8 IA5String as visible escapes, not U+FFFD', async () => {
    const card = await paste(readFileSync('tests/fixtures/corpus/certs/zlint__SANDNSNotIA5String.pem', 'utf8'));
    const text = within(card).getByTestId('openssl-text');
    expect(text.textContent).not.toContain('\uFFFD');
    expect(text.textContent).toContain('                email:example@example.com, DNS:\\xC0\\xA8\n');
    const bytes = [...text.querySelectorAll('.raw-byte')];
    expect(bytes.map((b) => [b.textContent, b.getAttribute('data-raw-byte')])).toEqual([
      ['\\xC0', '192'],
      ['\\xA8', '168'],
    ]);
    expect(bytes[0]!.getAttribute('title')).toBe('Byte 0xC0, not UTF-8 text: OpenSSL writes it as it is');
  });

  it('prints BEGIN DH PARAMETERS as openssl pkeyparam does (not as an RSA key)', async () => {
    const pem = execFileSync('openssl', ['genpkey', '-genparam', '-algorithm', 'DH', '-pkeyopt', 'group:ffdhe2048']).toString();
    const card = await paste(pem);
    expect(within(card).getByTestId('card-kind').textContent).toBe('Domain parameters');
    expect(within(card).getByTestId('openssl-text').textContent).toBe(execFileSync('openssl', ['pkeyparam', '-noout', '-text'], { input: pem }).toString());
    expect(within(card).getByTestId('openssl-command').textContent).toBe('openssl pkeyparam -noout -text -in FILE');
  });
});
