// Chains generated in Node with the certificate builder, good and deliberately broken; certbench's
// verdict must equal `openssl verify -purpose sslserver [-verify_hostname|-verify_ip] -attime`.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCertificate } from '../../src/core/cert/build.ts';
import type { ExtensionsSpec } from '../../src/core/cert/extensions.ts';
import { encodeName } from '../../src/core/cert/name.ts';
import { keyIdentifierOf, parseSpki } from '../../src/core/cert/spki.ts';
import { generateKeyPair } from '../../src/core/keys/generate.ts';
import { spkiOfPublicKey } from '../../src/core/keys/spki.ts';
import type { KeyType } from '../../src/core/keys/key-types.ts';
import { toPem } from '../../src/core/pem.ts';
import { verifyChain, type PeerName } from '../../src/core/verify/index.ts';

interface Issued { der: Uint8Array; key: CryptoKeyPair; name: Uint8Array; ski: Uint8Array }
const DAY = 86_400_000;
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
let serial = 1;

async function issue(cn: string, opts: {
  issuer?: Issued; keyType?: KeyType; ca?: boolean; pathLen?: number; eku?: ExtensionsSpec['extKeyUsage'];
  sans?: ExtensionsSpec['subjectAltNames']; nc?: ExtensionsSpec['nameConstraints']; notBefore?: Date; notAfter?: Date; signWith?: CryptoKeyPair;
}): Promise<Issued> {
  const key = await generateKeyPair(opts.keyType ?? 'ec-p256', { extractable: true });
  const spki = await spkiOfPublicKey(key.publicKey);
  const ski = await keyIdentifierOf(parseSpki(spki));
  const subject = [{ type: '2.5.4.3', value: cn }];
  const der = await buildCertificate({
    serialHex: (serial++).toString(16).padStart(16, '7'),
    subject,
    ...(opts.issuer ? { issuerName: opts.issuer.name } : {}),
    notBefore: opts.notBefore ?? new Date(NOW.getTime() - DAY),
    notAfter: opts.notAfter ?? new Date(NOW.getTime() + 90 * DAY),
    subjectPublicKeyInfo: spki,
    extensions: {
      basicConstraints: opts.ca ? { ca: true, ...(opts.pathLen !== undefined ? { pathLen: opts.pathLen } : {}) } : { ca: false },
      keyUsage: opts.ca ? ['keyCertSign', 'cRLSign'] : ['digitalSignature'],
      ...(opts.eku ? { extKeyUsage: opts.eku } : {}),
      subjectKeyIdentifier: ski,
      ...(opts.issuer ? { authorityKeyIdentifier: opts.issuer.ski } : {}),
      ...(opts.sans ? { subjectAltNames: opts.sans } : {}),
      ...(opts.nc ? { nameConstraints: opts.nc } : {}),
    },
  }, (opts.signWith ?? opts.issuer?.key ?? key).privateKey);
  return { der, key, name: encodeName(subject), ski };
}

const leafOpts = (host: string) => ({ eku: ['serverAuth'] as ExtensionsSpec['extKeyUsage'], sans: [{ type: 'dns' as const, value: host }] });

function opensslVerdict(dir: string, root: Uint8Array, chain: Uint8Array[], leaf: Uint8Array, peer: PeerName | undefined, at: Date): boolean {
  writeFileSync(join(dir, 'root.pem'), toPem('CERTIFICATE', root));
  writeFileSync(join(dir, 'untrusted.pem'), chain.map((c) => toPem('CERTIFICATE', c)).join(''));
  writeFileSync(join(dir, 'leaf.pem'), toPem('CERTIFICATE', leaf));
  const args = ['verify', '-purpose', 'sslserver', '-attime', String(Math.floor(at.getTime() / 1000)), '-CAfile', join(dir, 'root.pem')];
  if (chain.length) args.push('-untrusted', join(dir, 'untrusted.pem'));
  if (peer) args.push(peer.kind === 'ip' ? '-verify_ip' : '-verify_hostname', peer.value);
  args.push(join(dir, 'leaf.pem'));
  try {
    execFileSync('openssl', args, { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

interface Scenario { name: string; build: () => Promise<{ root: Issued; chain: Issued[]; leaf: Issued }>; peer?: PeerName; at?: Date; expectOk: boolean }

const scenarios: Scenario[] = [
  { name: 'good chain, P-256', expectOk: true, peer: { kind: 'dns', value: 'www.example.test' }, build: async () => {
    const root = await issue('Test Root', { ca: true }); const int = await issue('Test Int', { ca: true, issuer: root });
    return { root, chain: [int], leaf: await issue('www.example.test', { issuer: int, ...leafOpts('www.example.test') }) };
  } },
  { name: 'good chain, Ed25519 and RSA', expectOk: true, peer: { kind: 'dns', value: 'a.example.test' }, build: async () => {
    const root = await issue('RSA Root', { ca: true, keyType: 'rsa2048' }); const int = await issue('Ed Int', { ca: true, issuer: root, keyType: 'ed25519' });
    return { root, chain: [int], leaf: await issue('a.example.test', { issuer: int, ...leafOpts('a.example.test') }) };
  } },
  { name: 'wrong issuer key (signed by an impostor with the same name)', expectOk: false, build: async () => {
    const root = await issue('Test Root', { ca: true }); const int = await issue('Test Int', { ca: true, issuer: root });
    const impostor = await generateKeyPair('ec-p256', { extractable: true });
    return { root, chain: [int], leaf: await issue('x.example.test', { issuer: int, signWith: impostor, ...leafOpts('x.example.test') }) };
  } },
  { name: 'expired leaf', expectOk: false, build: async () => {
    const root = await issue('Test Root', { ca: true });
    return { root, chain: [], leaf: await issue('old.example.test', { issuer: root, notBefore: new Date(NOW.getTime() - 100 * DAY), notAfter: new Date(NOW.getTime() - DAY), ...leafOpts('old.example.test') }) };
  } },
  { name: 'pathlen 0 exceeded', expectOk: false, build: async () => {
    const root = await issue('Test Root', { ca: true }); const int = await issue('Int pathlen 0', { ca: true, pathLen: 0, issuer: root });
    const int2 = await issue('Int 2', { ca: true, issuer: int });
    return { root, chain: [int, int2], leaf: await issue('p.example.test', { issuer: int2, ...leafOpts('p.example.test') }) };
  } },
  { name: 'name constraint violated', expectOk: false, build: async () => {
    const root = await issue('Test Root', { ca: true }); const int = await issue('Constrained Int', { ca: true, issuer: root, nc: { permitted: { dns: ['ok.test'] } } });
    return { root, chain: [int], leaf: await issue('www.bad.test', { issuer: int, ...leafOpts('www.bad.test') }) };
  } },
  { name: 'name constraint satisfied', expectOk: true, build: async () => {
    const root = await issue('Test Root', { ca: true }); const int = await issue('Constrained Int', { ca: true, issuer: root, nc: { permitted: { dns: ['ok.test'] } } });
    return { root, chain: [int], leaf: await issue('www.ok.test', { issuer: int, ...leafOpts('www.ok.test') }) };
  } },
  { name: 'missing serverAuth EKU', expectOk: false, build: async () => {
    const root = await issue('Test Root', { ca: true });
    return { root, chain: [], leaf: await issue('c.example.test', { issuer: root, eku: ['clientAuth'], sans: [{ type: 'dns', value: 'c.example.test' }] }) };
  } },
  { name: 'hostname mismatch', expectOk: false, peer: { kind: 'dns', value: 'other.example.test' }, build: async () => {
    const root = await issue('Test Root', { ca: true });
    return { root, chain: [], leaf: await issue('h.example.test', { issuer: root, ...leafOpts('h.example.test') }) };
  } },
  { name: 'wildcard matches one label', expectOk: true, peer: { kind: 'dns', value: 'api.example.test' }, build: async () => {
    const root = await issue('Test Root', { ca: true });
    return { root, chain: [], leaf: await issue('wild', { issuer: root, ...leafOpts('*.example.test') }) };
  } },
  { name: 'wildcard does not cross dots', expectOk: false, peer: { kind: 'dns', value: 'a.b.example.test' }, build: async () => {
    const root = await issue('Test Root', { ca: true });
    return { root, chain: [], leaf: await issue('wild', { issuer: root, ...leafOpts('*.example.test') }) };
  } },
  { name: 'IP SAN, IPv6 written differently', expectOk: true, peer: { kind: 'ip', value: '2001:db8:0:0::1' }, build: async () => {
    const root = await issue('Test Root', { ca: true });
    return { root, chain: [], leaf: await issue('ip', { issuer: root, eku: ['serverAuth'], sans: [{ type: 'ip', value: '2001:db8::1' }] }) };
  } },
  { name: 'not yet valid at the chosen time', expectOk: false, at: new Date(NOW.getTime() - 10 * DAY), build: async () => {
    const root = await issue('Test Root', { ca: true, notBefore: new Date(NOW.getTime() - 30 * DAY) });
    return { root, chain: [], leaf: await issue('t.example.test', { issuer: root, ...leafOpts('t.example.test') }) };
  } },
  { name: 'intermediate is not a CA', expectOk: false, build: async () => {
    const root = await issue('Test Root', { ca: true }); const notCa = await issue('Not A CA', { issuer: root, ...leafOpts('n.example.test') });
    return { root, chain: [notCa], leaf: await issue('l.example.test', { issuer: notCa, ...leafOpts('l.example.test') }) };
  } },
];

describe('certbench verify agrees with openssl verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-verify-'));
  for (const s of scenarios) {
    it(s.name, async () => {
      const { root, chain, leaf } = await s.build();
      const at = s.at ?? NOW;
      const ours = await verifyChain(leaf.der, { trusted: [root.der], untrusted: chain.map((c) => c.der), at, purpose: 'server', ...(s.peer ? { peerName: s.peer } : {}) });
      const theirs = opensslVerdict(dir, root.der, chain.map((c) => c.der), leaf.der, s.peer, at);
      expect(theirs, 'openssl verdict').toBe(s.expectOk);
      expect(ours.ok, ours.problems.map((p) => p.message).join(' | ')).toBe(theirs);
      if (!ours.ok) expect(ours.problems[0]!.message.length).toBeGreaterThan(10);
    });
  }
});
