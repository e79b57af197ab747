/**
 * The shared "Equivalent commands" panel: steps grouped by tool, files named, a copy button per
 * command or file, the core's notes shown; its own strings in English and German.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import { rootCaCommands } from '../../src/core/ca/commands.ts';
import { locale } from '../../src/ui/i18n/locale.svelte.ts';
import EquivalentCommands from '../../src/ui/shared/EquivalentCommands.svelte';

afterEach(() => {
  cleanup();
  locale.set('en');
});

describe('EquivalentCommands', () => {
  it('shows each tool\'s steps with the user\'s values and a copy button each', () => {
    const steps = rootCaCommands({ subject: 'O=Acme, CN=Acme Root', pathLen: 1 }, { base: 'acme' });
    render(EquivalentCommands, { steps, id: 't-cmds', open: true });
    const panel = screen.getByTestId('t-cmds');
    expect(within(panel).getByRole('heading', { name: 'OpenSSL' })).toBeTruthy();
    expect(within(panel).getByRole('heading', { name: 'cfssl' })).toBeTruthy();
    expect(panel.textContent).toContain("-subj '/O=Acme/CN=Acme Root'");
    expect(panel.textContent).toContain('basicConstraints=critical,CA:TRUE,pathlen:1');
    expect(panel.textContent).toContain('Save as acme-csr.json');
    expect(within(panel).getByRole('button', { name: 'Copy the content of acme-csr.json' })).toBeTruthy();
    expect(within(panel).getAllByRole('button', { name: /^Copy: / })).toHaveLength(steps.filter((s) => s.text && !s.fileName).length);
    expect(panel.textContent).toContain('without Digital Signature');
  });

  it('follows the language switch', async () => {
    render(EquivalentCommands, { steps: rootCaCommands(), id: 't-de' });
    locale.set('de');
    await Promise.resolve();
    expect(screen.getByText('Entsprechende Befehle')).toBeTruthy();
    locale.set('en');
    await Promise.resolve();
    expect(screen.getByText('Equivalent commands')).toBeTruthy();
  });

  it('renders nothing without steps', () => {
    render(EquivalentCommands, { steps: [], id: 't-none' });
    expect(screen.queryByTestId('t-none')).toBeNull();
  });
});
