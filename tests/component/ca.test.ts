/**
 * The CA area's state and view under jsdom + fake-indexeddb: create, import (with the core's refusals
 * and warnings), locked signing and the editable plan. openssl makes the CSRs and keys and judges the
 * certificates the page produces. Inventory, CRL, backup/restore and storage failures: ca-lifecycle.test.ts.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { readFileSync } from 'node:fs';
import { createRootCa } from '../../src/core/ca/index.ts';
import { toPem } from '../../src/core/pem.ts';
import { KEY_PROTECTION_TEXTS } from '../../src/store/ca.ts';
import { cloneIntoThisRealm } from './one-realm-clone.ts';
import CaView from '../../src/ui/ca/CaView.svelte';
import { persistenceStatus } from '../../src/ui/ca/persistence-status.svelte.ts';
import { render as english } from '../../src/core/errors.ts';
import { csr, disposeStates, freshState, openssl, path, put, rootCa } from './ca-state.helper.ts';

afterEach(() => {
  cleanup();
  disposeStates();
});

beforeAll(cloneIntoThisRealm);

describe('CA view (rendered)', () => {
  it('shows the create form with the core defaults and every key-protection text, then creates a root CA into the list', async () => {
    const ca = freshState();
    render(CaView, { ca });
    const form = await screen.findByRole('form', { name: 'Create a CA' });
    const f = within(form);
    expect((f.getByLabelText('Subject') as HTMLInputElement).value).toBe('CN=kubernetes-ca');
    expect((f.getByLabelText('Validity (days)') as HTMLInputElement).value).toBe('3650');
    expect((f.getByRole('radio', { name: /Passphrase \(recommended\)/ }) as HTMLInputElement).checked).toBe(true);
    for (const t of [KEY_PROTECTION_TEXTS.passphrase, KEY_PROTECTION_TEXTS.browserKey, KEY_PROTECTION_TEXTS.notExportable]) {
      expect(form.textContent).toContain(t.protects);
      expect(form.textContent).toContain(t.doesNotProtect);
    }
    const create = f.getByRole('button', { name: 'Create root CA' }) as HTMLButtonElement;
    expect(create.disabled).toBe(true); // no passphrase yet
    await fireEvent.input(f.getByLabelText('Subject'), { target: { value: 'CN=View CA, O=Test' } });
    await fireEvent.input(f.getByLabelText('CA key passphrase'), { target: { value: 'pw-long-enough' } });
    await fireEvent.input(f.getByLabelText('Repeat passphrase'), { target: { value: 'pw-long-enough' } });
    await fireEvent.click(f.getByRole('checkbox', { name: /Allow backup/ }));
    expect(form.textContent).toContain(KEY_PROTECTION_TEXTS.exportable.doesNotProtect);
    await fireEvent.click(create);
    const card = await screen.findByRole('article', { name: 'CA CN = View CA, O = Test' }, { timeout: 20_000 });
    expect(within(card).getByTestId('ca-key').textContent).toBe('EC 256 bit (prime256v1)');
    expect(within(card).getByTestId('ca-expiry').className).toContain('valid');
    expect(within(card).getByTestId('ca-lock-state').textContent).toBe('Unlocked: can sign');
    await fireEvent.click(within(card).getByRole('button', { name: 'Lock now' }));
    expect(within(card).getByTestId('ca-lock-state').textContent).toBe('Locked');
    await fireEvent.click(within(card).getByRole('button', { name: 'Inspect' }));
    const pemFile = put('view-ca.pem', ca.cards[0]!.pem);
    expect(within(card).getByLabelText('OpenSSL text of CN = View CA, O = Test').textContent).toBe(openssl(['x509', '-in', pemFile, '-noout', '-text']));
  });

  it('starts the profile picker on what the CSR asks for, says why, warns only about differences, and shows the backdated notBefore', async () => {
    const ca = freshState();
    await rootCa(ca, 'CN=Follow CA', 'browser-key');
    openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'admin.key', '-subj', '/O=system:masters/CN=admin', '-addext', 'basicConstraints=critical,CA:FALSE', '-addext', 'keyUsage=critical,digitalSignature', '-addext', 'extendedKeyUsage=clientAuth', '-out', 'admin.csr']);
    render(CaView, { ca });
    await fireEvent.input(await screen.findByLabelText(/^Certificate signing request/), { target: { value: readFileSync(path('admin.csr'), 'utf8') } });
    await fireEvent.click(screen.getByRole('button', { name: 'Check request' }));
    const plan = await screen.findByRole('form', { name: 'Issuance plan' });
    const picker = within(plan).getByLabelText('Profile') as HTMLSelectElement;
    expect(picker.value).toBe('client');
    expect(within(plan).getByTestId('sign-profile-reason').textContent).toBe('The request asks for client: it requests extended key usage clientAuth, without serverAuth.');
    expect(within(plan).queryByRole('list', { name: 'Warnings' })).toBeNull();
    expect(within(plan).getByTestId('sign-not-before').textContent).toBe(
      `${ca.sign.plan!.notBefore.toISOString().slice(0, 19)}Z (5 minutes before the plan was made, so a peer whose clock is behind still accepts it; kubeadm and cfssl do the same)`,
    );
    expect(Date.now() - ca.sign.plan!.notBefore.getTime()).toBeGreaterThanOrEqual(5 * 60_000 - 1000);

    // The person may still choose another profile: the reason stays, and the difference is the one warning.
    await fireEvent.change(picker, { target: { value: 'server' } });
    await waitFor(() => expect(within(plan).getByTestId('sign-profile-reason').textContent).toMatch(/you chose another profile\.$/));
    const warnings = await within(plan).findByRole('list', { name: 'Warnings' });
    expect(within(warnings).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'no DNS or IP subject alternative name: TLS clients ignore the CN and will reject this server certificate',
      'the request asks for X509v3 Extended Key Usage: clientAuth; not copied, the profile "server" gives serverAuth',
    ]);
    await fireEvent.change(picker, { target: { value: 'client' } });
    await waitFor(() => expect(within(plan).queryByRole('list', { name: 'Warnings' })).toBeNull());
    await fireEvent.click(within(plan).getByRole('button', { name: 'Sign certificate' }));
    await screen.findByRole('region', { name: 'Signed certificate' }, { timeout: 20_000 });
    const text = openssl(['x509', '-in', put('admin.crt', ca.sign.result!.pem), '-noout', '-ext', 'extendedKeyUsage']);
    expect(text).toBe('X509v3 Extended Key Usage: \n    TLS Web Client Authentication\n');
  });

  it('shows the storage persistence answer when it arrives', async () => {
    render(CaView, { ca: freshState() });
    const status = await screen.findByTestId('persistence');
    persistenceStatus.ask((answer) => setTimeout(() => answer('denied'), 10));
    await waitFor(() => expect(status.textContent).toContain('did not promise to keep this storage'));
  });
});

describe('CA state', () => {
  it('a locked CA does not sign until the right passphrase; the SANs of the CSR are kept; openssl verifies', async () => {
    const ca = freshState();
    const card = await rootCa(ca, 'CN=Locked CA', 'passphrase');
    ca.lockAll();
    expect(card.unlocked).toBe(false);
    ca.sign.setCsrText(csr('s1', 'www.test', 'DNS:www.test,DNS:api.test,IP:192.0.2.1'));
    await ca.sign.check();
    expect(ca.sign.checkError).toBe('');
    expect(ca.sign.sansText).toBe('DNS:www.test\nDNS:api.test\nIP Address:192.0.2.1');
    expect(ca.sign.subjectText).toBe('/CN=www.test');
    expect(ca.sign.days).toBe(365);
    expect(ca.sign.needsUnlock).toBe(true);
    await ca.sign.sign();
    expect(ca.sign.signError).toMatch(/locked: enter its passphrase/);
    ca.sign.unlockPassphrase = 'nope';
    await ca.sign.sign();
    expect(ca.sign.signError).toMatch(/^Wrong passphrase: the CA stays locked/);
    expect(ca.sign.result).toBeUndefined();
    expect(card.inventory.entries).toHaveLength(0);
    ca.sign.unlockPassphrase = 'pass phrase 12';
    ca.sign.sansText += '\nDNS:added.test';
    await ca.sign.sign();
    expect(ca.sign.signError).toBe('');
    const r = ca.sign.result!;
    const caPem = put('locked-ca.pem', card.pem);
    expect(openssl(['verify', '-CAfile', caPem, put('s1.pem', r.pem)])).toContain(': OK');
    const exts = openssl(['x509', '-in', path('s1.pem'), '-noout', '-ext', 'subjectAltName,extendedKeyUsage']);
    expect(exts).toContain('DNS:www.test, DNS:api.test, IP Address:192.0.2.1, DNS:added.test\n');
    expect(exts).toContain('TLS Web Server Authentication\n');
    expect(ca.sign.commands!.openssl).toBe('openssl x509 -req -in www.test.csr -CA Locked-CA.pem -CAkey Locked-CA.key -CAcreateserial -days 365 -sha256 -extfile www.test.ext -out www.test.crt');
    expect(ca.sign.commands!.cfsslSign).toContain('-profile server www.test.csr');
    expect(card.inventory.entries.map((e) => e.serialHex)).toEqual([r.entry.serialHex]);
    expect(card.unlocked).toBe(true);
  });

  it('refuses a CSR whose signature is bad, with the reason, and plans nothing', async () => {
    const ca = freshState();
    await rootCa(ca, 'CN=Strict CA', 'browser-key');
    const der = Buffer.from(csr('bad', 'bad.test', 'DNS:bad.test').replace(/-----[^-]+-----|\s/g, ''), 'base64');
    der[der.length - 5]! ^= 0x01;
    ca.sign.setCsrText(toPem('CERTIFICATE REQUEST', new Uint8Array(der)));
    await ca.sign.check();
    expect(ca.sign.checkError).toMatch(/^Refused: CSR: its signature does not verify/);
    expect(ca.sign.plan).toBeUndefined();
  });

  it('uses a pasted cfssl ca-config.json profile and warns when the validity is capped at the CA', async () => {
    const ca = freshState();
    await rootCa(ca, 'CN=Short CA', 'browser-key', { days: 10 });
    ca.sign.setCsrText(csr('c1', 'client.test', 'DNS:client.test'));
    await ca.sign.check();
    expect(ca.sign.plan!.warnings.map((w) => english(w)).join()).toMatch(/validity shortened to end with the CA/);
    ca.sign.profileChoice = 'cfssl';
    ca.sign.cfsslConfig = JSON.stringify({ signing: { default: { expiry: '168h' }, profiles: { kube: { usages: ['signing', 'key encipherment', 'client auth'], expiry: '72h' } } } });
    ca.sign.readCfsslConfig();
    expect(Object.keys(ca.sign.cfsslProfiles)).toEqual(['default', 'kube']);
    await ca.sign.replan(true);
    expect(ca.sign.days).toBe(3);
    expect(ca.sign.plan!.warnings.map((w) => english(w)).join()).not.toMatch(/shortened/);
    await ca.sign.sign();
    const text = openssl(['x509', '-in', put('c1.pem', ca.sign.result!.pem), '-noout', '-ext', 'keyUsage,extendedKeyUsage', '-enddate', '-startdate']);
    expect(text).toMatch(/Digital Signature, Key Encipherment[\s\S]*TLS Web Client Authentication/);
    expect(ca.sign.commands!.cfsslSign).toContain('-profile kube');
    const r = ca.sign.result!;
    expect(new Date(r.entry.notAfter).getTime() - new Date(r.entry.notBefore).getTime()).toBe(72 * 3_600_000);
  });

  it('imports a CA with an encrypted PKCS#8 key; refuses a non-CA, a key that does not match; warns for an expired CA', async () => {
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-keyout', 'imp.key', '-passout', 'pass:kp', '-subj', '/CN=Imported CA', '-days', '30', '-out', 'imp.pem']);
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'leafonly.key', '-subj', '/CN=not a ca', '-addext', 'basicConstraints=critical,CA:FALSE', '-days', '30', '-out', 'leafonly.pem']);
    const ca = freshState();
    const f = ca.importForm;
    f.certificate = readFileSync(path('leafonly.pem'), 'utf8');
    f.key = readFileSync(path('leafonly.key'), 'utf8');
    f.protection.kind = 'browser-key';
    await ca.importCa();
    expect(ca.importError).toMatch(/not a CA/);
    expect(f.certificate).toContain('BEGIN CERTIFICATE'); // what was pasted stays
    f.certificate = readFileSync(path('imp.pem'), 'utf8');
    await ca.importCa();
    expect(ca.importError).toMatch(/does not belong to this certificate/);
    f.key = readFileSync(path('imp.key'), 'utf8'); // openssl req's default: PBES2 with 3DES, which the core refuses with advice
    f.keyPassphrase = 'kp';
    await ca.importCa();
    expect(ca.importError).toMatch(/unsupported encryption scheme des-ede3-cbc.*openssl pkcs8 -topk8 -v2 aes-256-cbc/);
    openssl(['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-in', 'imp.key', '-passin', 'pass:kp', '-passout', 'pass:kp', '-out', 'imp-aes.key']);
    f.key = readFileSync(path('imp-aes.key'), 'utf8');
    await ca.importCa();
    expect(ca.importError).toBe('');
    expect(ca.message).toBe('Imported CA CN = Imported CA.');
    expect(ca.cards.map((c) => c.name)).toEqual(['CN = Imported CA']);
    expect(f.key).toBe(''); // the key text is dropped once stored

    const expired = await createRootCa({ subject: 'CN=Old CA', days: 1, notBefore: new Date(Date.now() - 5 * 86_400_000) });
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', expired.key));
    f.certificate = toPem('CERTIFICATE', expired.certificate);
    f.key = toPem('PRIVATE KEY', pkcs8);
    f.protection.kind = 'browser-key';
    await ca.importCa();
    expect(ca.importError).toBe('');
    expect(ca.warnings.map((w) => english(w)).join()).toMatch(/this CA expired on/);
    expect(ca.cards.find((c) => c.name === 'CN = Old CA')!.summary!.validity!.state).toBe('expired');
  });
});
