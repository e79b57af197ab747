// The Hard Way lab keeps only certificates in its (stored) state and hands the private keys and the
// kubeconfigs out once; openssl judges that each offered key belongs to its kept certificate.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { emptyLabState, labById, memoryLabEnv, runStep } from '../../src/workshop/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-hard-way-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function publicKeyOf(args: string[], text: string, name: string): string {
  writeFileSync(join(dir, name), text);
  const r = spawnSync('openssl', [...args, '-in', name, '-pubout'], { cwd: dir, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('Hard Way lab: keys and kubeconfigs offered, not kept', async () => {
  const lab = labById('hard-way')!;
  const outcome = await runStep(lab, 'generate', emptyLabState('hard-way'), memoryLabEnv(), { keyType: 'ec-p256' });

  it('passes its checks and keeps no private key text in the state', () => {
    expect(outcome.passed, JSON.stringify(outcome.checks)).toBe(true);
    const kept = JSON.stringify(outcome.state.artifacts);
    expect(kept).not.toMatch(/PRIVATE KEY|client-key-data/);
  });

  it('offers every key and kubeconfig of the guide', () => {
    const names = Object.keys(outcome.offered ?? {}).sort();
    for (const n of ['ca-key.pem', 'admin-key.pem', 'worker-0-key.pem', 'kubernetes-key.pem', 'service-account-key.pem', 'admin.kubeconfig', 'kube-proxy.kubeconfig', 'worker-0.kubeconfig']) expect(names).toContain(n);
    expect(names.some((n) => n.startsWith('hard-way/'))).toBe(false);
  });

  it.each(['admin', 'worker-0', 'kubernetes', 'ca'])('%s-key.pem is the key of %s.pem (openssl)', (base) => {
    const key = outcome.offered![`${base}-key.pem`]!;
    const cert = outcome.state.artifacts[`hard-way/${base}.pem`]!;
    expect(publicKeyOf(['pkey'], key, `${base}-key.pem`)).toBe(publicKeyOf(['x509', '-noout', '-pubkey'], cert, `${base}.pem`));
  });

  it('admin.kubeconfig embeds the kept admin certificate', () => {
    const kc = parse(outcome.offered!['admin.kubeconfig']!) as { users: { user: Record<string, string> }[] };
    expect(Buffer.from(kc.users[0]!.user['client-certificate-data']!, 'base64').toString()).toBe(outcome.state.artifacts['hard-way/admin.pem']);
  });
});
