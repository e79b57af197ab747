import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import App from '../../src/ui/App.svelte';

afterEach(() => {
  cleanup();
  location.hash = '';
});

describe('app shell', () => {
  it('shows the four areas, marks the current one, and says nothing leaves the page', () => {
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
});
