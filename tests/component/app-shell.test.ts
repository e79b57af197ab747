import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import App from '../../src/ui/App.svelte';
import { locale } from '../../src/ui/i18n/locale.svelte.ts';

afterEach(() => {
  cleanup();
  location.hash = '';
  locale.set('en');
});

describe('app shell', () => {
  it('shows the six areas, marks the current one, and says nothing leaves the page', () => {
    location.hash = '#create';
    render(App);
    const nav = screen.getByRole('navigation', { name: 'Workbench areas' });
    const links = [...nav.querySelectorAll('a')].map((a) => a.textContent);
    expect(links).toEqual(['Inspect', 'Create', 'CA', 'Kubernetes', 'Verify', 'Workshop']);
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe('Create');
    expect(screen.getByRole('note').textContent).toContain('Nothing leaves this page');
  });

  it('follows the hash when the user navigates', async () => {
    render(App);
    location.hash = '#ca';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(await screen.findByRole('heading', { level: 1, name: 'CA' })).toBeTruthy();
  });

  it('switches the interface to German from the header and marks the document language', async () => {
    render(App);
    await fireEvent.change(screen.getByTestId('language-switch'), { target: { value: 'de' } });
    const nav = await screen.findByRole('navigation', { name: 'Bereiche der Werkbank' });
    expect([...nav.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Untersuchen', 'Erstellen', 'CA', 'Kubernetes', 'Prüfen', 'Workshop']);
    expect(screen.getByRole('note').textContent).toContain('Nichts verlässt diese Seite.');
    expect(document.documentElement.lang).toBe('de');
  });
});
