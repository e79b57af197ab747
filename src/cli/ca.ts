// `certbench ca init|import|check`: a CA kept in a directory (see ca-dir/store.ts) that sign/revoke/crl change.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createRootCa, DEFAULT_CA_KEY_TYPE, DEFAULT_CA_SUBJECT } from '../core/ca/create.ts';
import { importCa } from '../core/ca/import.ts';
import { MIN_CA_PASSPHRASE_LENGTH } from '../core/ca/types.ts';
import { CertbenchError, render } from '../core/errors.ts';
import { cliError } from './cli-error.ts';
import { KEY_TYPES, type KeyType } from '../core/keys/key-types.ts';
import { changeOptionsFrom, checkCaDir, createCaDir } from './ca-dir/store.ts';
import { readPassin } from './passin.ts';
import { registerCommand, type CliIo } from './registry.ts';

function need(value: string | undefined, flag: string): string {
  if (value === undefined) throw cliError(`${flag} is required`);
  return value;
}

function positive(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw cliError(`${value} is not a whole number`, flag);
  return n;
}

const USAGE = `usage:
  certbench ca init --dir DIR (--passout SPEC | --no-passout) [--subject "/CN=…"] [--key-type ${KEY_TYPES.join('|')}]
                    [--days N] [--pathlen N] [--wait SECONDS]
  certbench ca import --dir DIR --cert ca.crt --key ca.key [--passin SPEC] (--passout SPEC | --no-passout) [--wait SECONDS]
  certbench ca check --dir DIR [--passin SPEC]

SPEC is pass:SECRET, env:VAR or file:PATH (env: and file: keep the passphrase out of shell history).
--passout encrypts ca.key with the passphrase and seals the CA's log of changes with it, so
\`ca check\` (and every sign, revoke and crl) notices any change made without it. --no-passout writes
ca.key unencrypted (mode 0600) with an unsealed log, which shows accidental changes only.
sign, revoke, crl and ca init/import hold the directory's lock (certbench.lock) while they change it,
waiting up to --wait SECONDS (default 30) for another run.
`;

const PASSOUT_OPTIONS = { passout: { type: 'string' }, 'no-passout': { type: 'boolean' }, wait: { type: 'string' } } as const;

class UsageError extends CertbenchError {
  constructor(text: string) {
    super('error.text', { text });
  }
}

/** The passphrase for the new ca.key, or null for an explicit --no-passout (with its warning). */
async function passoutOf(values: { passout?: string; 'no-passout'?: boolean }, io: CliIo): Promise<string | null> {
  if (values.passout !== undefined && values['no-passout']) throw new UsageError('give --passout or --no-passout, not both');
  if (values.passout !== undefined) {
    const pass = await readPassin(values.passout, '--passout');
    if (!pass) throw cliError('an empty passphrase protects nothing', '--passout');
    const length = [...pass].length;
    if (length < MIN_CA_PASSPHRASE_LENGTH) throw cliError(`the passphrase has ${length} characters; a CA passphrase needs at least ${MIN_CA_PASSPHRASE_LENGTH} (a few words are easy to type and hard to guess)`, '--passout');
    return pass;
  }
  if (values['no-passout']) {
    io.stderr('warning: --no-passout: ca.key is written unencrypted (mode 0600); anyone who can read it can sign as this CA, and the CA\'s log is not sealed, so `certbench ca check` can only show accidental changes\n');
    return null;
  }
  throw new UsageError('a CA key needs a passphrase: give --passout env:VAR (or file:PATH, pass:SECRET), or --no-passout to write it unencrypted');
}

async function init(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { dir: { type: 'string' }, subject: { type: 'string' }, 'key-type': { type: 'string' }, days: { type: 'string' }, pathlen: { type: 'string' }, ...PASSOUT_OPTIONS } });
  const dir = need(values.dir, '--dir');
  const keyType = (values['key-type'] ?? DEFAULT_CA_KEY_TYPE) as KeyType;
  if (!KEY_TYPES.includes(keyType)) throw cliError(`"${keyType}" is not one of ${KEY_TYPES.join(', ')}`, '--key-type');
  const days = positive(values.days, '--days');
  const pathLen = positive(values.pathlen, '--pathlen');
  const options = changeOptionsFrom('ca init', { wait: values.wait }, io);
  const passout = await passoutOf(values, io);
  const ca = await createRootCa({ subject: values.subject ?? DEFAULT_CA_SUBJECT, keyType, ...(days !== undefined ? { days } : {}), ...(pathLen !== undefined ? { pathLen } : {}) });
  const id = await createCaDir(dir, ca, passout, options);
  io.stdout(`created CA ${id.slice(0, 16)} in ${dir} (ca.crt, ca.key, index.json)\n`);
  return 0;
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { dir: { type: 'string' }, cert: { type: 'string' }, key: { type: 'string' }, passin: { type: 'string' }, ...PASSOUT_OPTIONS } });
  const dir = need(values.dir, '--dir');
  const options = changeOptionsFrom('ca import', { wait: values.wait }, io);
  const passout = await passoutOf(values, io);
  const pass = values.passin === undefined ? undefined : await readPassin(values.passin);
  let certificate: string;
  let key: Uint8Array;
  try {
    certificate = readFileSync(need(values.cert, '--cert'), 'utf8');
    key = new Uint8Array(readFileSync(need(values.key, '--key')));
  } catch (e) {
    if (e instanceof CertbenchError) throw e;
    throw cliError(`cannot read ${(e as NodeJS.ErrnoException).path ?? 'it'}`, '--cert/--key');
  }
  const ca = await importCa({ certificate, key, ...(pass !== undefined ? { passphrase: pass } : {}) });
  for (const w of ca.warnings) io.stderr(`warning: ${render(w)}\n`);
  await createCaDir(dir, ca, passout, options);
  io.stdout(`imported CA ${ca.id.slice(0, 16)} into ${dir}\n`);
  return 0;
}

async function check(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { dir: { type: 'string' }, passin: { type: 'string' } } });
  const dir = need(values.dir, '--dir');
  const r = await checkCaDir(dir, values.passin);
  const lines = [
    r.sealed
      ? `log: ${r.entries} entries, hash-chained and sealed with an HMAC keyed from the passphrase`
      : `log: ${r.entries} entries, hash-chained but not sealed (this CA has no passphrase): it shows accidental changes only; anyone who can write ${dir} can rewrite index.json and its log to agree`,
    `last log entry: SHA-256 ${r.head} (note it somewhere else: putting the whole directory back to an earlier copy is not visible from inside it)`,
    `inventory: ${r.certificates} certificate(s), ${r.revoked} revoked; last CRL number ${r.crlNumber}`,
  ];
  if (r.problems.length) {
    io.stdout(`CA ${r.caId.slice(0, 16)} in ${dir}: CHANGED outside certbench\n${r.problems.map((p) => `  - ${p}\n`).join('')}${lines.map((l) => `  ${l}\n`).join('')}`);
    return 1;
  }
  io.stdout(`CA ${r.caId.slice(0, 16)} in ${dir}: as certbench last left it\n  ca.key belongs to ca.crt\n${lines.map((l) => `  ${l}\n`).join('')}`);
  return 0;
}

registerCommand('ca', 'create (init), import or check a CA kept in a directory', async (args, io) => {
  const [sub, ...rest] = args;
  const run = sub === 'init' ? init : sub === 'import' ? importCommand : sub === 'check' ? check : undefined;
  if (run) {
    try {
      return await run(rest, io);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      io.stderr(`certbench ca ${sub}: ${e.message}\n${USAGE}`);
      return 2;
    }
  }
  if (sub === '--help' || sub === '-h') {
    io.stdout(USAGE);
    return 0;
  }
  io.stderr(USAGE);
  return 2;
}, USAGE);
