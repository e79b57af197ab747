/**
 * Opening a PKCS#12 file as Inspect does: detectInput names it, openPkcs12 gives each bag with its
 * friendly name and localKeyID, and the decode job turns the certificates and keys into cards whose
 * text is what openssl prints for them. openssl makes the files and judges every value.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectInput } from '../../src/core/input/detect.ts';
import { openPkcs12 } from '../../src/core/input/decrypt.ts';
import { decryptItem, decodeInput } from '../../src/ui/workers/decode-job.ts';
import { render } from '../../src/core/errors.ts';

const CORPUS = join(import.meta.dirname, '../fixtures/corpus/other');
const MANIFEST = JSON.parse(readFileSync(join(CORPUS, 'MANIFEST.json'), 'utf8')) as { file?: string; password: string | null }[];
const work = mkdtempSync(join(tmpdir(), 'certbench-p12-open-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const openssl = (args: string[], input?: string | Uint8Array) => execFileSync('openssl', args, { cwd: work, input, stdio: ['pipe', 'pipe', 'pipe'] });
const bytesOf = (file: string) => new Uint8Array(readFileSync(join(work, file)));
const PASS = 'correct horse';
// openssl turns -name's UTF-8 into the BMPString; the umlaut and the snowman are outside ASCII, as names often are.
const NAME = 'Zürich ☃ web';

openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.pem', '-subj', '/CN=open.example', '-days', '2']);
openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=Open CA', '-days', '2']);
openssl(['pkcs12', '-export', '-in', 'leaf.pem', '-inkey', 'leaf.key', '-certfile', 'ca.pem', '-name', NAME, '-passout', `pass:${PASS}`, '-out', 'default.p12']);
openssl(['pkcs12', '-export', '-legacy', '-in', 'leaf.pem', '-inkey', 'leaf.key', '-name', NAME, '-passout', `pass:${PASS}`, '-out', 'legacy.p12']);
const der = (pem: string) => new Uint8Array(openssl(['x509', '-in', pem, '-outform', 'DER']));

describe('detectInput', () => {
  it('finds every corpus .p12 as one PKCS#12 object', () => {
    for (const m of MANIFEST.filter((x) => x.file?.endsWith('.p12'))) {
      const r = detectInput(new Uint8Array(readFileSync(join(CORPUS, m.file!))), m.file);
      expect(r.objects.map((o) => o.kind), m.file).toEqual(['pkcs12']);
      expect(r.problems, m.file).toEqual([]);
    }
  });
});

describe('openPkcs12', () => {
  for (const file of ['default.p12', 'legacy.p12']) {
    it(`${file}: bags in openssl's order with the friendly name and localKeyID openssl prints, and the certificate/key bytes`, async () => {
      const [obj] = detectInput(bytesOf(file), file).objects;
      const opened = await openPkcs12(obj!, PASS);
      const info = openssl(['pkcs12', ...(file === 'legacy.p12' ? ['-legacy'] : []), '-in', file, '-passin', `pass:${PASS}`, '-info', '-nodes']);
      expect(opened.text).toBe(info.toString('utf8'));
      const printedIds = [...info.toString('latin1').matchAll(/localKeyID: ([0-9A-F ]+) \n/g)].map((m) => m[1]);
      expect(opened.bags.filter((b) => b.localKeyId).map((b) => b.localKeyId)).toEqual(printedIds);
      expect(opened.bags.filter((b) => b.friendlyName !== undefined).map((b) => b.friendlyName)).toEqual([NAME, NAME]);
      const certs = opened.bags.filter((b) => b.kind === 'certificate').map((b) => Buffer.from(b.object!.der));
      expect(certs[0]!.equals(der('leaf.pem'))).toBe(true);
      if (file === 'default.p12') expect(certs[1]!.equals(der('ca.pem'))).toBe(true);
      const key = opened.bags.find((b) => b.kind === 'private-key')!.object!;
      expect(key.kind).toBe('private-key');
      expect(openssl(['pkey', '-inform', 'DER', '-pubout'], key.der).equals(openssl(['pkey', '-in', 'leaf.key', '-pubout']))).toBe(true);
      const keyBag = opened.bags.findIndex((b) => b.kind === 'private-key') + 1;
      expect(key.origin).toBe(`${file} › DER › bag ${keyBag} ("${NAME}", localKeyID ${printedIds[0]})`);
    });
  }

  it('says "wrong passphrase" and where', async () => {
    const [obj] = detectInput(bytesOf('default.p12'), 'default.p12').objects;
    await expect(openPkcs12(obj!, 'wrong horse')).rejects.toThrow(/^default\.p12 › DER: PKCS#12: wrong passphrase/);
  });
});

describe('the decode job (what the Inspect worker runs)', () => {
  it('opens the file into cards: the certificates print as openssl x509 -text, the key as openssl pkey -text', async () => {
    const found = await decodeInput(bytesOf('default.p12'), 'default.p12');
    expect(found.items.map((i) => [i.kind, i.textError && render(i.textError)])).toEqual([['pkcs12', 'default.p12 › DER: a PKCS#12 file is protected by a passphrase: enter it to see its certificates and keys']]);
    const r = await decryptItem(found.items[0]!.der, PASS, { origin: 'default.p12' }, 'pkcs12');
    expect(r.error).toBeUndefined();
    expect(r.item!.pkcs12!.info).toContain('MAC: sha256, Iteration 2048');
    expect(r.item!.pkcs12!.bags.map((b) => b.kind)).toEqual(['certificate', 'certificate', 'private-key']);
    expect(r.bags!.map((b) => b.kind)).toEqual(['certificate', 'certificate', 'private-key']);
    expect(r.bags![0]!.text).toBe(openssl(['x509', '-in', 'leaf.pem', '-noout', '-text']).toString());
    expect(r.bags![1]!.text).toBe(openssl(['x509', '-in', 'ca.pem', '-noout', '-text']).toString());
    expect(r.bags![2]!.text).toBe(openssl(['pkey', '-in', 'leaf.key', '-noout', '-text']).toString());
  });

  it('tells a wrong passphrase from a file changed after it was made', async () => {
    const bytes = bytesOf('default.p12');
    const wrong = await decryptItem(bytes, 'wrong horse', { origin: 'default.p12' }, 'pkcs12');
    expect(wrong.reason).toBe('wrong-passphrase');
    expect(render(wrong.error!)).toBe('default.p12: PKCS#12: wrong passphrase (the MAC does not verify with it)');
    // A byte of the MAC value: the contents still open with the right passphrase, so the file was changed.
    const changed = bytes.slice();
    changed[changed.length - 30] ^= 1;
    expect(await decryptItem(changed, PASS, { origin: 'default.p12' }, 'pkcs12')).toMatchObject({ reason: 'changed' });
  });
});
