// Key ↔ certificate ↔ CSR matching (judged by openssl's own public-key output) and the sectioned diff.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectInput } from '../../src/core/input/detect.ts';
import { compareObjects, matchKeys } from '../../src/core/verify/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-match-'));
const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });

describe('matchKeys', () => {
  const algorithms: [string, string[]][] = [
    ['rsa', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024']],
    ['ec-p256', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']],
    ['ec-secp256k1', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:secp256k1']],
    ['ed25519', ['-algorithm', 'ED25519']],
    ['ed448', ['-algorithm', 'ED448']],
  ];
  for (const [name, gen] of algorithms) {
    it(`${name}: key, certificate, CSR and public key group together; another key does not`, () => {
      const key = join(dir, `${name}.key`);
      openssl('genpkey', ...gen, '-out', key);
      openssl('genpkey', ...gen, '-out', join(dir, `${name}-other.key`));
      openssl('req', '-new', '-x509', '-key', key, '-subj', `/CN=${name}`, '-out', join(dir, `${name}.crt`));
      openssl('req', '-new', '-key', key, '-subj', `/CN=${name}`, '-out', join(dir, `${name}.csr`));
      openssl('pkey', '-in', key, '-pubout', '-out', join(dir, `${name}.pub`));
      const text = ['key', 'crt', 'csr', 'pub', 'other.key'].map((ext) => readFileSync(join(dir, ext === 'other.key' ? `${name}-other.key` : `${name}.${ext}`), 'utf8')).join('\n');
      const report = matchKeys(detectInput(text).objects);
      expect(report.skipped).toEqual([]);
      expect(report.groups.map((g) => g.members.map((m) => m.kind))).toEqual([['private-key', 'certificate', 'csr', 'public-key'], ['private-key']]);
      expect(report.allMatch).toBe(false);
    });
  }
  it('a traditional RSA key (PKCS#1) without its public part matches its certificate', () => {
    const key = join(dir, 'trad.key');
    openssl('genrsa', '-traditional', '-out', key, '1024');
    openssl('req', '-new', '-x509', '-key', key, '-subj', '/CN=t', '-out', join(dir, 'trad.crt'));
    const report = matchKeys(detectInput(readFileSync(key, 'utf8') + readFileSync(join(dir, 'trad.crt'), 'utf8')).objects);
    expect(report.allMatch).toBe(true);
  });
});

describe('compareObjects', () => {
  it('reports the differing sections only (Subject, Serial, key, signature) for two certificates from one key', () => {
    const key = join(dir, 'cmp.key');
    openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key);
    openssl('req', '-new', '-x509', '-key', key, '-subj', '/CN=one', '-set_serial', '1', '-days', '30', '-out', join(dir, 'a.crt'));
    openssl('req', '-new', '-x509', '-key', key, '-subj', '/CN=one', '-set_serial', '2', '-days', '30', '-addext', 'subjectAltName=DNS:one.test', '-out', join(dir, 'b.crt'));
    const [a, b] = [join(dir, 'a.crt'), join(dir, 'b.crt')].map((f) => detectInput(readFileSync(f, 'utf8')).objects[0]!);
    const diff = compareObjects(a!, b!);
    expect(diff.identical).toBe(false);
    const changed = diff.sections.filter((s) => s.status !== 'same').map((s) => `${s.status} ${s.section}`);
    expect(changed).toContain('changed Serial Number');
    expect(changed).toContain('only-right X509v3 Subject Alternative Name');
    expect(diff.sections.find((s) => s.section === 'Subject Public Key Info')!.status).toBe('same');
    expect(compareObjects(a!, a!).identical).toBe(true);
  });

  it('keeps the outer signature in one section: its hex lines are not sections of their own', () => {
    const [a, b] = [join(dir, 'a.crt'), join(dir, 'b.crt')].map((f) => detectInput(readFileSync(f, 'utf8')).objects[0]!);
    const sections = compareObjects(a!, b!).sections;
    const names = sections.map((s) => s.section);
    expect(names.filter((n) => /^[0-9a-f]{2}$/.test(n))).toEqual([]);
    expect(names).toContain('Signature Algorithm (outer)');
    const value = sections.find((s) => s.section === 'Signature Value')!;
    expect(value.status).toBe('changed');
    expect(value.lines.filter((l) => l.op !== 'added').length).toBeGreaterThan(3); // header + the hex lines of a's signature
  });
});
