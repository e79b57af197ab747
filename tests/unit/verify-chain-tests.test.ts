// BoringSSL's (Chromium's) verify_certificate_chain_unittest vectors: one `it` per .test file, our
// verdict (valid when the expected errors hold no ERROR line) against theirs, except for the
// documented disagreements in tests/fixtures/chain-tests/known-disagreements.json.
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { detectInput } from '../../src/core/input/detect.ts';
import { verifyChain, type AnchorChecks, type Purpose, type VerifyOptions } from '../../src/core/verify/index.ts';

const root = join(import.meta.dirname, '../fixtures/chain-tests');
const suite = join(root, 'boringssl-verify_certificate_chain_unittest');
const known = JSON.parse(readFileSync(join(root, 'known-disagreements.json'), 'utf8')) as Record<string, string>;

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? testFiles(p) : f.endsWith('.test') ? [p] : [];
  });
}

interface ChainTest {
  chain: string;
  last_cert_trust: string;
  utc_time: string;
  key_purpose: string;
  expected_errors: string;
  digest_policy?: string;
}

function parseTest(file: string): ChainTest {
  const text = readFileSync(file, 'utf8');
  const [head, errors = ''] = text.split(/^expected_errors:\n/m);
  const fields: Record<string, string> = {};
  for (const line of head!.split('\n')) {
    const m = /^(\w+):\s*(.*)$/.exec(line);
    if (m && !line.startsWith('#')) fields[m[1]!] = m[2]!;
  }
  return { ...(fields as unknown as ChainTest), expected_errors: errors };
}

function utcTime(text: string): Date {
  // The harness's DEFAULT time: the moment the generated chains' validity begins.
  const t = text === 'DEFAULT' ? '211005120000Z' : text;
  const m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(t)!;
  const y = Number(m[1]);
  return new Date(Date.UTC(y < 50 ? 2000 + y : 1900 + y, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}

const PURPOSE: Record<string, Purpose> = {
  SERVER_AUTH: 'server', SERVER_AUTH_STRICT: 'server', SERVER_AUTH_STRICT_LEAF: 'server',
  CLIENT_AUTH: 'client', CLIENT_AUTH_STRICT: 'client', CLIENT_AUTH_STRICT_LEAF: 'client', ANY_EKU: 'any',
};

/** Chromium's trust settings: a plain anchor is a (name, key) pair; the _WITH_ variants check more of it. */
function options(t: ChainTest, certs: Uint8Array[]): { leaf: Uint8Array; opts: VerifyOptions } {
  const trust = t.last_cert_trust;
  // TRUSTED_ANCHOR* trusts the last certificate as an issuer only; TRUSTED_LEAF* trusts a lone target only.
  const asAnchor = trust.startsWith('TRUSTED_ANCHOR') && (certs.length > 1 || trust === 'TRUSTED_ANCHOR_OR_LEAF');
  const asLeaf = trust.startsWith('TRUSTED_LEAF') || trust === 'TRUSTED_ANCHOR_OR_LEAF';
  const trusted = asAnchor || (asLeaf && certs.length === 1) ? [certs[certs.length - 1]!] : [];
  const anchorChecks: AnchorChecks = { validity: trust.includes('EXPIRATION'), constraints: trust.includes('CONSTRAINTS') || trust.includes('REQUIRE_BASIC') };
  return {
    leaf: certs[0]!,
    opts: {
      trusted,
      untrusted: certs.slice(1, trusted.length ? -1 : undefined),
      at: utcTime(t.utc_time),
      purpose: PURPOSE[t.key_purpose] ?? 'any',
      // Chromium's *_STRICT purposes add the CA/Browser Forum leaf rules (EKU present, no anyEKU, not a CA).
      profile: t.key_purpose.includes('STRICT') ? 'webpki' : 'rfc5280',
      anchorChecks,
      minRsaBits: 1024,
      allowSha1: t.digest_policy !== 'STRONG',
    },
  };
}

let agreed = 0;
let total = 0;

describe('BoringSSL verify_certificate_chain_unittest', () => {
  const files = testFiles(suite).sort();
  const names = files.map((f) => relative(suite, f));

  it('every listed disagreement names a real test', () => {
    expect(Object.keys(known).filter((k) => !names.includes(k))).toEqual([]);
  });

  for (const [i, file] of files.entries()) {
    const name = names[i]!;
    it(name, async () => {
      const t = parseTest(file);
      const certs = detectInput(readFileSync(join(dirname(file), t.chain), 'utf8')).objects.filter((o) => o.kind === 'certificate').map((o) => o.der);
      const expectValid = !/^ERROR:/m.test(t.expected_errors);
      const { leaf, opts } = options(t, certs);
      let valid = false;
      let why = '';
      try {
        const r = await verifyChain(leaf, opts);
        valid = r.ok;
        why = r.problems.map((p) => p.message).join(' | ');
      } catch (e) {
        why = `unreadable: ${(e as Error).message}`;
      }
      total++;
      if (valid === expectValid) agreed++;
      if (known[name]) expect(valid === expectValid, `${name} now agrees; remove it from known-disagreements.json`).toBe(false);
      else expect(valid, `${name}: expected ${expectValid ? 'valid' : `errors ${t.expected_errors.trim()}`}, got ${valid ? 'valid' : why}`).toBe(expectValid);
    });
  }

  afterAll(() => {
    console.log(`chain-tests agreement: ${agreed}/${total}`);
  });
});
