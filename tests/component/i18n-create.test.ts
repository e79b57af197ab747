/**
 * Create in German and back. Preset words and attribute names are the core's data, worded by the
 * messages: in English they must read exactly as the core has them (e2e tests find buttons by them).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import CreateView from '../../src/ui/create/CreateView.svelte';
import { CreateState } from '../../src/ui/create/create-state.svelte.ts';
import { locale } from '../../src/ui/i18n/locale.svelte.ts';
import { en, de } from '../../src/ui/i18n/messages/create.ts';
import { CSR_PRESETS } from '../../src/core/csr/presets.ts';
import { SUBJECT_TYPES, type SubjectType } from '../../src/core/csr/subject.ts';

afterEach(() => {
  cleanup();
  locale.set('en');
});

const reason = () => document.getElementById('create-generate-reason')!.textContent!.trim();

describe('Create in German', () => {
  it('words the form, presets, reasons and paste result in German, and in English again after switching back', async () => {
    render(CreateView, { create: new CreateState() });
    locale.set('de');
    flushSync();
    expect(screen.getByRole('heading', { name: 'Mit einer Vorlage beginnen' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Verwendungszweck' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Schlüssel und CSR erzeugen' })).toBeTruthy();
    expect(reason()).toBe('Zuerst beheben: geben Sie einen Subject oder mindestens einen SAN an'); // the core's reason, worded from its German catalog

    await fireEvent.click(screen.getByRole('button', { name: 'Cluster-Admin (Client)' }));
    expect(screen.getByLabelText('Wert von Attribut 2 (Allgemeiner Name)')).toBeTruthy();
    expect(reason()).toBe('Bereit.');
    expect(screen.getByText('0 Einträge')).toBeTruthy();

    await fireEvent.click(screen.getByRole('radio', { name: 'Vorhandenen Schlüssel verwenden' }));
    expect(reason()).toBe('Zuerst beheben: fügen Sie den vorhandenen privaten Schlüssel ein oder legen Sie ihn ab und klicken Sie auf „Schlüssel laden“');

    await fireEvent.click(screen.getByText('Vorhandenes übernehmen (cfssl-CSR-JSON oder eine openssl-req-Zeile)'));
    await fireEvent.input(screen.getByLabelText('cfssl-CSR-JSON oder openssl-req-Befehl'), {
      target: { value: 'openssl req -new -newkey rsa:2048 -subj "/O=a/CN=b" -addext "subjectAltName=DNS:b.example"' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Formular ausfüllen' }));
    const message = document.getElementById('create-paste-message')!;
    expect(message.textContent).toBe('Aus der openssl-req-Zeile übernommen: 2 Subject-Attribute, 1 SAN, RSA 2048-Schlüssel.');

    locale.set('en');
    flushSync();
    expect(message.textContent).toBe('Filled from the openssl req line: 2 subject attributes, 1 SAN, RSA 2048 key.');
    expect(screen.getByRole('button', { name: 'Generate CSR' })).toBeTruthy();
    expect(screen.getByLabelText('Attribute 2 value (Common name)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cluster admin (client)' })).toBeTruthy();
  });
});

describe('Create messages mirror the core’s data', () => {
  it.each(CSR_PRESETS.map((p) => [p.id, p] as const))('preset %s reads as the core has it in English, and differently in German', (id, p) => {
    const title = `preset.${id}.title` as keyof typeof en;
    const description = `preset.${id}.description` as keyof typeof en;
    expect(en[title]).toBe(p.title);
    expect(en[description]).toBe(p.description);
    expect(de[description]).not.toBe(p.description);
  });

  it.each(Object.keys(SUBJECT_TYPES) as SubjectType[])('attribute %s is named as the core names it in English', (type) => {
    expect(en[`attr.${type}`]).toBe(SUBJECT_TYPES[type].label);
  });
});
