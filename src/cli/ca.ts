// `certbench ca init|import`, and the CA directory (ca.crt, ca.key, index.json) that sign/revoke/crl share.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fromBase64, toBase64 } from '../core/bytes.ts';
import { createRootCa, DEFAULT_CA_KEY_TYPE, DEFAULT_CA_SUBJECT } from '../core/ca/create.ts';
import { caIdOf } from '../core/ca/identity.ts';
import { importCa } from '../core/ca/import.ts';
import { certificatesFromPem } from '../core/ca/input.ts';
import type { CaSigner, IssuedCertificate } from '../core/ca/types.ts';
import { CertbenchError } from '../core/errors.ts';
import { exportPrivateKeyPem } from '../core/keys/export.ts';
import { importPrivateKey } from '../core/keys/import.ts';
import { KEY_TYPES, type KeyType } from '../core/keys/key-types.ts';
import { toPem } from '../core/pem.ts';
import { registerCommand, type CliIo } from './registry.ts';

interface IndexFile {
  version: 1;
  caId: string;
  /** The last CRL number used; the next CRL gets one more. */
  crlNumber: number;
  issued: (Omit<IssuedCertificate, 'der'> & { der: string })[];
}

/** A CA kept as files: ca.crt (CA then its chain), ca.key (PKCS#8 PEM, encrypted when a passphrase was given), index.json. */
export interface CaDirectory {
  dir: string;
  signer(passin?: string): Promise<CaSigner>;
  issued: IssuedCertificate[];
  crlNumber: number;
  save(): void;
}

/** openssl's pass phrase arguments: pass:TEXT, env:VAR, file:PATH. */
export function readPassArg(arg: string | undefined): string | undefined {
  if (arg === undefined) return undefined;
  if (arg.startsWith('pass:')) return arg.slice(5);
  if (arg.startsWith('env:')) {
    const v = process.env[arg.slice(4)];
    if (v === undefined) throw new CertbenchError(`environment variable ${arg.slice(4)} is not set`, '--passin');
    return v;
  }
  if (arg.startsWith('file:')) return readFileSync(arg.slice(5), 'utf8').split(/\r?\n/)[0]!;
  throw new CertbenchError('use pass:TEXT, env:VAR or file:PATH', 'pass phrase argument');
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new CertbenchError(`cannot read ${path}`, what);
  }
}

export function openCaDir(dir: string): CaDirectory {
  const indexPath = join(dir, 'index.json');
  if (!existsSync(indexPath)) throw new CertbenchError(`no CA here (index.json missing): run \`certbench ca init --dir ${dir}\` first`, dir);
  const index = JSON.parse(readText(indexPath, 'index.json')) as IndexFile;
  const certs = certificatesFromPem(readText(join(dir, 'ca.crt'), 'ca.crt'), 'ca.crt');
  const issued = index.issued.map((e) => ({ ...e, der: fromBase64(e.der) }));
  const store: CaDirectory = {
    dir,
    issued,
    crlNumber: index.crlNumber,
    async signer(passin) {
      const pass = readPassArg(passin);
      const key = await importPrivateKey(readText(join(dir, 'ca.key'), 'ca.key'), pass !== undefined ? { passphrase: pass } : {});
      return { id: index.caId, certificate: certs[0]!, chain: certs.slice(1), key: key.keyPair.privateKey };
    },
    save() {
      const out: IndexFile = { version: 1, caId: index.caId, crlNumber: store.crlNumber, issued: store.issued.map((e) => ({ ...e, der: toBase64(e.der) })) };
      writeFileSync(indexPath + '.tmp', JSON.stringify(out, null, 2) + '\n');
      renameSync(indexPath + '.tmp', indexPath); // atomic: an interrupted write leaves the old index
    },
  };
  return store;
}

async function writeCaDir(dir: string, certificate: Uint8Array, chain: Uint8Array[], key: CryptoKey, passout: string | undefined): Promise<void> {
  mkdirSync(dir, { recursive: true });
  if (existsSync(join(dir, 'index.json'))) throw new CertbenchError('already holds a CA (index.json exists): choose an empty directory', dir);
  const keyPem = await exportPrivateKeyPem(key, passout !== undefined ? { format: 'encrypted-pkcs8', passphrase: passout } : { format: 'pkcs8' });
  writeFileSync(join(dir, 'ca.key'), keyPem, { mode: 0o600 });
  writeFileSync(join(dir, 'ca.crt'), [certificate, ...chain].map((c) => toPem('CERTIFICATE', c)).join(''));
  const index: IndexFile = { version: 1, caId: await caIdOf(certificate), crlNumber: 0, issued: [] };
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index, null, 2) + '\n');
}

function need(value: string | undefined, flag: string): string {
  if (value === undefined) throw new CertbenchError(`${flag} is required`);
  return value;
}

function positive(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CertbenchError(`${value} is not a whole number`, flag);
  return n;
}

const USAGE = `usage:
  certbench ca init --dir DIR [--subject "/CN=…"] [--key-type ${KEY_TYPES.join('|')}] [--days N] [--pathlen N] [--passout pass:…]
  certbench ca import --dir DIR --cert ca.crt --key ca.key [--passin pass:…] [--passout pass:…]
`;

async function init(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { dir: { type: 'string' }, subject: { type: 'string' }, 'key-type': { type: 'string' }, days: { type: 'string' }, pathlen: { type: 'string' }, passout: { type: 'string' } } });
  const dir = need(values.dir, '--dir');
  const keyType = (values['key-type'] ?? DEFAULT_CA_KEY_TYPE) as KeyType;
  if (!KEY_TYPES.includes(keyType)) throw new CertbenchError(`"${keyType}" is not one of ${KEY_TYPES.join(', ')}`, '--key-type');
  const days = positive(values.days, '--days');
  const pathLen = positive(values.pathlen, '--pathlen');
  const ca = await createRootCa({ subject: values.subject ?? DEFAULT_CA_SUBJECT, keyType, ...(days !== undefined ? { days } : {}), ...(pathLen !== undefined ? { pathLen } : {}) });
  await writeCaDir(dir, ca.certificate, ca.chain, ca.key, readPassArg(values.passout));
  io.stdout(`created CA ${ca.id.slice(0, 16)} in ${dir} (ca.crt, ca.key, index.json)\n`);
  return 0;
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { dir: { type: 'string' }, cert: { type: 'string' }, key: { type: 'string' }, passin: { type: 'string' }, passout: { type: 'string' } } });
  const dir = need(values.dir, '--dir');
  const pass = readPassArg(values.passin);
  const ca = await importCa({
    certificate: readText(need(values.cert, '--cert'), '--cert'),
    key: new Uint8Array(readFileSync(need(values.key, '--key'))),
    ...(pass !== undefined ? { passphrase: pass } : {}),
  });
  for (const w of ca.warnings) io.stderr(`warning: ${w}\n`);
  await writeCaDir(dir, ca.certificate, ca.chain, ca.key, readPassArg(values.passout));
  io.stdout(`imported CA ${ca.id.slice(0, 16)} into ${dir}\n`);
  return 0;
}

registerCommand('ca', 'create (init) or import a CA kept in a directory', async (args, io) => {
  const [sub, ...rest] = args;
  if (sub === 'init') return init(rest, io);
  if (sub === 'import') return importCommand(rest, io);
  if (sub === '--help' || sub === '-h') {
    io.stdout(USAGE);
    return 0;
  }
  io.stderr(USAGE);
  return 2;
}, USAGE);
