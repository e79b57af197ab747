/**
 * The Verify area's state and view in jsdom, on a PKI made by openssl in the test: every chain verdict
 * is compared with `openssl verify` on the same files, SPKI digests with `openssl dgst`.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { useNodeWebCrypto } from './node-webcrypto.ts';
import { LEAF_DNS, makeTestPki, type TestPki } from '../e2e/verify-pki.ts';
import { ChainState, SYSTEM_ROOTS_UNAVAILABLE, opensslVerifyCommand } from '../../src/ui/verify/chain-state.svelte.ts';
import { HostnameState } from '../../src/ui/verify/hostname-state.svelte.ts';
import { MatchState } from '../../src/ui/verify/match-state.svelte.ts';
import { LintState } from '../../src/ui/verify/lint-state.svelte.ts';
import { CompareState } from '../../src/ui/verify/compare-state.svelte.ts';
import { VerifyState, verifySectionAfterKey } from '../../src/ui/verify/verify-state.svelte.ts';
import VerifyView from '../../src/ui/verify/VerifyView.svelte';
import type { CaSummary } from '../../src/store/ca.ts';
import { render as coreWords } from '../../src/core/errors.ts';

let pki: TestPki;
beforeAll(() => {
  useNodeWebCrypto();
  pki = makeTestPki();
});
afterAll(() => {
  if (pki) rmSync(pki.dir, { recursive: true, force: true });
});
afterEach(() => cleanup());

const pile = (...names: string[]) => names.map((n) => pki.pem(`${n}.pem`)).join('\n');

async function verifyPile(text: string, setup?: (c: ChainState) => void): Promise<ChainState> {
  const c = new ChainState();
  c.pile.typed(text);
  setup?.(c);
  await c.verify();
  return c;
}

describe('Chain', () => {
  it('verifies a good pile given in any order, draws root → intermediate → leaf, and agrees with openssl verify', async () => {
    const c = await verifyPile(pile('int', 'root', 'leaf'));
    expect(c.error).toBe('');
    const v = c.verdict!;
    expect(v.ok).toBe(true);
    expect(pki.opensslVerify({ ca: 'root.pem', untrusted: 'int.pem', leaf: 'leaf.pem', extra: ['-purpose', 'sslserver'] }).ok).toBe(true);
    expect(v.path.map((e) => e.role)).toEqual(['anchor', 'intermediate', 'leaf']);
    expect(v.path.map((e) => e.label)).toEqual(['Test Root CA', 'Test Intermediate CA', 'registry']);
    expect(v.path.every((e) => e.ok && e.checks.every((k) => k.ok))).toBe(true);
    expect(v.command).toBe('openssl verify -CAfile ca.pem -untrusted untrusted.pem -purpose sslserver leaf.pem');
    // The files offered for the command are the ones used: the command runs and says OK.
    const out = execSync(`cat > leaf-x.pem && ${v.command.replace('leaf.pem', 'leaf-x.pem').replace('ca.pem', 'root.pem').replace('untrusted.pem', 'int.pem')}`, { cwd: pki.dir, input: v.leafPem }).toString();
    expect(out).toMatch(/OK/);
  });

  it('names the broken link: an intermediate without CA:TRUE, with its fix; openssl refuses the same files', async () => {
    const c = await verifyPile(pile('leaf-under-noca', 'root', 'int-noca'));
    const v = c.verdict!;
    expect(v.ok).toBe(false);
    expect(pki.opensslVerify({ ca: 'root.pem', untrusted: 'int-noca.pem', leaf: 'leaf-under-noca.pem' }).ok).toBe(false);
    const notCa = v.problems.find((p) => p.code === 'not-ca')!;
    expect(notCa.message).toMatch(/Not A CA Intermediate/);
    expect(notCa.namesItself).toBe(true);
    expect(notCa.fix).toMatch(/CA:TRUE/);
    const int = v.path.find((e) => e.role === 'intermediate')!;
    expect(int.ok).toBe(false);
    expect(int.checks.find((k) => k.id === 'ca')!.ok).toBe(false);
  });

  it('names the broken link: a leaf signed by another key than its issuer', async () => {
    const c = await verifyPile(pile('root', 'int', 'leaf-otherkey'));
    const v = c.verdict!;
    expect(v.ok).toBe(false);
    expect(pki.opensslVerify({ ca: 'root.pem', untrusted: 'int.pem', leaf: 'leaf-otherkey.pem' }).ok).toBe(false);
    const bad = v.problems.find((p) => p.code === 'bad-signature')!;
    expect(bad.message).toMatch(/otherkey.*signature does not verify.*Test Intermediate CA/);
    expect(bad.fix).toMatch(/not signed by the key/);
  });

  it('checks validity as of a chosen time (openssl -attime agrees) and puts it in the command', async () => {
    const at = new Date(Date.now() + 2 * 365 * 86_400_000);
    const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
    const c = await verifyPile(pile('leaf', 'int', 'root'), (s) => (s.asOf = local));
    const v = c.verdict!;
    expect(v.ok).toBe(false);
    expect(v.problems.some((p) => p.code === 'expired')).toBe(true);
    const secs = Math.floor(at.getTime() / 1000);
    expect(v.command).toBe(`openssl verify -CAfile ca.pem -untrusted untrusted.pem -purpose sslserver -attime ${secs} leaf.pem`);
    expect(pki.opensslVerify({ ca: 'root.pem', untrusted: 'int.pem', leaf: 'leaf.pem', extra: ['-attime', String(secs)] }).ok).toBe(false);
  });

  it('refuses the client purpose for a serverAuth-only leaf, as openssl -purpose sslclient does', async () => {
    const c = await verifyPile(pile('leaf', 'int', 'root'), (s) => (s.purpose = 'client'));
    expect(c.verdict!.ok).toBe(false);
    expect(c.verdict!.problems.some((p) => p.code === 'wrong-eku')).toBe(true);
    expect(pki.opensslVerify({ ca: 'root.pem', untrusted: 'int.pem', leaf: 'leaf.pem', extra: ['-purpose', 'sslclient'] }).ok).toBe(false);
  });

  it('uses a stored CA as the trust anchor (read-only list), and says system roots are not available offline', async () => {
    const certificate = new Uint8Array(Buffer.from(pki.pem('root.pem').replace(/-----[^-]+-----|\s/g, ''), 'base64'));
    const stored = [{ id: 'r1', name: 'O = certbench test, CN = Test Root CA', certificate, chain: [], crlNumber: 0, createdAt: '', notAfter: new Date(), protection: 'none', exportable: false, extractable: false, unlocked: false, integrity: { problems: [], repair: undefined, sealChecked: false } } as CaSummary];
    const c = new ChainState(async () => stored);
    await c.loadStoredCas();
    expect(c.storedCas).toHaveLength(1);
    c.pile.typed(pile('leaf', 'int'));
    c.anchor = 'ca:r1';
    await c.verify();
    expect(c.verdict!.ok).toBe(true);
    expect(c.verdict!.path[0]!.trusted).toBe(true);

    c.anchor = 'pile';
    await c.verify();
    expect(c.error).toMatch(/no root/);

    c.anchor = 'system';
    expect(c.anchorProblem).toBe(SYSTEM_ROOTS_UNAVAILABLE);
    await c.verify();
    expect(c.error).toBe(SYSTEM_ROOTS_UNAVAILABLE);
    expect(c.verdict).toBeUndefined();
  });

  it('says what is wrong with an empty pile, garbage, or a bad date, and never throws', async () => {
    expect((await verifyPile('')).error).toMatch(/paste or open/);
    expect((await verifyPile('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n')).error).toMatch(/no certificate found/);
    expect((await verifyPile(pile('leaf', 'root'), (s) => (s.asOf = 'yesterday'))).error).toMatch(/not a date/);
  });

  it('builds the openssl line for each purpose', () => {
    expect(opensslVerifyCommand({ hasUntrusted: false, purpose: 'any' })).toBe('openssl verify -CAfile ca.pem leaf.pem');
    expect(opensslVerifyCommand({ hasUntrusted: true, purpose: 'client', at: new Date(1_000_000_000_000) })).toBe(
      'openssl verify -CAfile ca.pem -untrusted untrusted.pem -purpose sslclient -attime 1000000000 leaf.pem',
    );
  });
});

describe('Hostname / IP', () => {
  const check = (cert: string, name: string) => {
    const h = new HostnameState();
    h.cert.typed(pki.pem(cert));
    h.name = name;
    h.check();
    return h;
  };

  it('shows the SAN that matched for a name, a wildcard, an IPv4 and an IPv6 address', () => {
    expect(check('leaf.pem', LEAF_DNS).verdict).toMatchObject({ ok: true, matched: `DNS:${LEAF_DNS}`, cnOnly: false });
    expect(check('leaf.pem', 'console.apps.example.test').verdict).toMatchObject({ ok: true, matched: 'DNS:*.apps.example.test' });
    expect(check('leaf.pem', '10.96.0.1').verdict).toMatchObject({ ok: true, kind: 'ip', matched: 'IP:10.96.0.1' });
    expect(check('leaf.pem', '[::1]').verdict).toMatchObject({ ok: true, kind: 'ip' });
    // openssl agrees on each of them.
    for (const [flag, v] of [['-verify_hostname', LEAF_DNS], ['-verify_hostname', 'console.apps.example.test'], ['-verify_ip', '10.96.0.1'], ['-verify_ip', '::1']]) {
      expect(pki.opensslVerify({ ca: 'root.pem', untrusted: 'int.pem', leaf: 'leaf.pem', extra: [flag!, v!] }).ok).toBe(true);
    }
  });

  it('explains the wildcard rule (one label only) and that a DNS SAN never covers an IP', () => {
    const deep = check('leaf.pem', 'a.b.apps.example.test').verdict!;
    expect(deep.ok).toBe(false);
    expect(coreWords(deep.said!)).toMatch(/not among its DNS SANs/);
    expect(pki.opensslVerify({ ca: 'root.pem', untrusted: 'int.pem', leaf: 'leaf.pem', extra: ['-verify_hostname', 'a.b.apps.example.test'] }).ok).toBe(false);
    expect(coreWords(check('leaf.pem', '10.96.0.2').verdict!.said!)).toMatch(/no IP address SAN 10\.96\.0\.2/);
  });

  it('says when only the CN would match (Go ≥ 1.15 rejects such certificates)', () => {
    const v = check('cn-only.pem', LEAF_DNS).verdict!;
    expect(v).toMatchObject({ ok: false, cnOnly: true });
    expect(coreWords(v.said!)).toMatch(/Only the subject CN/);
    expect(v.sans).toEqual(['DNS:other.example.test']);
    expect(pki.opensslVerify({ ca: 'root.pem', untrusted: 'int.pem', leaf: 'cn-only.pem', extra: ['-verify_hostname', LEAF_DNS] }).ok).toBe(false);
  });

  it('asks for a name and a certificate', () => {
    expect(check('leaf.pem', ' ').error).toMatch(/type a host name/);
    const h = new HostnameState();
    h.name = 'x';
    h.check();
    expect(h.error).toMatch(/paste or open/);
  });
});

describe('Match', () => {
  const opensslSpki = (cmd: string) => execSync(`${cmd} | openssl dgst -sha256 -r`, { cwd: pki.dir }).toString().split(' ')[0];

  it('puts a key with its certificate and CSR, with the SPKI SHA-256 openssl computes', async () => {
    const m = new MatchState();
    m.sources.key.typed(pki.pem('leaf.key'));
    m.sources.cert.typed(pki.pem('leaf.pem'));
    m.sources.csr.typed(pki.pem('leaf.csr'));
    await m.compare();
    const v = m.verdict!;
    expect(v.allMatch).toBe(true);
    expect(v.groups).toHaveLength(1);
    expect(v.groups[0]!.members.map((x) => x.kind)).toEqual(['private-key', 'certificate', 'csr']);
    const want = opensslSpki('openssl pkey -in leaf.key -pubout -outform DER');
    expect(want).toMatch(/^[0-9a-f]{64}$/);
    expect(v.groups[0]!.members.map((x) => x.spkiSha256Hex)).toEqual([want, want, want]);
    expect(opensslSpki('openssl x509 -in leaf.pem -noout -pubkey | openssl pkey -pubin -outform DER')).toBe(want);
  });

  it('keeps a foreign key apart', async () => {
    const m = new MatchState();
    m.sources.key.typed(pki.pem('foreign.key'));
    m.sources.cert.typed(pki.pem('leaf.pem'));
    await m.compare();
    const v = m.verdict!;
    expect(v.allMatch).toBe(false);
    expect(v.groups).toHaveLength(2);
    expect(v.groups[0]!.members[0]!.spkiSha256Hex).toBe(opensslSpki('openssl pkey -in foreign.key -pubout -outform DER'));
  });

  it('asks for input', async () => {
    const m = new MatchState();
    await m.compare();
    expect(m.error).toMatch(/paste or open/);
  });
});

describe('Lints', () => {
  it('lists findings with severity, reason and fix; Kubernetes rules only in the Kubernetes context', () => {
    const dir = pki.dir;
    execSync(
      `openssl req -x509 -new -key foreign.key -subj "/O=system:masters/CN=admin" -days 30 -out admin.pem -addext "extendedKeyUsage=clientAuth"`,
      { cwd: dir, stdio: 'pipe' },
    );
    const l = new LintState();
    l.source.typed(pki.pem('admin.pem'));
    l.context = 'private';
    l.lint();
    const priv = l.results![0]!;
    expect(priv.findings.some((f) => f.id.startsWith('k8s-'))).toBe(false);
    expect(priv.hiddenKubernetes).toBeGreaterThan(0);
    l.context = 'kubernetes';
    l.lint();
    const kube = l.results![0]!.findings.find((f) => f.id === 'k8s-system-masters')!;
    expect(kube.message).toMatch(/system:masters/);
    expect(kube.fix.length).toBeGreaterThan(10);
  });

  it('lints every certificate of a pile, errors first', () => {
    const l = new LintState();
    l.source.typed(pile('leaf', 'int', 'root'));
    l.lint();
    expect(l.results!.map((r) => r.label)).toEqual(['registry', 'Test Intermediate CA', 'Test Root CA']);
    for (const r of l.results!) {
      const sev = r.findings.map((f) => f.severity);
      expect(sev).toEqual([...sev].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)));
    }
  });
});

describe('Compare', () => {
  it('groups the differences by section: a renewal changes serial and validity, not the subject', () => {
    execSync('openssl x509 -req -in leaf.csr -CA int.pem -CAkey int.key -set_serial 0x3001 -days 90 -sha256 -extfile leaf.ext -out leaf-renewed.pem', { cwd: pki.dir, stdio: 'pipe' });
    const c = new CompareState();
    c.left.typed(pki.pem('leaf.pem'));
    c.right.typed(pki.pem('leaf-renewed.pem'));
    c.compare();
    const d = c.diff!;
    expect(d.identical).toBe(false);
    const status = Object.fromEntries(d.sections.map((s) => [s.section, s.status]));
    expect(status['Serial Number']).toBe('changed');
    expect(status['Validity']).toBe('changed');
    expect(status['Subject']).toBe('same');
    const serial = d.sections.find((s) => s.section === 'Serial Number')!;
    expect(serial.lines.filter((x) => x.op === 'added').map((x) => x.text.trim())).toEqual(['Serial Number: 12289 (0x3001)']);
    // The signature's hex lines stay under Signature Value (not one section per line), every line kept.
    expect(d.sections.filter((s) => /^[0-9a-f]{2}$/.test(s.section))).toEqual([]);
    const sig = d.sections.find((s) => s.section === 'Signature Value')!;
    expect(sig.status).toBe('changed');
    const sigText = (file: string) => execSync(`openssl x509 -in ${file} -noout -text`, { cwd: pki.dir }).toString().split('Signature Value:\n')[1]!.trimEnd().split('\n');
    expect(sig.lines.filter((x) => x.op !== 'added').slice(1).map((x) => x.text)).toEqual(sigText('leaf.pem'));
    expect(sig.lines.filter((x) => x.op !== 'removed').slice(1).map((x) => x.text)).toEqual(sigText('leaf-renewed.pem'));
  });

  it('asks for both certificates', () => {
    const c = new CompareState();
    c.left.typed(pki.pem('leaf.pem'));
    c.compare();
    expect(c.error).toMatch(/second certificate: paste or open/);
  });
});

describe('Verify view', () => {
  it('moves between sections with the arrow keys, Home and End', () => {
    expect(verifySectionAfterKey('chain', 'ArrowRight')).toBe('hostname');
    expect(verifySectionAfterKey('chain', 'ArrowLeft')).toBe('compare');
    expect(verifySectionAfterKey('lints', 'Home')).toBe('chain');
    expect(verifySectionAfterKey('chain', 'End')).toBe('compare');
    expect(verifySectionAfterKey('chain', 'a')).toBeUndefined();
  });

  it('shows a broken chain’s reason and the path, then the good chain OK, by label and button', async () => {
    const verify = new VerifyState(async () => []);
    render(VerifyView, { verify });
    const tab = screen.getByRole('tab', { name: 'Chain' });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    const area = screen.getByRole('textbox', { name: 'Certificates to verify' });
    await fireEvent.input(area, { target: { value: pile('root', 'leaf-under-noca', 'int-noca') } });
    await fireEvent.click(screen.getByRole('button', { name: 'Verify chain' }));
    const verdict = await screen.findByTestId('verify-verdict', undefined, { timeout: 10_000 });
    expect(verdict.textContent).toMatch(/Not valid/);
    expect(screen.getByTestId('verify-problems').textContent).toMatch(/intermediate 'Not A CA Intermediate'.*not a CA/);
    const roles = within(screen.getByTestId('verify-path')).getAllByRole('listitem').filter((li) => li.dataset.role).map((li) => li.dataset.role);
    expect(roles).toEqual(['anchor', 'intermediate', 'leaf']);

    await fireEvent.input(area, { target: { value: pile('leaf', 'root', 'int') } });
    expect(screen.queryByTestId('verify-verdict')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Verify chain' }));
    await waitFor(() => expect(screen.getByTestId('verify-verdict').dataset.ok).toBe('true'), { timeout: 10_000 });
    expect(screen.getByTestId('verify-command').textContent).toBe('openssl verify -CAfile ca.pem -untrusted untrusted.pem -purpose sslserver leaf.pem');

    await fireEvent.change(screen.getByLabelText('Trust anchor'), { target: { value: 'system' } });
    expect(screen.getByTestId('verify-anchor-problem').textContent).toMatch(/not available/);
  });

  it('keeps each section’s input when switching tabs', async () => {
    const verify = new VerifyState(async () => []);
    render(VerifyView, { verify });
    await fireEvent.click(screen.getByRole('tab', { name: 'Hostname / IP' }));
    await fireEvent.input(screen.getByRole('textbox', { name: /^Certificate \(the leaf/ }), { target: { value: pki.pem('cn-only.pem') } });
    await fireEvent.input(screen.getByLabelText('Host name or IP address'), { target: { value: LEAF_DNS } });
    await fireEvent.click(screen.getByRole('button', { name: 'Check name' }));
    expect(screen.getByTestId('verify-host-cn-only').textContent).toMatch(/Go ≥ 1\.15/);
    await fireEvent.click(screen.getByRole('tab', { name: 'Chain' }));
    await fireEvent.click(screen.getByRole('tab', { name: 'Hostname / IP' }));
    expect((screen.getByLabelText('Host name or IP address') as HTMLInputElement).value).toBe(LEAF_DNS);
  });
});
