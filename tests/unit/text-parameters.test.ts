// Parameter files (DSA, DH, X9.42 DH, EC named and explicit) and the traditional "DSA PUBLIC KEY",
// made by openssl in this test, printed by certbench and compared byte for byte with openssl's
// own text: `openssl pkeyparam -text -noout` for every parameter file, which `dsaparam` and
// `ecparam` match byte for byte and `dhparam` matches indented by 4.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { printDsaPublicKeyText, printParametersText, type ParameterLabel } from '../../src/core/text/parameters.ts';
import { openssl, opensslBytes, pemBlocks, printedBytes, put, workFile } from './text-oracle.helper.ts';

/** Parameters made by `openssl <args>`, with the label openssl gave them. */
function made(name: string, args: string[]): { file: string; label: ParameterLabel; der: Uint8Array } {
  const file = put(`${name}.pem`, openssl(args));
  const block = pemBlocks(openssl(['pkeyparam', '-in', file]).toString('latin1'))[0]!;
  return { file, label: block.label as ParameterLabel, der: block.der };
}

const genparam = (...args: string[]) => ['genpkey', '-genparam', ...args];

const CASES: Record<string, { args: string[]; label: ParameterLabel; also: 'dsaparam' | 'ecparam' | 'dhparam' }> = {
  'DSA 1024': { args: ['dsaparam', '1024'], label: 'DSA PARAMETERS', also: 'dsaparam' },
  'DSA 2048/224 from genpkey': { args: genparam('-algorithm', 'DSA', '-pkeyopt', 'dsa_paramgen_bits:2048', '-pkeyopt', 'dsa_paramgen_q_bits:224'), label: 'DSA PARAMETERS', also: 'dsaparam' },
  'DH (PKCS#3) 512-bit random group': { args: genparam('-algorithm', 'DH', '-pkeyopt', 'dh_paramgen_prime_len:512'), label: 'DH PARAMETERS', also: 'dhparam' },
  'DH (PKCS#3) ffdhe2048': { args: genparam('-algorithm', 'DH', '-pkeyopt', 'group:ffdhe2048'), label: 'DH PARAMETERS', also: 'dhparam' },
  'X9.42 DH 1024/160 with seed and counter': {
    args: genparam('-algorithm', 'DHX', '-pkeyopt', 'dh_paramgen_prime_len:1024', '-pkeyopt', 'dh_paramgen_subprime_len:160'),
    label: 'X9.42 DH PARAMETERS',
    also: 'dhparam',
  },
  'X9.42 DH dh_2048_224': { args: genparam('-algorithm', 'DHX', '-pkeyopt', 'group:dh_2048_224'), label: 'X9.42 DH PARAMETERS', also: 'dhparam' },
  'EC prime256v1 (named)': { args: ['ecparam', '-name', 'prime256v1'], label: 'EC PARAMETERS', also: 'ecparam' },
  'EC secp384r1 (named)': { args: ['ecparam', '-name', 'secp384r1'], label: 'EC PARAMETERS', also: 'ecparam' },
  'EC brainpoolP256r1 (named)': { args: ['ecparam', '-name', 'brainpoolP256r1'], label: 'EC PARAMETERS', also: 'ecparam' },
  'EC prime256v1 (explicit)': { args: ['ecparam', '-name', 'prime256v1', '-param_enc', 'explicit'], label: 'EC PARAMETERS', also: 'ecparam' },
  'EC secp384r1 (explicit, compressed generator)': {
    args: ['ecparam', '-name', 'secp384r1', '-param_enc', 'explicit', '-conv_form', 'compressed'],
    label: 'EC PARAMETERS',
    also: 'ecparam',
  },
  'EC sect233k1 (explicit, binary field)': { args: ['ecparam', '-name', 'sect233k1', '-param_enc', 'explicit'], label: 'EC PARAMETERS', also: 'ecparam' },
};

describe.each(Object.entries(CASES))('parameters made by openssl: %s', (name, c) => {
  const params = made(name.replace(/\W+/g, '-'), c.args);
  const pkeyparam = opensslBytes(['pkeyparam', '-in', params.file, '-text', '-noout']);

  it(`is labelled ${c.label} and prints as openssl pkeyparam -text -noout`, () => {
    expect(params.label).toBe(c.label);
    expect(printedBytes(printParametersText(params.der, params.label))).toBe(pkeyparam);
  });

  it(`openssl ${c.also} -text -noout prints the same${c.also === 'dhparam' ? ', indented by 4' : ''}`, () => {
    const own = opensslBytes([c.also, '-in', params.file, '-text', '-noout']);
    expect(own).toBe(c.also === 'dhparam' ? pkeyparam.replace(/^/gm, '    ').replace(/ {4}$/, '') : pkeyparam);
  });
});

describe('DSA PUBLIC KEY (DSAPublicKey { y, p, q, g }), which openssl pkey -pubin reads', () => {
  it('prints as openssl pkey -pubin -text -noout', () => {
    const key = put('dsa-pub.key', openssl(['genpkey', '-paramfile', put('dsa-pub.param', openssl(['dsaparam', '1024']))]));
    const spki = put('dsa-pub.spki', openssl(['pkey', '-in', key, '-pubout', '-outform', 'DER']));
    // p, q, g from the AlgorithmIdentifier, y from inside the BIT STRING (asn1parse -strparse).
    const ints = (args: string[]) => [...openssl(['asn1parse', '-inform', 'DER', '-in', spki, ...args]).toString().matchAll(/INTEGER\s+:([0-9A-F]+)/g)].map((m) => m[1]!);
    const [p, q, g] = ints([]);
    const bitStringAt = /(\d+):d=1 .*BIT STRING/.exec(openssl(['asn1parse', '-inform', 'DER', '-in', spki]).toString())![1]!;
    const [y] = ints(['-strparse', bitStringAt]);
    const conf = put('dsa-pub.cnf', `asn1=SEQUENCE:k\n[k]\ny=INTEGER:0x${y}\np=INTEGER:0x${p}\nq=INTEGER:0x${q}\ng=INTEGER:0x${g}\n`);
    openssl(['asn1parse', '-genconf', conf, '-noout', '-out', workFile('dsa-pub.der')]);
    const der = new Uint8Array(readFileSync(workFile('dsa-pub.der')));
    const base64 = Buffer.from(der).toString('base64').match(/.{1,64}/g)!.join('\n');
    const pem = `-----BEGIN DSA PUBLIC KEY-----\n${base64}\n-----END DSA PUBLIC KEY-----\n`;
    const expected = opensslBytes(['pkey', '-pubin', '-in', put('dsa-pub.pem', pem), '-text', '-noout']);
    expect(expected).toMatch(/^Public-Key: \(1024 bit\)\npub: \n/);
    expect(printedBytes(printDsaPublicKeyText(der))).toBe(expected);
  });
});
