/**
 * Inspect in German and back: the view's own words follow the language switch; the card title is
 * the core's message id (worded from its catalog) and the validity sentence is built from the
 * summary's fields. In English both must give back exactly what the core wrote.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import InspectView from '../../src/ui/inspect/InspectView.svelte';
import { createDecoder } from '../../src/ui/workers/bridge.ts';
import { locale } from '../../src/ui/i18n/locale.svelte.ts';
import { translator } from '../../src/ui/i18n/t.svelte.ts';
import * as messages from '../../src/ui/i18n/messages/inspect.ts';
import { summaryTitle, validityText } from '../../src/ui/inspect/summary-words.ts';
import { detectInput } from '../../src/core/input/detect.ts';
import { summarize, validityOf, type Summary } from '../../src/core/summary.ts';

const t = translator(messages);
const corpus = 'tests/fixtures/corpus';
const CERT = readFileSync(`${corpus}/certs/mozroot__Amazon_Root_CA_4.pem`, 'utf8');

afterEach(() => {
  cleanup();
  locale.set('en');
});

function withLocale<R>(l: 'en' | 'de', fn: () => R): R {
  locale.set(l);
  try {
    return fn();
  } finally {
    locale.set('en');
  }
}

describe('Inspect view in German', () => {
  it('words the paste area, status, card and summary in German, and in English again after switching back', async () => {
    render(InspectView, { decoder: createDecoder() });
    locale.set('de');
    flushSync();
    const area = screen.getByLabelText('Zertifikate, Anforderungen, CRLs, Schlüssel oder Kubernetes-YAML/JSON einfügen');
    await fireEvent.input(area, { target: { value: CERT } });
    await fireEvent.click(screen.getByRole('button', { name: 'Dekodieren' }));
    await waitFor(() => expect(screen.getByTestId('inspect-status').textContent).toBe('1 Objekt gefunden'), { timeout: 20_000 });
    const card = (await screen.findAllByTestId('object-card', {}, { timeout: 20_000 }))[0]!;
    // The card's summary is drawn a frame after the status line on a busy machine.
    await waitFor(() => expect(within(card).getByTestId('summary-type').textContent).toBe('CA, selbstsigniert'), { timeout: 20_000 });
    expect(within(card).getByTestId('card-kind').textContent).toBe('Zertifikat');
    expect(within(card).getByText('Gültigkeit')).toBeTruthy();
    expect(within(card).getByTestId('summary-validity').textContent).toMatch(/^läuft in \d+ Tagen ab$/);
    expect(within(card).getByRole('tab', { name: 'OpenSSL-Text' })).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'SHA-256-Fingerabdruck kopieren' }).textContent).toBe('Kopieren');
    expect(within(card).getByText('Entspricht')).toBeTruthy();
    // Data stays data: the subject's common name is the title in every language.
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toBe('Amazon Root CA 4');

    locale.set('en');
    flushSync();
    expect(screen.getByTestId('inspect-status').textContent).toBe('1 object found');
    expect(within(card).getByTestId('card-kind').textContent).toBe('Certificate');
    expect(within(card).getByTestId('summary-type').textContent).toBe('CA, self-signed');
    expect(within(card).getByTestId('summary-validity').textContent).toMatch(/^expires in \d+ days$/);
    expect(screen.getByRole('button', { name: 'Decode' })).toBeTruthy();
    expect(screen.getByLabelText(/^Paste certificates/)).toBeTruthy();
  });

  it('asks for the passphrase of an encrypted key in German', async () => {
    render(InspectView, { decoder: createDecoder() });
    locale.set('de');
    flushSync();
    const area = screen.getByLabelText(/^Zertifikate, Anforderungen/);
    await fireEvent.input(area, { target: { value: readFileSync(`${corpus}/other/keys/pyca__asymmetric__PKCS8__enc2-rsa-pkcs8.pem`, 'utf8') } });
    await fireEvent.click(screen.getByRole('button', { name: 'Dekodieren' }));
    const card = (await screen.findAllByTestId('object-card', {}, { timeout: 20_000 }))[0]!;
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toBe('Verschlüsselter privater Schlüssel');
    await fireEvent.click(within(card).getByRole('button', { name: 'Entschlüsseln' }));
    expect((await within(card).findByTestId('decrypt-error')).textContent).toBe('Geben Sie zuerst die Passphrase ein.');
  });
});

/** A spread of every kind the corpus has: titles and validity depend on kind, key and count. */
function sampleFiles(): string[] {
  const pick = (dir: string, re: RegExp, n = Infinity) =>
    readdirSync(join(corpus, dir))
      .filter((f) => re.test(f) && !f.endsWith('.txt'))
      .slice(0, n)
      .map((f) => join(corpus, dir, f));
  return [...pick('certs', /\.pem$/, 3), ...pick('csrs', /\.(pem|csr)$/, 2), ...pick('other/crl', /./, 6), ...pick('other/keys', /./), ...pick('other/pkcs7', /./)];
}

async function summariesOf(file: string, now?: Date): Promise<Summary[]> {
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  const input = /-----BEGIN/.test(text) ? text : new Uint8Array(bytes);
  return Promise.all(detectInput(input, file).objects.map((o) => summarize(o, now)));
}

describe('summary words', () => {
  it.each(sampleFiles())('%s: the title id worded in English is the core’s text; in German every title that is not data is German', async (file) => {
    for (const s of await summariesOf(file)) {
      expect(s.titleSaid, `${s.kind}: ${s.title}`).toBeDefined();
      expect(withLocale('en', () => summaryTitle(s))).toBe(s.title);
      if (s.validity) expect(withLocale('en', () => validityText(s.validity!, s.kind, t))).toBe(s.validity.text);
      const isData = (s.kind === 'certificate' || s.kind === 'csr') && s.subject !== undefined;
      const de = withLocale('de', () => summaryTitle(s));
      if (isData) expect(de).toBe(s.title);
      else expect(de, `${s.kind}: ${s.title}`).not.toBe(s.title);
    }
  });

  it('words every validity state and day count like the core, in English', () => {
    const start = new Date('2030-01-10T00:00:00Z');
    const end = new Date('2030-03-10T00:00:00Z');
    const day = 86_400_000;
    const nows = [-3, -1, -0.5, 0.5, 1.5, 20, 58.5, 59.5, 60.5, 61.5, 64].map((d) => new Date(start.getTime() + d * day));
    for (const now of nows) {
      const v = validityOf(start, end, now);
      expect(withLocale('en', () => validityText(v, 'certificate', t)), now.toISOString()).toBe(v.text);
      expect(withLocale('de', () => validityText(v, 'certificate', t))).not.toBe(v.text);
    }
  });

  it('words a CRL’s next update like the core, before, on and after the due day', async () => {
    const file = readdirSync(join(corpus, 'other/crl')).find((f) => f.endsWith('.crl'))!;
    const [first] = await summariesOf(join(corpus, 'other/crl', file));
    const next = new Date(first!.nextUpdate!).getTime();
    const day = 86_400_000;
    for (const offset of [-40, -2, -1.5, -0.5, 0.5, 1.5, 5]) {
      const [s] = await summariesOf(join(corpus, 'other/crl', file), new Date(next + offset * day));
      expect(withLocale('en', () => validityText(s!.validity!, 'crl', t)), `${offset}`).toBe(s!.validity!.text);
      expect(withLocale('de', () => validityText(s!.validity!, 'crl', t))).toMatch(/Aktualisierung/);
    }
  });
});
