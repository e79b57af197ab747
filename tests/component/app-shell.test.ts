import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { tick } from 'svelte';
import App from '../../src/ui/App.svelte';
import { locale } from '../../src/ui/i18n/locale.svelte.ts';
import { bench } from '../../src/ui/bench/bench.svelte.ts';

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

  it('docks the bench open on a wide window, and closes it when the window narrows rather than cover the area with it', async () => {
    // A media query list whose answer the test changes, as resizing the window would.
    const listeners = new Set<() => void>();
    const wide = { matches: true, addEventListener: (_: string, f: () => void) => listeners.add(f), removeEventListener: (_: string, f: () => void) => listeners.delete(f) };
    const had = Object.getOwnPropertyDescriptor(window, 'matchMedia');
    Object.defineProperty(window, 'matchMedia', { configurable: true, value: (q: string) => (q === '(min-width: 1500px)' ? wide : { matches: false, addEventListener() {}, removeEventListener() {} }) });
    try {
      render(App);
      const toggle = screen.getByRole('button', { name: /^Bench/ });
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
      expect(document.getElementById('bench')?.classList.contains('drawer')).toBe(false);
      // The panel is its own chunk: let it load before the window changes.
      await waitFor(() => expect(document.getElementById('bench')?.children.length).toBeGreaterThan(0));
      wide.matches = false;
      for (const f of listeners) f();
      await tick();
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
      expect(document.getElementById('bench')).toBeNull();
      // Opened again by hand on the narrow window, it is the drawer.
      await fireEvent.click(toggle);
      expect(document.getElementById('bench')?.classList.contains('drawer')).toBe(true);
    } finally {
      if (had) Object.defineProperty(window, 'matchMedia', had);
      else delete (window as { matchMedia?: unknown }).matchMedia;
      bench.open = false;
    }
  });
});
