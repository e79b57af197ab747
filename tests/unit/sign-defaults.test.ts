// Defaults that follow the request (issue 11): the profile a CSR asks for, warnings only for what
// differs, notBefore 5 minutes back, and `certbench sign` without --profile. openssl makes the
// requests and judges the certificates.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run.ts';
import { createRootCa } from '../../src/core/ca/create.ts';
import { readVerifiedRequest } from '../../src/core/ca/csr.ts';
import { parseCfsslConfig } from '../../src/core/ca/cfssl-config.ts';
import { issueFromPlan, planFromRequest } from '../../src/core/ca/issue.ts';
import { profileForRequest } from '../../src/core/ca/profile-for-request.ts';
import { BUILTIN_PROFILES } from '../../src/core/ca/profiles.ts';
import { BACKDATE_MS } from '../../src/core/cert/time.ts';
import { buildCsr } from '../../src/core/csr/build.ts';
import { generateKeyPair } from '../../src/core/keys/generate.ts';
import { toPem } from '../../src/core/pem.ts';
import { NEWKEY, ok, path, put, read } from './ca-oracle.helper.ts';
import { render } from '../../src/core/errors.ts';

/** A key and CSR made by openssl with exactly these -addext lines. */
function csr(base: string, subj: string, addext: string[]): string {
  const out = path(`${base}.csr`);
  ok(['req', '-new', ...NEWKEY['ec-p256']!, '-nodes', '-keyout', path(`${base}.key`), '-out', out, '-subj', subj, ...addext.flatMap((e) => ['-addext', e])]);
  return out;
}

const request = async (file: string) => readVerifiedRequest(read(file.slice(file.lastIndexOf('/') + 1)));

/** notBefore as openssl prints it, in ms. */
const startOf = (pem: string) => Date.parse(/notBefore=(.*)/.exec(ok(['x509', '-noout', '-startdate'], pem))![1]!);

describe('profileForRequest', () => {
  it.each([
    ['clientAuth only', 'client', '/O=system:masters/CN=admin', ['extendedKeyUsage=clientAuth'], 'the CSR requests extended key usage clientAuth: clientAuth without serverAuth'],
    ['serverAuth only', 'server', '/CN=web', ['subjectAltName=DNS:web.test', 'extendedKeyUsage=serverAuth'], 'the CSR requests extended key usage serverAuth: serverAuth without clientAuth'],
    ['both', 'peer', '/CN=etcd', ['subjectAltName=DNS:etcd.test', 'extendedKeyUsage=serverAuth,clientAuth'], 'the CSR requests extended key usage serverAuth, clientAuth: serverAuth and clientAuth, so both ends of a TLS connection'],
    ['clientAuth with a DNS SAN (the EKU decides)', 'client', '/CN=x', ['subjectAltName=DNS:x.test', 'extendedKeyUsage=clientAuth'], 'clientAuth without serverAuth'],
    ['no EKU, host SANs', 'server', '/CN=x', ['subjectAltName=DNS:x.test,IP:192.0.2.9'], 'the CSR requests no extended key usage; it names hosts (DNS:x.test, IP Address:192.0.2.9)'],
    ['no EKU, a Kubernetes group', 'client', '/O=system:masters/CN=admin', [], "the CSR requests no extended key usage; it names no host, and its subject's O = system:masters is a Kubernetes user or group"],
    ['no EKU, a node identity with dots', 'client', '/O=system:nodes/CN=system:node:worker-1.example', [], 'O = system:nodes is a Kubernetes user or group'],
    ['no EKU, a CN that is a host name', 'server', '/CN=web.example.test', [], 'its CN web.example.test looks like a host name'],
    ['no EKU, a user name', 'client', '/CN=jane', [], "its CN = jane is a user's name, not a host name"],
    ['codeSigning only, with a DNS SAN', 'server', '/CN=x', ['subjectAltName=DNS:x.test', 'extendedKeyUsage=codeSigning'], 'the CSR requests extended key usage codeSigning, neither serverAuth nor clientAuth; it names hosts (DNS:x.test)'],
  ] as const)('%s → %s', async (label, profile, subj, addext, reason) => {
    const r = await request(csr(`pfr-${label.replace(/\W+/g, '-')}`, subj, [...addext]));
    const chosen = profileForRequest(r);
    expect(chosen.profile).toBe(profile);
    expect(chosen.reason).toContain(reason);
  });

  it('reads the EKU of a CSR made by Create for each purpose', async () => {
    const keys = await generateKeyPair('ec-p256');
    for (const usage of ['server', 'client', 'peer'] as const) {
      const made = await buildCsr({ subject: [{ type: 'CN', value: 'made' }], sans: ['DNS:made.test'], usage }, keys);
      expect(profileForRequest(await readVerifiedRequest(made.pem)).profile).toBe(usage);
    }
  });
});

describe('the plan warns only about what it does not copy', () => {
  it('no warning when the requested key usage, EKU and basic constraints are what the profile gives', async () => {
    const root = await createRootCa({ subject: 'CN=warn root' });
    const keys = await generateKeyPair('ec-p256');
    const made = await buildCsr({ subject: [{ type: 'CN', value: 'reg' }], sans: ['DNS:reg.test'], usage: 'server' }, keys);
    expect(planFromRequest(await readVerifiedRequest(made.pem), root, { profile: BUILTIN_PROFILES.server }).warnings).toEqual([]);
    const same = csr('warn-same', '/CN=same', ['subjectAltName=DNS:same.test', 'basicConstraints=critical,CA:FALSE', 'keyUsage=critical,digitalSignature', 'extendedKeyUsage=serverAuth,clientAuth']);
    expect(planFromRequest(await request(same), root, { profile: BUILTIN_PROFILES.peer }).warnings).toEqual([]);
  });

  it('names each difference: what was asked and what the profile gives', async () => {
    const root = await createRootCa({ subject: 'CN=warn root 2' });
    const asks = csr('warn-diff', '/CN=diff', ['subjectAltName=DNS:diff.test', 'basicConstraints=critical,CA:TRUE', 'keyUsage=critical,digitalSignature,keyEncipherment', 'extendedKeyUsage=clientAuth']);
    const plan = planFromRequest(await request(asks), root, { profile: BUILTIN_PROFILES.server });
    expect(plan.warnings.map((w) => render(w))).toEqual([
      'the request asks for X509v3 Key Usage: digitalSignature, keyEncipherment; not copied, the profile "server" gives digitalSignature',
      'the request asks for X509v3 Extended Key Usage: clientAuth; not copied, the profile "server" gives serverAuth',
      'the request asks for X509v3 Basic Constraints: CA:TRUE; not copied, the profile "server" gives CA:FALSE',
    ]);
    const issued = await issueFromPlan(plan, root, new Set());
    const text = ok(['x509', '-noout', '-ext', 'basicConstraints,keyUsage,extendedKeyUsage'], issued.pem);
    expect(text).toMatch(/CA:FALSE\n[\s\S]*Digital Signature\n[\s\S]*TLS Web Server Authentication\n$/);
  });
});

describe('notBefore is 5 minutes back', () => {
  it('for a root CA and a leaf, as openssl reads them', async () => {
    const before = Date.now();
    const root = await createRootCa({ subject: 'CN=backdate root' });
    const made = csr('backdate', '/CN=backdate', ['subjectAltName=DNS:backdate.test']);
    const plan = planFromRequest(await request(made), root, { profile: BUILTIN_PROFILES.server });
    expect(plan.backdateMs).toBe(BACKDATE_MS);
    const leaf = await issueFromPlan(plan, root, new Set());
    const after = Date.now();
    for (const pem of [toPem('CERTIFICATE', root.certificate), leaf.pem]) {
      const start = startOf(pem);
      expect(start).toBeGreaterThanOrEqual(Math.floor((before - BACKDATE_MS) / 1000) * 1000);
      expect(start).toBeLessThanOrEqual(after - BACKDATE_MS);
    }
    // The lifetime is still the profile's, counted from notBefore.
    expect(plan.notAfter.getTime() - plan.notBefore.getTime()).toBe(BUILTIN_PROFILES.server.expiryHours * 3_600_000);
    // A notBefore given is kept as given.
    const given = new Date('2030-01-02T03:04:05Z');
    const fixed = planFromRequest(await request(made), root, { profile: BUILTIN_PROFILES.server, notBefore: given });
    expect([fixed.notBefore.getTime(), fixed.backdateMs]).toEqual([given.getTime(), 0]);
  });
});

describe('cfssl ca-config.json defaults', () => {
  it('without signing.default, the default is cfssl\'s DefaultConfig (signing, key encipherment, server auth, client auth, 8760h)', () => {
    const profiles = parseCfsslConfig(JSON.stringify({ signing: { profiles: { k: { usages: ['client auth'], expiry: '1h' } } } }));
    expect(profiles.default).toEqual({ name: 'default', keyUsage: ['digitalSignature', 'keyEncipherment'], extKeyUsage: ['serverAuth', 'clientAuth'], isCa: false, expiryHours: 8760 });
    expect(profiles.k!.extKeyUsage).toEqual(['clientAuth']);
  });
});

async function cli(args: string[]) {
  const out = { stdout: '', stderr: '' };
  const status = await runCli(args, { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s), stdin: async () => new Uint8Array() });
  return { status, ...out };
}

describe('certbench sign without --profile', () => {
  const dir = path('cli-defaults');
  const eku = (crt: string) => ok(['x509', '-in', crt, '-noout', '-ext', 'extendedKeyUsage']);

  it('follows the CSR\'s requested EKU, says so on stderr, and backdates notBefore 5 minutes', async () => {
    expect((await cli(['ca', 'init', '--dir', dir, '--subject', '/CN=Defaults CA', '--no-passout'])).status).toBe(0);
    const cases = [
      ['client', csr('cli-client', '/O=system:masters/CN=admin', ['extendedKeyUsage=clientAuth']), 'X509v3 Extended Key Usage: \n    TLS Web Client Authentication\n'],
      ['server', csr('cli-server', '/CN=reg', ['subjectAltName=DNS:reg.test', 'extendedKeyUsage=serverAuth']), 'X509v3 Extended Key Usage: \n    TLS Web Server Authentication\n'],
      ['peer', csr('cli-peer', '/CN=etcd', ['subjectAltName=DNS:etcd.test', 'extendedKeyUsage=serverAuth,clientAuth']), 'X509v3 Extended Key Usage: \n    TLS Web Server Authentication, TLS Web Client Authentication\n'],
    ] as const;
    for (const [profile, csrPath, printed] of cases) {
      const out = path(`cli-${profile}.crt`);
      const before = Date.now();
      const r = await cli(['sign', '--dir', dir, '--csr', csrPath, '--out', out]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain(`profile ${profile} (no --profile: the CSR requests extended key usage`);
      expect(eku(out)).toBe(printed);
      const start = startOf(read(`cli-${profile}.crt`));
      expect(start).toBeGreaterThanOrEqual(Math.floor((before - BACKDATE_MS) / 1000) * 1000);
      expect(start).toBeLessThanOrEqual(Date.now() - BACKDATE_MS);
    }
    // --profile still wins over the CSR.
    const forced = await cli(['sign', '--dir', dir, '--csr', cases[0][1], '--profile', 'peer', '--out', path('cli-forced.crt')]);
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stderr).not.toContain('no --profile');
    expect(eku(path('cli-forced.crt'))).toContain('TLS Web Server Authentication, TLS Web Client Authentication');
  });

  it('with --config uses signing.default as cfssl sign does, and refuses a default without usages as cfssl does', async () => {
    const csrPath = csr('cli-config', '/CN=cfg', ['subjectAltName=DNS:cfg.test', 'extendedKeyUsage=serverAuth']);
    const config = put('defaults-ca-config.json', JSON.stringify({ signing: { default: { usages: ['signing', 'client auth'], expiry: '48h' }, profiles: { web: { usages: ['signing', 'server auth'], expiry: '24h' } } } }));
    const r = await cli(['sign', '--dir', dir, '--csr', csrPath, '--config', config, '--out', path('cli-config.crt')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`profile default (no --profile: ${config}'s signing.default, as cfssl sign uses)`);
    expect(eku(path('cli-config.crt'))).toBe('X509v3 Extended Key Usage: \n    TLS Web Client Authentication\n');
    const dates = ok(['x509', '-in', path('cli-config.crt'), '-noout', '-startdate', '-enddate']);
    expect(Date.parse(/notAfter=(.*)/.exec(dates)![1]!) - Date.parse(/notBefore=(.*)/.exec(dates)![1]!)).toBe(48 * 3_600_000);

    const none = put('no-default-ca-config.json', JSON.stringify({ signing: { profiles: { web: { usages: ['server auth'], expiry: '24h' } } } }));
    expect((await cli(['sign', '--dir', dir, '--csr', csrPath, '--config', none, '--out', path('cli-cfssl-default.crt')])).status).toBe(0);
    expect(eku(path('cli-cfssl-default.crt'))).toContain('TLS Web Server Authentication, TLS Web Client Authentication');

    const bare = put('bare-ca-config.json', JSON.stringify({ signing: { default: { expiry: '168h' } } }));
    const refused = await cli(['sign', '--dir', dir, '--csr', csrPath, '--config', bare, '--out', path('cli-refused.crt')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('signing.default lists no "usages", so cfssl sign refuses it ("no key usage available")');
    expect(ok(['x509', '-in', join(dir, 'ca.crt'), '-noout', '-subject'])).toContain('Defaults CA');
  });
});
