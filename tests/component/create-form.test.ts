/** Create's form in jsdom: presets fill it, each field says what is wrong beside it, Generate says why it waits. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import CreateView from '../../src/ui/create/CreateView.svelte';
import { CreateState } from '../../src/ui/create/create-state.svelte.ts';
import { CSR_PRESETS } from '../../src/core/csr/presets.ts';
import { SUBJECT_TYPES } from '../../src/core/csr/subject.ts';

afterEach(cleanup);

function setup(create = new CreateState()) {
  render(CreateView, { create });
  return create;
}

const generateButton = () => screen.getByRole('button', { name: /^Generate/ }) as HTMLButtonElement;
const reason = () => document.getElementById(generateButton().getAttribute('aria-describedby')!)!.textContent!.trim();
const sansField = () => screen.getByLabelText(/^Names and addresses/) as HTMLTextAreaElement;
const rowValues = () =>
  screen.queryAllByLabelText(/^Attribute \d+ value/).map((el) => {
    const i = Number(/Attribute (\d+)/.exec(el.getAttribute('aria-label')!)![1]) - 1;
    const type = (screen.getByLabelText(`Attribute ${i + 1} type`) as HTMLSelectElement).value;
    return `${type}=${(el as HTMLInputElement).value}`;
  });

async function typeInto(el: HTMLElement, value: string) {
  await fireEvent.input(el, { target: { value } });
}

describe('presets', () => {
  it.each(CSR_PRESETS.map((p) => [p.title, p] as const))('"%s" fills subject, SANs, purpose and key type in one click', async (_title, preset) => {
    setup();
    await fireEvent.click(screen.getByRole('button', { name: preset.title }));
    expect(rowValues()).toEqual(preset.request.subject.map((a) => `${a.type}=${a.value}`));
    expect(sansField().value).toBe(preset.request.sans.join('\n'));
    const purpose = screen.getByRole('group', { name: 'Purpose' });
    expect((within(purpose).getByRole('radio', { checked: true }) as HTMLInputElement).value).toBe(preset.request.usage);
    expect((screen.getByLabelText('Key type') as HTMLSelectElement).value).toBe(preset.request.keyType);
    expect(screen.getByRole('button', { name: preset.title }).getAttribute('aria-pressed')).toBe('true');
    expect(generateButton().disabled).toBe(false);
    expect(reason()).toBe('Ready.');
  });

  it('leaves the filled form editable: a changed CN and an added SAN are what the request holds', async () => {
    const create = setup();
    await fireEvent.click(screen.getByRole('button', { name: 'kube-apiserver serving certificate' }));
    await typeInto(screen.getByLabelText('Attribute 1 value (Common name)'), 'api.internal');
    await typeInto(sansField(), `${sansField().value}\n2001:db8::1`);
    expect(create.request()).toMatchObject({
      subject: [{ type: 'CN', value: 'api.internal' }],
      sans: [
        'DNS:control-plane', 'DNS:kubernetes', 'DNS:kubernetes.default', 'DNS:kubernetes.default.svc', 'DNS:kubernetes.default.svc.cluster.local',
        'IP:10.96.0.1', 'IP:192.168.0.10', '2001:db8::1',
      ],
      usage: 'server',
    });
  });
});

describe('subject rows', () => {
  it('adds, validates inline, reorders and removes rows', async () => {
    const create = setup();
    expect(generateButton().disabled).toBe(true);
    expect(reason()).toBe('Fix first: give a subject or at least one SAN');

    await fireEvent.change(screen.getByLabelText('New attribute'), { target: { value: 'C' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add attribute' }));
    const c = screen.getByLabelText(`Attribute 1 value (${SUBJECT_TYPES.C.label})`);
    expect(document.activeElement).toBe(c);
    expect(c.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(c.getAttribute('aria-describedby')!)!.textContent).toBe('C is empty');
    await typeInto(c, 'Germany');
    expect(document.getElementById(c.getAttribute('aria-describedby')!)!.textContent).toBe(
      'C must be a two-letter country code (ISO 3166) like DE or US, not "Germany"',
    );
    expect(reason()).toContain('two-letter country code');
    await typeInto(c, 'DE');
    expect(c.getAttribute('aria-invalid')).toBeNull();

    for (const [type, value] of [['O', 'Example'], ['O', 'Second group'], ['CN', 'www.example.com']] as const) {
      await fireEvent.change(screen.getByLabelText('New attribute'), { target: { value: type } });
      await fireEvent.click(screen.getByRole('button', { name: 'Add attribute' }));
      await typeInto(document.activeElement as HTMLElement, value);
    }
    expect(rowValues()).toEqual(['C=DE', 'O=Example', 'O=Second group', 'CN=www.example.com']);
    expect(generateButton().disabled).toBe(false);

    await fireEvent.click(screen.getByRole('button', { name: 'Move attribute 4 up' }));
    expect(rowValues()).toEqual(['C=DE', 'O=Example', 'CN=www.example.com', 'O=Second group']);
    expect((screen.getByRole('button', { name: 'Move attribute 1 up' }) as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Move attribute 1 down' }));
    expect(rowValues()).toEqual(['O=Example', 'C=DE', 'CN=www.example.com', 'O=Second group']);
    await fireEvent.click(screen.getByRole('button', { name: 'Remove attribute 2' }));
    expect(rowValues()).toEqual(['O=Example', 'CN=www.example.com', 'O=Second group']);
    expect(create.request().subject.map((a) => a.type)).toEqual(['O', 'CN', 'O']);

    // Two CNs: allowed by X.509 but read by almost nobody, so Generate waits and says so.
    await fireEvent.change(screen.getByLabelText('Attribute 3 type'), { target: { value: 'CN' } });
    expect(reason()).toBe('Fix first: 2 CNs: most software reads only one common name');
    expect(generateButton().disabled).toBe(true);
  });
});

describe('SAN list', () => {
  it('shows the type read for each entry, the punycode of an IDN, OpenSSL’s IPv6 form, and each bad entry’s message', async () => {
    setup();
    await typeInto(sansField(), ['bücher.example', '2001:db8::1', 'ops@example.com', 'spiffe://cluster.local/ns/a/sa/b', '10.0.0.256', 'bad_name.example', 'DNS:*.example.com'].join('\n'));
    const items = within(screen.getByRole('list', { name: 'SANs as read' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).toEqual([
      'DNS bücher.example → xn--bcher-kva.example (punycode)',
      'IP 2001:db8::1 → 2001:DB8:0:0:0:0:0:1 (as OpenSSL prints it)',
      'email ops@example.com',
      'URI spiffe://cluster.local/ns/a/sa/b',
      '? 10.0.0.256 line 5: 256 is more than 255',
      '? bad_name.example line 6: "_" is not allowed in a DNS name (letters, digits, hyphens)',
      'DNS DNS:*.example.com',
    ]);
    expect(sansField().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('7 entries, 2 with a problem')).toBeTruthy();
    expect(generateButton().disabled).toBe(true);
    expect(reason()).toMatch(/^Fix first \(2\): SAN "10\.0\.0\.256": 256 is more than 255; SAN "bad_name\.example"/);
  });
});

describe('purpose and key usage', () => {
  it('shows the key usage each key type gets, and offers keyEncipherment for EC keys only', async () => {
    setup();
    const purpose = screen.getByRole('group', { name: 'Purpose' });
    const ku = () => within(purpose).getByText('Key usage (critical)').nextElementSibling!.textContent!.replace(/\s+/g, ' ').trim();
    const box = screen.getByRole('checkbox', { name: /Also list keyEncipherment/ }) as HTMLInputElement;
    expect(ku()).toBe('digitalSignature for ECDSA P-256');
    await fireEvent.click(box);
    expect(ku()).toBe('digitalSignature, keyEncipherment for ECDSA P-256');
    await fireEvent.click(box);
    await fireEvent.change(screen.getByLabelText('Key type'), { target: { value: 'rsa3072' } });
    expect(ku()).toBe('digitalSignature, keyEncipherment for RSA 3072');
    expect(box.disabled).toBe(true);
    await fireEvent.click(within(purpose).getByRole('radio', { name: /Both/ }));
    expect(within(purpose).getByText('Extended key usage').nextElementSibling!.textContent).toBe('serverAuth, clientAuth');
  });
});

describe('bring what you already have', () => {
  it('fills the form from cfssl JSON, from an openssl line, and says what is wrong with a bad paste', async () => {
    const create = setup();
    const paste = screen.getByLabelText('cfssl CSR JSON or openssl req command');
    const fill = screen.getByRole('button', { name: 'Fill the form' });
    const message = () => document.getElementById('create-paste-message')!.textContent!;

    await typeInto(paste, '{"CN": "etcd-0", "hosts": ["etcd-0.etcd", "10.0.0.5"], "key": {"algo": "rsa", "size": 3072}, "names": [{"O": "etcd", "C": "DE"}]}');
    await fireEvent.click(fill);
    expect(rowValues()).toEqual(['C=DE', 'O=etcd', 'CN=etcd-0']);
    expect(sansField().value).toBe('etcd-0.etcd\n10.0.0.5');
    expect((screen.getByLabelText('Key type') as HTMLSelectElement).value).toBe('rsa3072');
    expect(message()).toBe('Filled from the cfssl CSR JSON: 3 subject attributes, 2 SANs, RSA 3072 key.');

    await typeInto(paste, `openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-384 -noenc -keyout a.key -subj '/O=system:masters/CN=admin' -addext 'extendedKeyUsage=clientAuth'`);
    await fireEvent.click(fill);
    expect(rowValues()).toEqual(['O=system:masters', 'CN=admin']);
    expect(sansField().value).toBe('');
    expect(create.form.usage).toBe('client');
    expect((screen.getByLabelText('Key type') as HTMLSelectElement).value).toBe('ec-p384');

    await typeInto(paste, '{"CN": "x", "key": {"algo": "rsa", "size": 1024}}');
    await fireEvent.click(fill);
    expect(message()).toBe('cfssl CSR JSON › key.size: RSA size 1024 is not offered (2048, 3072, 4096 are)');
    expect(rowValues()).toEqual(['O=system:masters', 'CN=admin']); // a bad paste leaves the form alone

    await typeInto(paste, 'CN=example.com');
    await fireEvent.click(fill);
    expect(message()).toBe('expected a cfssl CSR JSON (starting with {) or an "openssl req …" command line');
  });
});

describe('key choice', () => {
  it('disables Ed25519 with the reason when WebCrypto cannot make it', async () => {
    const noEd25519 = { generateKey: () => Promise.reject(new Error('NotSupportedError')) } as unknown as SubtleCrypto;
    const create = setup(new CreateState(noEd25519));
    await fireEvent.click(screen.getByRole('button', { name: 'kube-proxy (client)' }));
    await waitUntil(() => create.key.ed25519 === false);
    const option = screen.getByRole('option', { name: /^Ed25519/ }) as HTMLOptionElement;
    expect(option.disabled).toBe(true);
    expect(option.textContent!.trim()).toBe('Ed25519 (not in this browser)');
    expect(document.getElementById('create-key-type-note')!.textContent).toContain('cannot make Ed25519 keys');
    create.key.keyType = 'ed25519'; // as a paste of an ed25519 cfssl JSON would
    await tick();
    expect(generateButton().disabled).toBe(true);
    expect(reason()).toContain('cannot make Ed25519 keys');
  });

  it('waits for an existing key before it can generate, and says what is wrong with a bad one', async () => {
    const create = setup();
    await fireEvent.click(screen.getByRole('button', { name: 'kube-scheduler (client)' }));
    await fireEvent.click(screen.getByRole('radio', { name: 'Use an existing key' }));
    expect(generateButton().textContent).toBe('Generate CSR');
    expect(reason()).toBe('Fix first: paste or drop the existing private key and press Load key');
    await typeInto(screen.getByLabelText(/^Existing private key/), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    await fireEvent.click(screen.getByRole('button', { name: 'Load key' }));
    await waitUntil(() => !create.key.importing && create.key.importError !== null);
    expect(document.getElementById('create-existing-key-status')!.textContent!.trim()).toBe('no private key here (found CERTIFICATE)');
    expect(generateButton().disabled).toBe(true);
    await typeInto(screen.getByLabelText(/^Existing private key/), '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n');
    expect(screen.getByLabelText('Passphrase of the encrypted key')).toBeTruthy();
  });
});

async function waitUntil(done: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
  await tick();
}
