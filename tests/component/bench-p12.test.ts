/**
 * The bench's "Download .p12…" (src/ui/bench/ExportP12.svelte) under jsdom: offered only for a
 * certificate whose key is on the bench, the passphrase's minimum enforced; and the parts it hands the
 * writer — leaf, intermediates and CA once each, in that order — judged by openssl pkcs12 -info.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BenchPanel from '../../src/ui/bench/BenchPanel.svelte';
import { bench } from '../../src/ui/bench/bench.svelte.ts';
import { benchEntryForDer } from '../../src/ui/bench/from-object.ts';
import { P12_MIN_PASSPHRASE } from '../../src/ui/bench/export-p12.svelte.ts';
import { pkcs12FromBench } from '../../src/ui/bench/p12-parts.ts';
import { fromBase64 } from '../../src/core/bytes.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-bench-p12-'));
const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
const read = (f: string) => readFileSync(join(dir, f), 'utf8');
const derOf = (pem: string) => fromBase64(pem.replace(/-----[^-]+-----|\s/g, ''));

openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-subj', '/CN=Root', '-days', '2']);
openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'int.key', '-out', 'int.csr', '-subj', '/CN=Intermediate']);
writeFileSync(join(dir, 'ca.ext'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
openssl(['x509', '-req', '-in', 'int.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-extfile', 'ca.ext', '-out', 'int.pem', '-days', '2']);
openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=leaf.example']);
openssl(['x509', '-req', '-in', 'leaf.csr', '-CA', 'int.pem', '-CAkey', 'int.key', '-out', 'leaf.pem', '-days', '2']);

afterEach(() => {
  cleanup();
  bench.clear();
});

describe('Download .p12… on the bench', () => {
  it('is offered for a certificate only once its key is on the bench, and wants a passphrase of the minimum length', async () => {
    bench.add((await benchEntryForDer('certificate', derOf(read('leaf.pem')), 'opened'))!);
    render(BenchPanel);
    const entry = () => screen.getByRole('group', { name: 'Certificate leaf.example' });
    expect(within(entry()).queryByRole('button', { name: /Download \.p12…/ })).toBeNull();

    bench.add((await benchEntryForDer('private-key', derOf(openssl(['pkcs8', '-topk8', '-nocrypt', '-in', 'leaf.key'])), 'opened'))!);
    await fireEvent.click(await within(entry()).findByRole('button', { name: /Download \.p12…/ }));
    const form = screen.getByRole('form', { name: 'PKCS#12 file for leaf.example' });
    const submit = within(form).getByRole('button', { name: 'Download .p12' });
    expect(within(form).getByLabelText<HTMLInputElement>('Friendly name (alias)').value).toBe('leaf.example');
    await fireEvent.input(within(form).getByLabelText('Passphrase'), { target: { value: 'x'.repeat(P12_MIN_PASSPHRASE - 1) } });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.input(within(form).getByLabelText('Passphrase'), { target: { value: 'x'.repeat(P12_MIN_PASSPHRASE) } });
    expect((submit as HTMLButtonElement).disabled).toBe(false);
    // The key itself gets no .p12 action.
    expect(within(screen.getByRole('group', { name: /^Private key / })).queryByRole('button', { name: /Download \.p12…/ })).toBeNull();
  });

  it('puts the leaf, its intermediate and the CA in once each, leaf first, with the key', async () => {
    const bytes = await pkcs12FromBench({
      certificatePem: read('leaf.pem') + read('int.pem'),
      keyPem: read('leaf.key'),
      // The CA as the bench knows it, plus the intermediate again: each goes in once.
      caPem: read('root.pem') + read('int.pem'),
      friendlyName: 'leaf alias',
      passphrase: 'component pw',
      legacy: false,
    });
    writeFileSync(join(dir, 'out.p12'), bytes);
    const info = spawnSync('openssl', ['pkcs12', '-in', join(dir, 'out.p12'), '-passin', 'pass:component pw', '-info', '-nodes'], { encoding: 'utf8' });
    expect(info.status, info.stderr).toBe(0);
    const certs = [...info.stdout.matchAll(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----\n/g)].map((m) => m[0]);
    expect(certs).toEqual([read('leaf.pem'), read('int.pem'), read('root.pem')]);
    expect(info.stdout.match(/friendlyName: leaf alias/g)).toHaveLength(2);
    const key = /-----BEGIN PRIVATE KEY-----[^-]+-----END PRIVATE KEY-----\n/.exec(info.stdout)![0];
    expect(execFileSync('openssl', ['pkey', '-pubout'], { input: key, encoding: 'utf8' })).toBe(openssl(['pkey', '-in', 'leaf.key', '-pubout']));
  });
});
