/**
 * The CA area in German and back: headings, labels, the key protection texts (German from
 * messages/ca-protection.ts, English the store's KEY_PROTECTION_TEXTS) and a form problem in words.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { CaStore, KEY_PROTECTION_TEXTS, openDb } from '../../src/store/ca.ts';
import { locale } from '../../src/ui/i18n/locale.svelte.ts';
import * as protection from '../../src/ui/i18n/messages/ca-protection.ts';
import { CaState } from '../../src/ui/ca/ca-state.svelte.ts';
import CaView from '../../src/ui/ca/CaView.svelte';
import { attempt } from '../../src/ui/ca/attempt.ts';
import { CertbenchError } from '../../src/core/errors.ts';

let state: CaState | undefined;
afterEach(() => {
  cleanup();
  state?.dispose();
  locale.set('en');
});

describe('CA view in German', () => {
  it('switches headings, labels, the key protection texts and form problems to German and back', async () => {
    state = new CaState(new CaStore(openDb('certbench-i18n-ca')));
    render(CaView, { ca: state });
    locale.set('de');
    await screen.findByText('Noch keine CA: Erstellen oder importieren Sie unten eine.');
    expect(screen.getByRole('heading', { name: 'Ihre CAs (0)' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Eine Anforderung signieren' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Sicherung und Wiederherstellung' })).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Eine CA erstellen' });
    expect(within(form).getByLabelText('Gültigkeit (Tage)')).toBeTruthy();
    expect(within(form).getByRole('radio', { name: /Passphrase \(empfohlen\)/ })).toBeTruthy();
    expect(form.textContent).toContain(protection.de['browserKey.doesNotProtect']);
    expect(form.textContent).toContain(protection.de['notExportable.protects']);
    expect(form.textContent).toContain('Zuerst beheben: wählen Sie eine Passphrase für den CA-Schlüssel');
    await fireEvent.input(within(form).getByLabelText('Subject'), { target: { value: ' ' } });
    expect(form.textContent).toContain('Zuerst beheben: eine CA braucht ein Subject');
    expect(within(form).getByRole('button', { name: 'Root-CA erstellen' })).toBeTruthy();
    expect((screen.getByRole('option', { name: '1 Stunde' }) as HTMLOptionElement).value).toBe('60');

    locale.set('en');
    await Promise.resolve();
    const en = screen.getByRole('form', { name: 'Create a CA' });
    expect(en.textContent).toContain(KEY_PROTECTION_TEXTS.browserKey.doesNotProtect);
    expect(en.textContent).toContain('Fix first: a CA needs a subject');
    expect(within(en).getByRole('button', { name: 'Create root CA' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Your CAs (0)' })).toBeTruthy();
  });

  it('has a German text for every key protection text of the store', () => {
    for (const [kind, texts] of Object.entries(KEY_PROTECTION_TEXTS)) {
      for (const [field, text] of Object.entries(texts)) {
        const key = `${kind}.${field}` as keyof typeof protection.en;
        expect(protection.en[key]).toBe(text);
        expect(protection.de[key], key).not.toBe(text);
      }
    }
  });

  it("words a failure of a CA action in the interface's language, not in the core's English", async () => {
    const failures: string[] = [];
    const fail = () => Promise.reject(new CertbenchError('store.locked'));
    for (const l of ['de', 'ja', 'en'] as const) {
      locale.set(l);
      await attempt(fail, (m) => failures.push(m));
    }
    expect(failures).toEqual([
      'der CA-Schlüssel ist gesperrt: Entsperren Sie ihn zuerst mit seiner Passphrase',
      expect.stringMatching(/パスフレーズ/),
      'the CA key is locked: unlock it with its passphrase first',
    ]);
  });
});
