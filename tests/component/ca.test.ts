/**
 * The CA area's state and view under jsdom + fake-indexeddb: create, import (with the core's refusals
 * and warnings), locked signing, the editable plan, inventory, CRL, backup/restore, storage failures.
 * openssl makes the CSRs and keys and judges the certificates and CRLs the page produces.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRootCa } from '../../src/core/ca/index.ts';
import { toPem } from '../../src/core/pem.ts';
import { CaStore, KEY_PROTECTION_TEXTS, openDb } from '../../src/store/ca.ts';
import { storageError, type Db } from '../../src/store/db.ts';
import { CaState } from '../../src/ui/ca/ca-state.svelte.ts';
import { cloneIntoThisRealm } from './one-realm-clone.ts';
import CaView from '../../src/ui/ca/CaView.svelte';
import { persistenceStatus } from '../../src/ui/ca/persistence-status.svelte.ts';
import { msg, render as english } from '../../src/core/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-ca-component-'));
const path = (name: string) => join(dir, name);
const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
/** openssl writes some verdicts ("verify OK") to stderr. */
const opensslAll = (args: string[]) => execFileSync('sh', ['-c', `openssl ${args.map((a) => `'${a}'`).join(' ')} 2>&1`], { cwd: dir }).toString();
const put = (name: string, text: string) => (writeFileSync(path(name), text), path(name));

function csr(base: string, cn: string, sans?: string): string {
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${base}.key`, '-subj', `/CN=${cn}`, ...(sans ? ['-addext', `subjectAltName=${sans}`] : []), '-out', `${base}.csr`]);
  return readFileSync(path(`${base}.csr`), 'utf8');
}

let n = 0;
const states: CaState[] = [];
function freshState(db: Db = openDb(`certbench-ca-component-${++n}`)): CaState {
  const s = new CaState(new CaStore(db));
  states.push(s);
  return s;
}

afterEach(() => {
  cleanup();
  for (const s of states.splice(0)) s.dispose();
});

beforeAll(cloneIntoThisRealm);

async function rootCa(ca: CaState, subject: string, protection: 'passphrase' | 'browser-key', extra: { days?: number; exportable?: boolean } = {}) {
  const f = ca.createForm;
  f.subject = subject;
  f.days = extra.days ?? 3650;
  f.protection.kind = protection;
  f.protection.passphrase = f.protection.confirmation = protection === 'passphrase' ? 'pass phrase 12' : '';
  f.protection.exportable = extra.exportable ?? false;
  await ca.createCa();
  expect(ca.createError).toBe('');
  return ca.cards.find((c) => c.name === subject.replace(/=/g, ' = ').replace(/,\s*/g, ', '))!;
}

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

  it('inventory: search, renew through the Sign panel, revoke with a reason, CRL that openssl verifies', async () => {
    const ca = freshState();
    const card = await rootCa(ca, 'CN=Inventory CA', 'browser-key');
    for (const [base, cn] of [['i1', 'alpha.test'], ['i2', 'beta.test']] as const) {
      ca.sign.setCsrText(csr(base, cn, `DNS:${cn}`));
      await ca.sign.check();
      await ca.sign.sign();
    }
    const inv = card.inventory;
    expect(inv.entries).toHaveLength(2);
    inv.query = 'beta';
    expect(inv.filtered.map((e) => e.subject)).toEqual(['CN = beta.test']);
    const beta = inv.filtered[0]!;
    inv.query = beta.serialHex.slice(0, 6).toUpperCase();
    expect(inv.filtered.map((e) => e.serialHex)).toContain(beta.serialHex);
    await inv.renew(beta.serialHex);
    expect(ca.sign.sourceText).toBe(`Renewal of serial ${beta.serialHex} (CN = beta.test)`);
    expect(ca.sign.sansText).toBe('DNS:beta.test');
    await ca.sign.sign();
    expect(inv.entries).toHaveLength(3);
    inv.reasons[beta.serialHex] = 'superseded';
    await inv.revoke(beta.serialHex);
    expect(inv.error).toBe('');
    expect(inv.entries.find((e) => e.serialHex === beta.serialHex)!.status).toBe('revoked');
    await inv.revoke(beta.serialHex);
    expect(inv.error).toMatch(/already revoked/);
    await inv.publishCrl();
    const caPem = put('inv-ca.pem', card.pem);
    const crlPem = put('inv.crl.pem', inv.crl!.pem);
    expect(opensslAll(['crl', '-in', crlPem, '-CAfile', caPem, '-verify', '-noout'])).toContain('verify OK');
    const text = openssl(['crl', '-in', crlPem, '-noout', '-text']);
    expect(text).toContain('Superseded');
    expect(text).toMatch(/X509v3 CRL Number: \n\s+1\n/);
    expect(inv.message).toBe('CRL number 1 lists 1 revoked certificate.');
  });

  it('creates an intermediate signed by a stored CA (pathlen, name constraints) that issues a chain openssl verifies', async () => {
    const ca = freshState();
    const root = await rootCa(ca, 'CN=Parent CA', 'browser-key');
    const f = ca.createForm;
    f.kind = 'intermediate';
    f.parentId = root.id;
    f.subject = 'CN=Child CA';
    f.days = 99_999;
    f.pathLen = '0';
    f.permittedDns = 'example.test, .example.test';
    f.excludedIp = '10.0.0.0/8';
    f.protection.kind = 'browser-key';
    await ca.createCa();
    expect(ca.createError).toBe('');
    expect(ca.warnings.map((w) => english(w)).join()).toMatch(/validity shortened to end with the issuing CA/);
    const child = ca.cards.find((c) => c.name === 'CN = Child CA')!;
    expect(child.record.parentId).toBe(root.id);
    expect(root.inventory.entries.map((e) => e.profile)).toEqual(['ca']);
    const text = openssl(['x509', '-in', put('child.pem', child.pem), '-noout', '-text']);
    expect(text).toMatch(/CA:TRUE, pathlen:0/);
    expect(text).toMatch(/Permitted:\n\s+DNS:example.test\n\s+DNS:.example.test\n\s+Excluded:\n\s+IP:10.0.0.0\/255.0.0.0/);
    ca.sign.caId = child.id;
    ca.sign.setCsrText(csr('ch1', 'www.example.test', 'DNS:www.example.test'));
    await ca.sign.check();
    await ca.sign.sign();
    expect(ca.sign.signError).toBe('');
    const r = ca.sign.result!;
    expect(r.chainPem.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    expect(r.fullChainPem.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
    expect(openssl(['verify', '-CAfile', put('parent.pem', root.pem), '-untrusted', put('ch1-chain.pem', r.chainPem), put('ch1.pem', r.pem)])).toContain(': OK');
  });

  it('deletes a CA only when its name is typed', async () => {
    const ca = freshState();
    const card = await rootCa(ca, 'CN=Doomed CA', 'browser-key');
    card.deleteConfirmation = 'CN = Doomed';
    await card.delete();
    expect(ca.cards).toHaveLength(1);
    card.deleteConfirmation = 'CN = Doomed CA';
    await card.delete();
    expect(ca.cards).toHaveLength(0);
    expect(await ca.store.listCas()).toEqual([]);
  });

  it('backup names the keys left out; restore into an empty store brings CAs, keys and inventory; a wrong passphrase restores nothing', async () => {
    const ca = freshState();
    await rootCa(ca, 'CN=Kept CA', 'passphrase', { exportable: true });
    await rootCa(ca, 'CN=Bound CA', 'browser-key');
    ca.sign.caId = ca.cards.find((c) => c.name === 'CN = Kept CA')!.id;
    ca.sign.setCsrText(csr('b1', 'b1.test', 'DNS:b1.test'));
    await ca.sign.check();
    await ca.sign.sign();
    let saved = '';
    ca.backup.passphrase = 'bk';
    ca.backup.confirmation = 'bk';
    await ca.backup.backup((_name, text) => (saved = text));
    expect(ca.backup.backupError).toBe('');
    expect(ca.backup.made!.keysNotIncluded.map((k) => k.name)).toEqual(['CN = Bound CA']);
    expect(ca.backup.made!.fileName).toMatch(/^certbench-ca-\d{4}-\d\d-\d\d\.certbench-backup$/);

    const other = freshState();
    await other.refresh();
    other.backup.chooseFile('x.certbench-backup', new TextEncoder().encode(saved));
    other.backup.restorePassphrase = 'wrong';
    await other.backup.restore();
    expect(other.backup.restoreError).toMatch(/^Wrong passphrase for this backup: nothing was restored/);
    expect(other.cards).toHaveLength(0);
    other.backup.restorePassphrase = 'bk';
    await other.backup.restore();
    expect(other.error).toBe('');
    expect(other.backup.restored).toEqual({ casAdded: 2, keysAdded: 1, certificatesAdded: 1, revocationsTaken: 0, refused: [] });
    const kept = other.cards.find((c) => c.name === 'CN = Kept CA')!;
    const bound = other.cards.find((c) => c.name === 'CN = Bound CA')!;
    expect(kept.inventory.entries).toHaveLength(1);
    expect(bound.hasKey).toBe(false);
    expect(kept.unlocked).toBe(false);
    kept.unlockPassphrase = 'pass phrase 12';
    expect(await kept.unlock()).toBe(true);
    other.sign.caId = kept.id;
    other.sign.setCsrText(csr('b2', 'b2.test', 'DNS:b2.test'));
    await other.sign.check();
    await other.sign.sign();
    expect(other.sign.signError).toBe('');
    expect(openssl(['verify', '-CAfile', put('kept.pem', kept.pem), put('b2.pem', other.sign.result!.pem)])).toContain(': OK');
  });

  it('a storage failure shows an error and loses nothing: the form keeps its values, the store its CAs', async () => {
    const real = openDb(`certbench-ca-component-${++n}`);
    let failWrites = false;
    const db: Db = {
      ...real,
      write: (puts, deletes) => {
        if (failWrites) {
          const quota = new DOMException('quota', 'QuotaExceededError');
          return Promise.reject(storageError(quota, msg('store.writingCaStore')));
        }
        return real.write(puts, deletes);
      },
      transact: (keys, change) => {
        if (failWrites) return Promise.reject(storageError(new DOMException('quota', 'QuotaExceededError'), msg('store.writingCaStore')));
        return real.transact(keys, change);
      },
    };
    const ca = freshState(db);
    await rootCa(ca, 'CN=Survivor CA', 'browser-key');
    failWrites = true;
    ca.createForm.subject = 'CN=Second CA';
    await ca.createCa();
    expect(ca.createError).toMatch(/writing the CA store: the browser has no more storage for this page/);
    expect(ca.createForm.subject).toBe('CN=Second CA');
    expect(ca.cards.map((c) => c.name)).toEqual(['CN = Survivor CA']);
    const card = ca.cards[0]!;
    card.deleteConfirmation = card.name;
    await card.delete();
    expect(card.error).toMatch(/no more storage/);
    expect((await ca.store.listCas()).map((c) => c.name)).toEqual(['CN = Survivor CA']);
  });

  it('the list follows the idle lock of the session', async () => {
    const ca = freshState();
    ca.setIdleMinutes(1);
    expect(ca.store.session.idleMs).toBe(60_000);
    ca.store.session.idleMs = 50;
    const card = await rootCa(ca, 'CN=Idle CA', 'passphrase');
    expect(card.unlocked).toBe(true);
    await new Promise((r) => setTimeout(r, 1300)); // the idle timer, then the list's 1 s sync
    expect(card.unlocked).toBe(false);
  });
});
