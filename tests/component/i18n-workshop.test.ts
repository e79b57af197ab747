/** The Workshop view follows the language switch: the lab catalog and the area's own words. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import WorkshopView from '../../src/ui/workshop/WorkshopView.svelte';
import { WorkshopState } from '../../src/ui/workshop/workshop-state.svelte.ts';
import { LabProgressStore } from '../../src/store/lab-progress.ts';
import { CaStore } from '../../src/store/ca-store.ts';
import { openDb } from '../../src/store/db.ts';
import { locale } from '../../src/ui/i18n/locale.svelte.ts';

afterEach(() => {
  cleanup();
  locale.set('en');
});

describe('Workshop view in German', () => {
  it('shows the lab texts in German and English again', async () => {
    const ws = new WorkshopState({ caStore: new CaStore(openDb('ws-i18n-ca')), progress: new LabProgressStore('ws-i18n-progress') });
    render(WorkshopView, { ws });
    await screen.findByRole('heading', { level: 2, name: /Registry certificate/ });

    locale.set('de');
    flushSync();
    expect(screen.getByRole('navigation', { name: 'Übungen' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('1. Registry-Zertifikat, CSR, Genehmigung, Secret');
    expect(screen.getByLabelText('Subject Alternative Names, einer pro Zeile')).toBeTruthy();
    expect(screen.getByTestId('ws-progress').textContent).toBe('0 von 5 Schritten erledigt');
    expect(screen.getByTestId('ws-run-ca').textContent?.trim()).toBe('Diesen Schritt ausführen');

    await ws.reset();
    flushSync();
    expect(screen.getByTestId('ws-notice').textContent).toMatch(/^Die Übung wurde zurückgesetzt/);

    locale.set('en');
    flushSync();
    expect(screen.getByTestId('ws-notice').textContent).toMatch(/^The lab was reset/);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('1. Registry certificate, CSR, approval, Secret');
    expect(screen.getByTestId('ws-progress').textContent).toBe('0 of 5 steps done');
  });
});
