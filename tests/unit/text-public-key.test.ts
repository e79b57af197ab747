import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromBase64 } from '../../src/core/bytes.ts';
import { printPublicKeyText, printRsaPublicKeyText } from '../../src/core/text/public-key.ts';
import { CertbenchError } from '../../src/core/errors.ts';

const OTHER = join(import.meta.dirname, '../fixtures/corpus/other');
interface ManifestEntry {
  file: string;
  oracle_cmd?: string;
}
const manifest = JSON.parse(readFileSync(join(OTHER, 'MANIFEST.json'), 'utf8')) as ManifestEntry[];

function readDer(path: string): Uint8Array {
  const raw = readFileSync(path);
  const text = raw.toString('latin1');
  const m = /-----BEGIN [^-]+-----([\s\S]*?)-----END/.exec(text);
  return m ? fromBase64(m[1]!) : new Uint8Array(raw);
}

describe('standalone public keys against their OpenSSL oracle', () => {
  for (const e of manifest) {
    const cmd = e.oracle_cmd ?? '';
    const spki = cmd.includes('pkey -pubin');
    const pkcs1 = cmd.includes('-RSAPublicKey_in');
    if (!spki && !pkcs1) continue;
    it(e.file, () => {
      const der = readDer(join(OTHER, e.file));
      const expected = readFileSync(join(OTHER, e.file + '.txt'), 'utf8');
      expect(spki ? printPublicKeyText(der) : printRsaPublicKeyText(der)).toBe(expected);
    });
  }
});

/** A fresh key from openssl, as SPKI DER, and what `pkey -pubin -text` prints for it. */
function opensslKey(genArgs: string[], pubArgs: string[] = []): { der: Uint8Array; text: string } {
  const priv = execFileSync('openssl', ['genpkey', ...genArgs]);
  const der = execFileSync('openssl', ['pkey', '-pubout', '-outform', 'DER', ...pubArgs], { input: priv });
  const text = execFileSync('openssl', ['pkey', '-pubin', '-inform', 'DER', '-noout', '-text'], { input: der }).toString('latin1');
  return { der: new Uint8Array(der), text };
}

describe('freshly generated public keys against openssl pkey -pubin -text', () => {
  const cases: Record<string, string[]> = {
    X448: ['-algorithm', 'X448'],
    Ed448: ['-algorithm', 'ED448'],
    'EC secp256k1': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:secp256k1'],
    'EC brainpoolP384r1': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:brainpoolP384r1'],
    'EC secp224k1 (225-bit order)': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:secp224k1'],
    'EC P-521 explicit parameters': [
      '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-521', '-pkeyopt', 'ec_param_enc:explicit',
    ],
    'RSA-PSS with restrictions': [
      '-algorithm', 'RSA-PSS', '-pkeyopt', 'rsa_keygen_bits:1024', '-pkeyopt', 'rsa_pss_keygen_md:sha384',
      '-pkeyopt', 'rsa_pss_keygen_saltlen:48',
    ],
    'RSA-PSS without restrictions': ['-algorithm', 'RSA-PSS', '-pkeyopt', 'rsa_keygen_bits:1024'],
    'RSA with exponent 3': [
      '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024', '-pkeyopt', 'rsa_keygen_pubexp:3',
    ],
  };
  for (const [name, args] of Object.entries(cases)) {
    it(name, () => {
      const { der, text } = opensslKey(args);
      expect(printPublicKeyText(der)).toBe(text);
    });
  }

  it('EC P-256 with a compressed point', () => {
    const { der, text } = opensslKey(['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], ['-ec_conv_form', 'compressed']);
    expect(der.length).toBeLessThan(91);
    expect(printPublicKeyText(der)).toBe(text);
  });
});

describe('keys OpenSSL cannot load', () => {
  it('an unknown algorithm is a CertbenchError, not a crash', () => {
    // SEQUENCE { SEQUENCE { OID 1.2.3.4 }, BIT STRING 00 01 02 }
    const der = Uint8Array.from([0x30, 0x0c, 0x30, 0x05, 0x06, 0x03, 0x2a, 0x03, 0x04, 0x03, 0x03, 0x00, 0x01, 0x02]);
    expect(() => printPublicKeyText(der)).toThrow(CertbenchError);
    expect(() => printPublicKeyText(der)).toThrow(/1\.2\.3\.4/);
  });
});
