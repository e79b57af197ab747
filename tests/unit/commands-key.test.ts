// The openssl key commands certbench shows: the key openssl makes has the same type and size as
// certbench's (openssl pkey -text), and the encrypted variant uses certbench's PBES2 parameters
// (PBKDF2-HMAC-SHA256, the same iteration count, AES-256-CBC), read from both files with asn1parse.
import { describe, expect, it } from 'vitest';
import { stepNotes } from '../../src/core/equivalent-command.ts';
import { keyCommands } from '../../src/core/keys/commands.ts';
import { exportPrivateKeyPem } from '../../src/core/keys/export.ts';
import { generateKeyPair } from '../../src/core/keys/generate.ts';
import { KEY_TYPES } from '../../src/core/keys/key-types.ts';
import { put, runSteps, sh, tempDir } from './commands.helper.ts';

/** The lines of `openssl pkey -text` that say what the key is (not its numbers). */
function keyKind(dir: string, file: string, pass?: string): string[] {
  const text = sh(dir, `openssl pkey -in ${file} -noout -text${pass ? ` -passin 'pass:${pass}'` : ''}`);
  return text.split('\n').filter((l) => /Private-Key:|ASN1 OID|NIST CURVE|^ED25519|publicExponent/.test(l));
}

/** The PBES2 parameters of an encrypted PKCS#8 file, as openssl's asn1parse names them. */
function pbes2(dir: string, file: string): string[] {
  return sh(dir, `openssl asn1parse -in ${file}`)
    .split('\n')
    .filter((l) => /OBJECT|INTEGER/.test(l))
    .map((l) => l.replace(/^.*?(prim: )/, '$1').replace(/\s+/g, ' ').trim());
}

describe('openssl genpkey as shown', () => {
  for (const type of KEY_TYPES) {
    it(type, async () => {
      const dir = tempDir('key');
      runSteps(dir, keyCommands(type, { keyFile: 'openssl.key' }));
      const pair = await generateKeyPair(type, { extractable: true });
      put(dir, 'certbench.key', await exportPrivateKeyPem(pair.privateKey));
      const kind = keyKind(dir, 'openssl.key');
      expect(kind.length).toBeGreaterThan(0);
      expect(kind).toEqual(keyKind(dir, 'certbench.key'));
    });
  }
});

describe('encrypted key: genpkey | pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256 -iter', () => {
  it('same PBES2 scheme, PRF, cipher and iteration count as certbench\'s encrypted export; the passphrase is not in the command', async () => {
    const dir = tempDir('key-enc');
    const steps = keyCommands('ec-p256', { keyFile: 'openssl.key', encrypted: true, iterations: 600_000 });
    expect(steps.map((s) => s.text).join('\n')).not.toContain('correct horse');
    expect(stepNotes(steps[0]!)).toMatch(/2048 PBKDF2 iterations instead of certbench's 600,000/);
    runSteps(dir, steps, { CERTBENCH_PASSPHRASE: 'correct horse' });
    const pair = await generateKeyPair('ec-p256', { extractable: true });
    put(dir, 'certbench.key', await exportPrivateKeyPem(pair.privateKey, { format: 'encrypted-pkcs8', passphrase: 'correct horse' }));
    const ours = pbes2(dir, 'certbench.key');
    expect(ours).toContain('prim: INTEGER :0927C0'); // 600000
    expect(pbes2(dir, 'openssl.key')).toEqual(ours);
    expect(keyKind(dir, 'openssl.key', 'correct horse')).toEqual(keyKind(dir, 'certbench.key', 'correct horse'));
  });
});
