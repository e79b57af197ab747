import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readVerifiedRequest } from '../../src/core/ca/csr.ts';
import { buildCrl } from '../../src/core/ca/crl.ts';
import { equivalentCommands } from '../../src/core/ca/equivalents.ts';
import { issueFromPlan, planFromRequest, planRenewal } from '../../src/core/ca/issue.ts';
import { revokeEntry } from '../../src/core/ca/inventory.ts';
import { BUILTIN_PROFILES } from '../../src/core/ca/profiles.ts';
import { certificateFacts } from '../../src/core/cert/read.ts';
import type { KeyType } from '../../src/core/keys/key-types.ts';
import { hierarchy, ok, openssl, opensslCsr, path, put, signCsrFile } from './ca-oracle.helper.ts';
import { render } from '../../src/core/errors.ts';

const TYPES: KeyType[] = ['rsa2048', 'ec-p256', 'ed25519'];
const SANS = ['DNS:api.example.test', 'DNS:*.apps.example.test', 'IP:127.0.0.1', 'IP:2001:db8::1', 'email:ops@example.test'];

describe.each(TYPES)('%s CA', (keyType) => {
  it('issues a leaf through an intermediate that `openssl verify` accepts, with every SAN of the CSR', async () => {
    const h = await hierarchy(keyType, `issue-${keyType}`);
    const { csrPath } = opensslCsr(`leaf-${keyType}`, keyType, '/O=Acme/CN=api', SANS);
    const issued = await signCsrFile(h.intermediate, csrPath, 'server');
    const leaf = put(`leaf-${keyType}.pem`, issued.pem);
    expect(ok(['verify', '-CAfile', h.rootPem, '-untrusted', h.intPem, '-purpose', 'sslserver', leaf]).trim()).toBe(`${leaf}: OK`);
    const text = ok(['x509', '-in', leaf, '-noout', '-ext', 'subjectAltName,basicConstraints,keyUsage,extendedKeyUsage']);
    expect(text).toContain('DNS:api.example.test, DNS:*.apps.example.test, IP Address:127.0.0.1, IP Address:2001:DB8:0:0:0:0:0:1, email:ops@example.test');
    expect(text).toMatch(/Basic Constraints: critical\n\s+CA:FALSE/);
    expect(text).toContain(keyType === 'rsa2048' ? 'Digital Signature, Key Encipherment' : 'Digital Signature\n');
    expect(text).toContain('TLS Web Server Authentication');
    // the chain PEM is leaf + intermediate, and verifies against the root alone
    const chain = put(`chain-${keyType}.pem`, issued.chainPem);
    expect(ok(['verify', '-CAfile', h.rootPem, '-untrusted', chain, leaf])).toContain('OK');
    expect(openssl(['verify', '-CAfile', h.rootPem, leaf]).status).not.toBe(0);
  });

  it('issues serials that are positive, 16+ bytes and not repeated', async () => {
    const h = await hierarchy(keyType, `serial-${keyType}`);
    const { csrPath } = opensslCsr(`serial-${keyType}`, keyType, '/CN=serial', ['DNS:s.test']);
    const taken = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const issued = await signCsrFile(h.root, csrPath, 'client', taken);
      expect(taken.has(issued.entry.serialHex)).toBe(false);
      expect(issued.entry.serialHex.length).toBeGreaterThanOrEqual(32);
      taken.add(issued.entry.serialHex);
      const serial = ok(['x509', '-noout', '-serial'], issued.pem).trim().replace('serial=', '').toLowerCase();
      expect(serial.replace(/^00/, '')).toBe(issued.entry.serialHex);
    }
  });

  it('signs a CRL that `openssl crl -verify` accepts and that lists the revoked serials with reasons', async () => {
    const h = await hierarchy(keyType, `crl-${keyType}`);
    const { csrPath } = opensslCsr(`crl-${keyType}`, keyType, '/CN=crl', ['DNS:c.test']);
    const a = await signCsrFile(h.root, csrPath, 'server');
    const b = await signCsrFile(h.root, csrPath, 'server');
    const c = await signCsrFile(h.root, csrPath, 'server');
    const entries = [revokeEntry(a.entry, 'keyCompromise'), b.entry, revokeEntry(c.entry, 'unspecified')];
    const crl = await buildCrl(h.root, entries, { crlNumber: 7, days: 7 });
    const crlPath = put(`${keyType}.crl`, crl.pem);
    const r = openssl(['crl', '-in', crlPath, '-verify', '-CAfile', h.rootPem, '-noout', '-text']);
    expect(r.stderr).toContain('verify OK');
    expect(r.stdout).toContain('Version 2 (0x1)');
    expect(r.stdout).toMatch(/X509v3 CRL Number: \n\s+7\n/);
    expect(r.stdout).toContain(`Serial Number: ${a.entry.serialHex.toUpperCase()}`);
    expect(r.stdout).toContain(`Serial Number: ${c.entry.serialHex.toUpperCase()}`);
    expect(r.stdout).not.toContain(b.entry.serialHex.toUpperCase());
    expect(r.stdout).toContain('Key Compromise');
    // a leaf that is revoked fails verification with the CRL
    const leafA = put(`crl-a-${keyType}.pem`, a.pem);
    const v = openssl(['verify', '-crl_check', '-CAfile', h.rootPem, '-CRLfile', crlPath, leafA]);
    expect(v.status).not.toBe(0);
    expect(v.stdout + v.stderr).toContain('certificate revoked');
    expect(ok(['verify', '-crl_check', '-CAfile', h.rootPem, '-CRLfile', crlPath, put(`crl-b-${keyType}.pem`, b.pem)])).toContain('OK');
  });
});

describe('CSR checks', () => {
  it('refuses a CSR whose signature was tampered with, naming the reason', async () => {
    const { csrPath } = opensslCsr('tamper', 'ec-p256', '/CN=tamper', ['DNS:t.test']);
    ok(['req', '-in', csrPath, '-outform', 'DER', '-out', path('tamper.der')]);
    const bytes = new Uint8Array(readFileSync(path('tamper.der')));
    const tampered = bytes.slice();
    tampered[tampered.length - 5]! ^= 0x01; // inside the signature
    await expect(readVerifiedRequest(tampered)).rejects.toThrow(/signature does not verify/);
    const renamed = bytes.slice();
    const at = Buffer.from(renamed).indexOf(Buffer.from('t.test'));
    renamed[at] = 'u'.charCodeAt(0); // a changed SAN: the signature no longer covers it
    await expect(readVerifiedRequest(renamed)).rejects.toThrow(/signature does not verify/);
    await expect(readVerifiedRequest(bytes)).resolves.toMatchObject({ subjectAltNames: [{ type: 'dns', value: 't.test' }] });
  });

  it('refuses an Ed25519 CSR with a broken signature', async () => {
    const { csrPath } = opensslCsr('tamper-ed', 'ed25519', '/CN=ed', ['DNS:e.test']);
    ok(['req', '-in', csrPath, '-outform', 'DER', '-out', path('tamper-ed.der')]);
    const bytes = new Uint8Array(readFileSync(path('tamper-ed.der')));
    await expect(readVerifiedRequest(bytes)).resolves.toBeTruthy();
    bytes[bytes.length - 1]! ^= 0x80;
    await expect(readVerifiedRequest(bytes)).rejects.toThrow(/signature does not verify/);
  });

  it('keeps SAN kinds it does not edit (otherName) byte for byte, and warns about requested extensions it does not copy', async () => {
    const { csrPath } = opensslCsr('other', 'ec-p256', '/CN=other', ['DNS:o.test', 'otherName:1.3.6.1.4.1.311.20.2.3;UTF8:user@corp']);
    ok(['req', '-in', csrPath, '-out', path('other2.csr'), '-new', '-key', path('other.key'), '-subj', '/CN=other', '-addext', 'subjectAltName=DNS:o.test,otherName:1.3.6.1.4.1.311.20.2.3;UTF8:user@corp', '-addext', 'keyUsage=critical,nonRepudiation']);
    const h = await hierarchy('ec-p256', 'other');
    const request = await readVerifiedRequest(readFileSync(path('other2.csr'), 'utf8'));
    const plan = planFromRequest(request, h.root, { profile: BUILTIN_PROFILES.client });
    expect(plan.subjectAltNames.map((s) => s.type)).toEqual(['dns', 'other']);
    expect(plan.warnings.map((w) => render(w)).join('\n')).toContain('the request asks for X509v3 Key Usage: nonRepudiation; not copied, the profile "client" gives digitalSignature');
    const issued = await issueFromPlan(plan, h.root, new Set());
    const text = ok(['x509', '-noout', '-ext', 'subjectAltName,keyUsage'], issued.pem);
    expect(text).toContain('DNS:o.test, othername: UPN::user@corp');
    expect(text).toMatch(/Key Usage: critical\n\s+Digital Signature\n/);
  });
});

describe('plans', () => {
  it('caps a leaf at the CA notAfter with a warning, renews with the same key and SANs, and prints commands that openssl runs to the same result', async () => {
    const h = await hierarchy('ec-p256', 'plan');
    const { csrPath } = opensslCsr('plan', 'ec-p256', '/CN=plan', ['DNS:plan.test', 'IP:10.1.2.3']);
    const request = await readVerifiedRequest(readFileSync(csrPath, 'utf8'));
    const plan = planFromRequest(request, h.intermediate, { profile: BUILTIN_PROFILES.peer });
    expect(plan.notAfter.getTime()).toBe(certificateFacts(h.intermediate.certificate).notAfter.getTime());
    expect(plan.warnings.map((w) => render(w)).join('\n')).toMatch(/shortened/);
    plan.notAfter = new Date(plan.notBefore.getTime() + 3 * 86_400_000);
    plan.subjectAltNames.push({ type: 'dns', value: 'added.test' });
    const issued = await issueFromPlan(plan, h.intermediate, new Set());
    const facts = certificateFacts(issued.der);
    expect(facts.subjectAltNames.map((s) => (s.type === 'other' ? s.der : s.value))).toEqual(['plan.test', '10.1.2.3', 'added.test']);
    expect(facts.extKeyUsage).toEqual(['serverAuth', 'clientAuth']);

    const renewal = planRenewal(issued.entry, h.intermediate, { profile: BUILTIN_PROFILES.peer, hours: 48 });
    const renewed = await issueFromPlan(renewal, h.intermediate, new Set([issued.entry.serialHex]));
    const rf = certificateFacts(renewed.der);
    expect(rf.subjectPublicKeyInfo).toEqual(facts.subjectPublicKeyInfo);
    expect(rf.subjectAltNames).toEqual(facts.subjectAltNames);
    expect(rf.serialHex).not.toBe(facts.serialHex);
    expect(ok(['verify', '-CAfile', h.rootPem, '-untrusted', h.intPem, put('renewed.pem', renewed.pem)])).toContain('OK');

    // the equivalent openssl command, run for real, gives a certificate with the same extensions
    const keyPath = put('plan-int.key', await (await import('../../src/core/keys/export.ts')).exportPrivateKeyPem(h.intermediate.key));
    const eq = equivalentCommands(plan, { csr: csrPath, caCert: h.intPem, caKey: keyPath, out: path('by-openssl.crt') });
    put('by-openssl.ext', eq.opensslExtfile);
    const args = eq.openssl.split(' ').slice(1).filter((a) => a !== '-CAcreateserial');
    ok([...args, '-set_serial', '0x1234']);
    const theirs = ok(['x509', '-in', path('by-openssl.crt'), '-noout', '-ext', 'subjectAltName,basicConstraints,keyUsage,extendedKeyUsage']);
    const ours = ok(['x509', '-noout', '-ext', 'subjectAltName,basicConstraints,keyUsage,extendedKeyUsage'], issued.pem);
    expect(theirs).toBe(ours);
    expect(eq.cfsslSign).toBe(`cfssl sign -ca ${h.intPem} -ca-key ${keyPath} -config ca-config.json -profile peer ${csrPath} | cfssljson -bare ${path('by-openssl')}`);
    expect(JSON.parse(eq.cfsslConfig)).toEqual({ signing: { default: { expiry: '72h' }, profiles: { peer: { usages: ['signing', 'server auth', 'client auth'], expiry: '72h' } } } });
  });
});
