// `certbench cluster-pki renew`: the offline rescue of a kubeadm node's expired /etc/kubernetes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { cliError } from './cli-error.ts';
import { loadCluster, PassphraseNeededError, readClusterFiles } from '../kube/rescue/input.ts';
import type { PlanItem } from '../kube/rescue/plan.ts';
import { renewCluster } from '../kube/rescue/renew.ts';
import { writeFileAtomic } from './files.ts';
import { readPassin } from './passin.ts';
import type { CliIo } from './registry.ts';

export const RENEW_USAGE = `usage: certbench cluster-pki renew --in DIR|FILE.zip|FILE.tar.gz --out renewed.zip [--days N] [--only NAME,…]
                                  [--rotate-keys] [--renew-cas] [--at DATE] [--passin SPEC]

Renews the certificates of a copy of a kubeadm node's /etc/kubernetes offline, as \`kubeadm certs renew\` does:
each leaf re-issued by its own CA with the same subject, SANs, usages and public key, a new serial, notBefore
5 minutes back, --days of validity (default 365, capped at the CA's expiry); kubeconfigs keep their server,
names and key with a renewed client certificate. Prints the check-expiration table before and after.
  --in           the copy: a folder, a .zip or a .tar.gz (tar czf), with or without etc/kubernetes/ in the paths
  --out          the renewed files in the same layout, plus RENEWAL-STEPS.txt (how to put them in place)
  --only         renew only these rows (apiserver, etcd-server, admin.conf, …)
  --rotate-keys  new keys for the renewed certificates (every client of them then needs the new files)
  --renew-cas    re-issue the CAs with their own keys (existing certificates keep verifying)
  --at           renew as of this date (ISO 8601; default now)
  --passin       passphrase of encrypted CA keys: pass:SECRET, env:VAR or file:PATH`;

function filesOf(path: string, base: string): { path: string; bytes: Uint8Array }[] {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) throw cliError('no such file or folder', path);
  if (st.isFile()) return [{ path: relative(base, path) || path, bytes: new Uint8Array(readFileSync(path)) }];
  if (!st.isDirectory()) return [];
  return readdirSync(path).sort().flatMap((name) => filesOf(join(path, name), base));
}

const ACTION_LABEL: Record<PlanItem['action'], string> = { renew: 'renew', cannot: 'CANNOT', skip: 'skip', keep: 'keep', 'self-renews': 'self' };

export async function clusterRenewCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      in: { type: 'string' }, out: { type: 'string' }, days: { type: 'string' }, only: { type: 'string' }, 'rotate-keys': { type: 'boolean' },
      'renew-cas': { type: 'boolean' }, at: { type: 'string' }, passin: { type: 'string' },
    },
  });
  if (!values.in || !values.out) throw cliError(`--in and --out are required\n${RENEW_USAGE}`);
  let asOf: Date | undefined;
  if (values.at !== undefined) {
    asOf = new Date(values.at);
    if (Number.isNaN(asOf.getTime())) throw cliError(`"${values.at}" is not a date (use ISO 8601, e.g. 2026-01-31 or 2026-01-31T12:00:00Z)`, '--at');
  }
  const days = values.days === undefined ? undefined : Number(values.days);
  if (days !== undefined && !(days > 0)) throw cliError(`${values.days} is not a positive number of days`, '--days');
  const st = statSync(values.in, { throwIfNoEntry: false });
  const inputs = filesOf(values.in, st?.isDirectory() ? values.in : join(values.in, '..'));
  const files = readClusterFiles(inputs);
  const passphrase = values.passin === undefined ? undefined : await readPassin(values.passin);
  const cluster = await loadCluster(files, { passphrase }).catch((e: unknown) => {
    // The CLI asks the way openssl does: the passphrase comes with --passin, never typed into a prompt the logs keep.
    if (e instanceof PassphraseNeededError) throw cliError(`${e.message} with --passin pass:SECRET, env:VAR or file:PATH`);
    throw e;
  });
  const result = await renewCluster(cluster, {
    ...(asOf ? { asOf } : {}),
    ...(days ? { days } : {}),
    ...(values.only ? { only: values.only.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
    rotateKeys: !!values['rotate-keys'],
    renewCas: !!values['renew-cas'],
  });
  const plan = result.plan;
  for (const m of plan.missing) io.stderr(`missing ${m.path}: ${m.consequence}\n`);
  for (const w of result.warnings) io.stderr(`warning: ${w}\n`);
  io.stdout(`Before (as of ${plan.asOf.toISOString()}):\n\n${plan.beforeTable}\n`);
  const width = Math.max(...plan.items.map((i) => i.name.length));
  io.stdout(`Plan:\n${plan.items.map((i) => `  ${i.name.padEnd(width)}  ${ACTION_LABEL[i.action].padEnd(6)}  ${i.reason}`).join('\n')}\n\n`);
  writeFileAtomic(values.out, result.zip, 'private');
  io.stdout(`After:\n\n${result.afterTable}\n${result.renewed.length} renewed in ${result.elapsedMs.toFixed(0)} ms → ${values.out} (read RENEWAL-STEPS.txt in it before copying anything onto the node)\n`);
  return 0;
}
