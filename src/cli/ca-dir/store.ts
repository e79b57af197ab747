// A CA kept as files: ca.crt (the CA, then its chain), ca.key (PKCS#8 PEM, encrypted unless made
// with --no-passout), index.json (inventory, CRL number, and the hash-chained log of every change,
// sealed with an HMAC keyed from the passphrase). Every change runs under the directory's lock:
// the state is re-read and checked against its log, changed, saved (temp file + fsync + rename),
// and only then are the output files renamed into place.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fromBase64, toBase64 } from '../../core/bytes.ts';
import { privateKeySignsForSpki } from '../../core/cert/spki.ts';
import { caFacts, caIdOf } from '../../core/ca/identity.ts';
import { certificatesFromPem } from '../../core/ca/input.ts';
import {
  appendStateEntry,
  checkCaState,
  deriveStateLogKey,
  describeStateProblem,
  headOf,
  newStateLogSeal,
  verifyStateLog,
  type CaState,
  type StateLogEntry,
  type StateLogFact,
  type StateLogSeal,
} from '../../core/ca/state-log.ts';
import type { CaSigner, IssuedCertificate } from '../../core/ca/types.ts';
import { describeError } from '../../core/errors.ts';
import { cliError } from '../cli-error.ts';
import { exportPrivateKeyPem } from '../../core/keys/export.ts';
import { importPrivateKey } from '../../core/keys/import.ts';
import { toPem } from '../../core/pem.ts';
import { commitAll, refuseLinkAt, stageAll, stageFile, type FileAccess, type StagedFile } from '../files.ts';
import { readPassin } from '../passin.ts';
import { lockWaitOption, withDirLock } from './lock.ts';

const INDEX_FILE = 'index.json';
const INDEX_TEMP = 'index.json.tmp';
const INDEX_VERSION = 2;

type StoredRow = Omit<IssuedCertificate, 'der'> & { der: string };

interface IndexFile {
  version: 2;
  caId: string;
  /** The last CRL number used; the next CRL gets one more. */
  crlNumber: number;
  issued: StoredRow[];
  /** How the log's HMAC key comes from the passphrase; null for a CA without one. */
  seal: StateLogSeal | null;
  log: StateLogEntry[];
}

/** Everything read from the directory, as found. */
interface CaFiles {
  dir: string;
  certificate: Uint8Array;
  chain: Uint8Array[];
  keyPem: string;
  keyEncrypted: boolean;
  index: IndexFile;
  state: CaState;
}

export interface OutputFile {
  path: string;
  data: string | Uint8Array;
  access?: FileAccess;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw cliError(`cannot read ${path}`, what);
  }
}

function rowFromStored(r: StoredRow): IssuedCertificate {
  let der: Uint8Array;
  try {
    der = fromBase64(String(r.der));
  } catch {
    der = new Uint8Array();
  }
  return { ...r, der };
}

function rowToStored(r: IssuedCertificate): StoredRow {
  return { ...r, der: toBase64(r.der) };
}

function readCaFiles(dir: string): CaFiles {
  const indexPath = join(dir, INDEX_FILE);
  if (!existsSync(indexPath)) throw cliError(`no CA here (index.json missing): run \`certbench ca init --dir ${dir}\` first`, dir);
  let index: IndexFile;
  try {
    index = JSON.parse(readText(indexPath, INDEX_FILE)) as IndexFile;
  } catch (e) {
    throw cliError(`index.json is not valid JSON (${describeError(e)}): it was edited or damaged`, dir);
  }
  if (typeof index !== 'object' || index === null || index.version !== INDEX_VERSION || !Array.isArray(index.log) || !Array.isArray(index.issued)) {
    throw cliError(
      `index.json is not in the form this certbench keeps (version ${INDEX_VERSION}, with its log of changes): it was made by an earlier certbench, or edited. ` +
        'Re-create the CA with `certbench ca import --dir NEW --cert ca.crt --key ca.key …`',
      dir,
    );
  }
  const certs = certificatesFromPem(readText(join(dir, 'ca.crt'), 'ca.crt'), 'ca.crt');
  const keyPem = readText(join(dir, 'ca.key'), 'ca.key');
  return {
    dir,
    certificate: certs[0]!,
    chain: certs.slice(1),
    keyPem,
    keyEncrypted: /-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(keyPem),
    index,
    state: { caId: String(index.caId), certificate: certs[0]!, chain: certs.slice(1), crlNumber: Number(index.crlNumber), issued: index.issued.map(rowFromStored) },
  };
}

/** What the passphrase opens; derived before taking the lock (PBKDF2 takes a moment, the lock should not). */
interface Unlocked {
  /** The CA key, or why it could not be opened. */
  key: CryptoKey | { error: string };
  logKey: CryptoKey | null;
  /** The seal the log key was derived for (a change of it under the lock is a change to the store). */
  seal: StateLogSeal | null;
}

async function unlock(dir: string, passin: string | undefined): Promise<Unlocked & { files: CaFiles }> {
  const files = readCaFiles(dir);
  if (files.keyEncrypted && passin === undefined) throw cliError('ca.key is encrypted: give its passphrase with --passin (pass:…, env:VAR or file:PATH)', dir);
  const pass = passin === undefined ? undefined : await readPassin(passin);
  const seal = files.index.seal ?? null;
  const [key, logKey] = await Promise.all([
    importPrivateKey(files.keyPem, pass !== undefined ? { passphrase: pass } : {}).then(
      (k) => k.keyPair.privateKey,
      (e: unknown) => ({ error: describeError(e) }),
    ),
    seal && pass !== undefined ? deriveStateLogKey(pass, seal).catch(() => null) : Promise.resolve(null),
  ]);
  return { files, key, logKey, seal };
}

/** Every way the directory differs from what certbench last recorded, in words. Throws for a wrong passphrase. */
async function problemsOf(files: CaFiles, unlocked: Unlocked): Promise<string[]> {
  const seal = files.index.seal ?? null;
  const problems: string[] = [];
  if (JSON.stringify(seal) !== JSON.stringify(unlocked.seal)) problems.push('the log\'s seal parameters in index.json changed while this run waited for the lock');
  if (files.keyEncrypted && !seal) problems.push('index.json no longer says how its log is sealed, though ca.key is encrypted (so the log was sealed with the passphrase)');
  if (!files.keyEncrypted && seal) problems.push('ca.key is not encrypted, but the log is sealed with a passphrase: ca.key was replaced or decrypted');
  if (seal && !unlocked.logKey) problems.push(files.keyEncrypted ? 'the log\'s seal parameters in index.json are not certbench\'s' : 'the log is sealed: give the passphrase with --passin to check its seals');
  const logKey = seal ? unlocked.logKey : null;
  // The first entry was sealed when the CA was made: if its seal opens, the passphrase is the right one.
  const passphraseRight = logKey !== null && (await verifyStateLog(files.index.log.slice(0, 1), logKey)).length === 0;
  if ('error' in unlocked.key) {
    if (files.keyEncrypted && !passphraseRight) throw cliError(`cannot open ca.key: ${unlocked.key.error}`, files.dir);
    problems.push(files.keyEncrypted ? `ca.key does not open with this passphrase, though the log's first seal does: ca.key was replaced (${unlocked.key.error})` : `ca.key cannot be read: ${unlocked.key.error}`);
  } else if (!(await privateKeySignsForSpki(unlocked.key, caFacts(files.certificate).subjectPublicKeyInfo))) {
    problems.push('ca.key does not belong to the certificate in ca.crt (its signatures do not verify with it)');
  }
  const stateProblems = await checkCaState(files.index.log, logKey, files.state);
  return [...problems, ...stateProblems.map(describeStateProblem)];
}

function saveIndex(dir: string, index: IndexFile): StagedFile {
  return stageFile(join(dir, INDEX_FILE), JSON.stringify(index, null, 2) + '\n', 'public', INDEX_TEMP);
}

/** A CA directory opened for a change: its verified state, its signer, and a way to record what changes. */
interface CaSession {
  readonly dir: string;
  readonly signer: CaSigner;
  readonly issued: IssuedCertificate[];
  readonly crlNumber: number;
  /** Records one change in the log and in the state (a revoked row replaces the row with its serial). */
  record(fact: Exclude<StateLogFact, { op: 'init' }>): Promise<void>;
}

interface ChangeOptions {
  passin?: string;
  command: string;
  waitMs?: number;
  notice?: (message: string) => void;
}

/**
 * One change to the CA in `dir`: under its lock, the state is read and checked against its log
 * (any difference refuses the change, naming it), `change` runs, the state is saved, then the
 * output files it returns are put in place. If the state cannot be saved, no output is written.
 */
export async function changeCaDir<T>(dir: string, options: ChangeOptions, change: (ca: CaSession) => Promise<{ outputs: OutputFile[]; value: T }>): Promise<T> {
  const unlocked = await unlock(dir, options.passin);
  return withDirLock(dir, options, async () => {
    const files = readCaFiles(dir);
    const problems = await problemsOf(files, unlocked);
    if (problems.length) {
      throw cliError(`this CA directory was changed outside certbench, so nothing was written:\n  - ${problems.join('\n  - ')}\n\`certbench ca check --dir ${dir}\` shows the whole check`, dir);
    }
    const key = unlocked.key as CryptoKey;
    const log = [...files.index.log];
    const issued = [...files.state.issued];
    let crlNumber = files.state.crlNumber;
    const session: CaSession = {
      dir,
      signer: { id: files.state.caId, certificate: files.certificate, chain: files.chain, key },
      issued,
      get crlNumber() {
        return crlNumber;
      },
      async record(fact) {
        log.push(await appendStateEntry(log, fact, unlocked.logKey));
        if (fact.op === 'issue') issued.push(fact.entry);
        else if (fact.op === 'revoke') issued[issued.findIndex((r) => r.serialHex === fact.entry.serialHex)] = fact.entry;
        else crlNumber = fact.number;
      },
    };
    const { outputs, value } = await change(session);
    const staged = stageAll(outputs);
    try {
      saveIndex(dir, { ...files.index, crlNumber, issued: issued.map(rowToStored), log }).commit();
    } catch (e) {
      for (const s of staged) s.discard();
      throw cliError(`the CA's state could not be saved, so nothing was written: ${describeError(e)}`, dir);
    }
    commitAll(staged);
    return value;
  });
}

/** Creates a CA directory: ca.key (0600), ca.crt, then index.json with the log's first entry; nothing is left if any step fails. */
export async function createCaDir(dir: string, ca: { certificate: Uint8Array; chain: Uint8Array[]; key: CryptoKey }, passout: string | null, options: Omit<ChangeOptions, 'passin'>): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const seal = passout !== null ? newStateLogSeal() : null;
  const [keyPem, logKey] = await Promise.all([
    exportPrivateKeyPem(ca.key, passout !== null ? { format: 'encrypted-pkcs8', passphrase: passout } : { format: 'pkcs8' }),
    seal && passout !== null ? deriveStateLogKey(passout, seal) : Promise.resolve(null),
  ]);
  const caId = await caIdOf(ca.certificate);
  const log = [await appendStateEntry([], { op: 'init', certificate: ca.certificate, chain: ca.chain }, logKey)];
  const index: IndexFile = { version: INDEX_VERSION, caId, crlNumber: 0, issued: [], seal, log };
  await withDirLock(dir, options, async () => {
    for (const f of ['ca.key', 'ca.crt', INDEX_FILE]) {
      refuseLinkAt(join(dir, f));
      if (existsSync(join(dir, f))) throw cliError(`already holds ${f}: choose an empty directory`, dir);
    }
    const staged = stageAll([
      { path: join(dir, 'ca.key'), data: keyPem, access: 'private' },
      { path: join(dir, 'ca.crt'), data: [ca.certificate, ...ca.chain].map((c) => toPem('CERTIFICATE', c)).join('') },
    ]);
    try {
      staged.push(saveIndex(dir, index));
    } catch (e) {
      for (const s of staged) s.discard();
      throw e;
    }
    const done: string[] = [];
    try {
      for (const s of staged) {
        s.commit();
        done.push(s.path);
      }
    } catch (e) {
      for (const s of staged) s.discard();
      for (const p of done) rmSync(p, { force: true });
      throw e;
    }
  });
  return caId;
}

interface CaDirReport {
  caId: string;
  /** Empty when the directory is as certbench last left it. */
  problems: string[];
  sealed: boolean;
  entries: number;
  head: string;
  certificates: number;
  revoked: number;
  crlNumber: number;
}

/** `certbench ca check`: the whole directory against its log (read-only, no lock needed: index.json is replaced whole). */
export async function checkCaDir(dir: string, passin: string | undefined): Promise<CaDirReport> {
  const unlocked = await unlock(dir, passin);
  const { files } = unlocked;
  const problems = await problemsOf(files, unlocked);
  return {
    caId: files.state.caId,
    problems,
    sealed: files.index.seal !== null && files.index.seal !== undefined,
    entries: files.index.log.length,
    head: await headOf(files.index.log.filter((e) => typeof e === 'object' && e !== null)),
    certificates: files.state.issued.length,
    revoked: files.state.issued.filter((r) => r.status === 'revoked').length,
    crlNumber: files.state.crlNumber,
  };
}

/** The ChangeOptions of a command from its `--passin` and `--wait` (a stale lock's removal is told on stderr). */
export function changeOptionsFrom(command: string, values: { passin?: string | undefined; wait?: string | undefined }, io: { stderr(s: string): void }): ChangeOptions {
  const waitMs = lockWaitOption(values.wait);
  return {
    command,
    ...(values.passin !== undefined ? { passin: values.passin } : {}),
    ...(waitMs !== undefined ? { waitMs } : {}),
    notice: (m) => io.stderr(`warning: ${m}\n`),
  };
}
