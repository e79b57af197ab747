/**
 * The Verify area in German and back: tabs, labels, the verdict, the path's checks and the fix words
 * (problem-words.ts) follow the language switch, on a broken chain made by openssl in the test.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { rmSync } from 'node:fs';
import { useNodeWebCrypto } from './node-webcrypto.ts';
import { makeTestPki, type TestPki } from '../e2e/verify-pki.ts';
import { locale } from '../../src/ui/i18n/locale.svelte.ts';
import * as problemWords from '../../src/ui/i18n/messages/verify-problems.ts';
import { VerifyState } from '../../src/ui/verify/verify-state.svelte.ts';
import VerifyView from '../../src/ui/verify/VerifyView.svelte';

let pki: TestPki;
beforeAll(() => {
  useNodeWebCrypto();
  pki = makeTestPki();
});
afterAll(() => {
  if (pki) rmSync(pki.dir, { recursive: true, force: true });
});
afterEach(() => {
  cleanup();
  locale.set('en');
});

describe('Verify in German', () => {
  it('switches the tabs, the controls, the verdict, the checks and the fixes to German and back', async () => {
    render(VerifyView, { verify: new VerifyState(async () => []) });
    locale.set('de');
    await Promise.resolve();
    expect(screen.getByRole('tab', { name: 'Kette' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tab', { name: 'Vergleich' })).toBeTruthy();
    const area = screen.getByRole('textbox', { name: 'Zu prüfende Zertifikate' });
    expect(screen.getByLabelText('Vertrauensanker')).toBeTruthy();
    await fireEvent.input(area, { target: { value: ['root', 'leaf-under-noca', 'int-noca'].map((n) => pki.pem(`${n}.pem`)).join('\n') } });
    expect(screen.getByTestId('verify-pile-count').textContent).toMatch(/3 Zertifikate gefunden; Endzertifikat: /);
    await fireEvent.click(screen.getByRole('button', { name: 'Kette prüfen' }));
    const verdict = await screen.findByTestId('verify-verdict', undefined, { timeout: 10_000 });
    expect(verdict.textContent).toContain('✗ Nicht gültig');
    expect(screen.getByRole('heading', { name: 'Warum nicht' })).toBeTruthy();
    const problems = screen.getByTestId('verify-problems').textContent!;
    expect(problems).toContain(`Abhilfe: ${problemWords.de['fix.not-ca']}`);
    // The core's verdict is a message id, worded in German too (the certificate's name stays as it is).
    expect(problems).toContain("Zwischenzertifikat 'Not A CA Intermediate' ist keine CA: basicConstraints fehlt");
    expect(problems).not.toMatch(/not a CA/);
    expect(screen.getByTestId('verify-path').textContent).toContain('CA-Rolle und Beschränkungen');
    expect(screen.getByRole('heading', { name: 'Dieselbe Prüfung mit openssl' })).toBeTruthy();

    locale.set('en');
    await Promise.resolve();
    expect(screen.getByTestId('verify-verdict').textContent).toContain('✗ Not valid');
    expect(screen.getByTestId('verify-problems').textContent).toContain(`Fix: ${problemWords.en['fix.not-ca']}`);
    expect(screen.getByTestId('verify-problems').textContent).toMatch(/not a CA/);
    expect(screen.getByRole('tab', { name: 'Chain' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Verify chain' })).toBeTruthy();
  });

  it('names the other sections in German', async () => {
    render(VerifyView, { verify: new VerifyState(async () => []) });
    locale.set('de');
    await fireEvent.click(screen.getByRole('tab', { name: 'Hostname / IP' }));
    expect(screen.getByLabelText('Hostname oder IP-Adresse')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Namen prüfen' }));
    expect(screen.getByTestId('verify-host-error').textContent).toMatch(/^geben Sie einen Hostnamen/);
    await fireEvent.click(screen.getByRole('tab', { name: 'Zuordnung' }));
    expect(screen.getByRole('button', { name: 'Öffentliche Schlüssel vergleichen' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('tab', { name: 'Lints' }));
    expect(screen.getByRole('radio', { name: 'Kubernetes-Cluster' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('tab', { name: 'Vergleich' }));
    expect(screen.getByRole('checkbox', { name: 'Auch unveränderte Abschnitte zeigen' })).toBeTruthy();
    locale.set('en');
    await Promise.resolve();
    expect(screen.getByRole('checkbox', { name: 'Show unchanged sections too' })).toBeTruthy();
  });
});
