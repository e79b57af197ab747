// x509-limbo conformance: one `it` per testcase, our verdict against the expected one, except for
// the documented disagreements in tests/fixtures/limbo/known-disagreements.json (which must keep
// disagreeing, so the list stays honest).
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectInput } from '../../src/core/input/detect.ts';
import { verifyChain, type PeerName, type VerifyOptions } from '../../src/core/verify/index.ts';

const dir = join(import.meta.dirname, '../fixtures/limbo');

interface LimboCase {
  id: string;
  validation_kind: 'SERVER' | 'CLIENT';
  trusted_certs: string[];
  untrusted_intermediates: string[];
  peer_certificate: string;
  validation_time: string | null;
  expected_result: 'SUCCESS' | 'FAILURE';
  expected_peer_name: { kind: 'DNS' | 'IP' | 'RFC822'; value: string } | null;
  max_chain_depth: number | null;
  crls?: string[];
}

const limbo = JSON.parse(readFileSync(join(dir, 'limbo.json'), 'utf8')) as { testcases: LimboCase[] };
const known = JSON.parse(readFileSync(join(dir, 'known-disagreements.json'), 'utf8')) as Record<string, string>;

function der(pem: string): Uint8Array {
  const found = detectInput(pem);
  if (found.objects.length !== 1) throw new Error(`expected one object, found ${found.objects.length}`);
  return found.objects[0]!.der;
}

const PEER_KIND = { DNS: 'dns', IP: 'ip', RFC822: 'email' } as const;

/** How limbo's harness asks a verifier: the web PKI profile, the anchor checked like any CA. */
export function limboOptions(tc: LimboCase): VerifyOptions {
  const peer = tc.expected_peer_name;
  return {
    trusted: tc.trusted_certs.map(der),
    untrusted: tc.untrusted_intermediates.map(der),
    at: tc.validation_time ? new Date(tc.validation_time) : new Date(),
    purpose: tc.validation_kind === 'SERVER' ? 'server' : 'client',
    ...(peer ? { peerName: { kind: PEER_KIND[peer.kind], value: peer.value } as PeerName } : {}),
    ...(tc.max_chain_depth !== null ? { maxIntermediates: tc.max_chain_depth } : {}),
    crls: (tc.crls ?? []).map(der),
  };
}

const family = (id: string) => { const p = id.split('::'); return p.slice(0, p.length > 2 ? 2 : 1).join('::'); };
const tally = new Map<string, { agree: number; total: number }>();

describe('x509-limbo', () => {
  it('every listed disagreement names a real testcase', () => {
    const ids = new Set(limbo.testcases.map((t) => t.id));
    expect(Object.keys(known).filter((id) => !ids.has(id))).toEqual([]);
  });

  for (const tc of limbo.testcases) {
    it(tc.id, async () => {
      const result = await verifyChain(der(tc.peer_certificate), limboOptions(tc));
      const verdict = result.ok ? 'SUCCESS' : 'FAILURE';
      const agree = verdict === tc.expected_result;
      const t = tally.get(family(tc.id)) ?? { agree: 0, total: 0 };
      t.total++;
      if (agree) t.agree++;
      tally.set(family(tc.id), t);
      const why = result.problems.map((p) => p.message).join(' | ');
      if (known[tc.id]) expect(agree, `${tc.id} now agrees (${verdict}); remove it from known-disagreements.json`).toBe(false);
      else expect(`${verdict} ${why}`.startsWith(tc.expected_result), `${tc.id}: got ${verdict}: ${why}`).toBe(true);
    });
  }

  afterAll(() => {
    const rows = [...tally].sort(([a], [b]) => a.localeCompare(b));
    const all = rows.reduce((s, [, t]) => ({ agree: s.agree + t.agree, total: s.total + t.total }), { agree: 0, total: 0 });
    const lines = rows.map(([f, t]) => `  ${f.padEnd(24)} ${String(t.agree).padStart(3)}/${t.total}`);
    console.log(`x509-limbo agreement: ${all.agree}/${all.total} (${((100 * all.agree) / all.total).toFixed(1)}%)\n${lines.join('\n')}`);
    if (all.total === limbo.testcases.length) expect(all.agree / all.total).toBeGreaterThanOrEqual(0.95);
  });
});
