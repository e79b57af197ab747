import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import ThemeSwitch from '../../src/ui/ThemeSwitch.svelte';
import { readPreference, writePreference } from '../../src/store/preferences.ts';
import { locale } from '../../src/ui/i18n/locale.svelte.ts';

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.theme;
  locale.set('en');
});

const select = () => screen.getByLabelText('Theme') as HTMLSelectElement;

describe('theme switch', () => {
  it('offers system, light and dark; choosing one sets data-theme on <html> and keeps the choice', async () => {
    await writePreference('theme', 'system');
    render(ThemeSwitch);
    expect([...select().options].map((o) => [o.value, o.textContent])).toEqual([['system', 'As the system'], ['light', 'Light'], ['dark', 'Dark']]);
    expect(select().value).toBe('system');
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);

    await fireEvent.change(select(), { target: { value: 'dark' } });
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    await waitFor(async () => expect(await readPreference('theme', '')).toBe('dark'));

    await fireEvent.change(select(), { target: { value: 'system' } });
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
    await waitFor(async () => expect(await readPreference('theme', '')).toBe('system'));
  });

  it('applies the stored choice when the page opens', async () => {
    await writePreference('theme', 'light');
    render(ThemeSwitch);
    await waitFor(() => expect(document.documentElement.getAttribute('data-theme')).toBe('light'));
    expect(select().value).toBe('light');
  });

  it('ignores a stored value that is not a theme', async () => {
    await writePreference('theme', 'sepia');
    render(ThemeSwitch);
    await new Promise((r) => setTimeout(r, 0));
    await waitFor(async () => expect(await readPreference('theme', '')).toBe('sepia'));
    expect(select().value).toBe('system');
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
  });

  it('speaks German with the interface', async () => {
    locale.set('de');
    render(ThemeSwitch);
    const de = screen.getByLabelText('Farbschema') as HTMLSelectElement;
    expect([...de.options].map((o) => o.textContent)).toEqual(['Wie das System', 'Hell', 'Dunkel']);
  });
});
