import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import type { FoundObject, InputProblem } from '../core/types.ts';
import { CertbenchError, describeError } from '../core/errors.ts';
import { cliError } from './cli-error.ts';
import { detectInput } from '../core/input/detect.ts';
import { DumpOutput } from './dump-bytes.ts';
import { PrintPool } from './dump-pool.ts';
import { TextStream } from './dump-texts.ts';
import { overviewRows, overviewTableText } from './dump-table.ts';
import { overviewCsv, OVERVIEW_COLUMNS, type OverviewColumn } from '../core/overview/index.ts';
import { decryptFoundKey } from '../core/input/decrypt.ts';
import { summarize, type Summary } from '../core/summary.ts';
import { decryptLegacyPem } from './legacy-pem.ts';
import { decryptPkcs8WithNode } from './node-pkcs8.ts';
import { readPassin } from './passin.ts';
import { registerCommand, type CliIo } from './registry.ts';
import { parseDer } from '../core/der/node.ts';
import { isPkcs12, readPkcs12 } from '../core/pkcs12/read.ts';
import { infoText, printPkcs12 } from '../core/pkcs12/print.ts';

const USAGE = `usage: certbench dump [--summary | --table | --csv [--sort COLUMN]] [--passin pass:SECRET|env:VAR|file:PATH] [FILE|-]...

Prints what OpenSSL 3.0 prints for every certificate, request, CRL, key, parameter file or PKCS#7
bundle found in each input (PEM with any number of blocks, DER, base64, hex, or a Kubernetes Secret, ConfigMap,
CertificateSigningRequest or kubeconfig as YAML/JSON). No FILE, or -, reads standard input.

One object in all prints exactly OpenSSL's text (x509/req/crl/pkey -noout -text,
pkeyparam -noout -text for DSA/DH/X9.42 DH/EC PARAMETERS, pkcs7 -print_certs -text -noout),
bytes OpenSSL writes as they are (not UTF-8) included. A PKCS#12 file (.p12/.pfx) prints as
\`openssl pkcs12 -info -nodes\` does: its bags on stdout, the MAC and encryption lines on stderr. Several objects each get a line "==> ORIGIN <==" before their
text and a blank line between them, as head(1) does for several files.

  --summary   a short summary (subject, issuer, SANs, validity, key, fingerprints, SPKI pin)
              before each text
  --table     instead of the texts, one row per object: kind, subject CN, issuer CN, notAfter
              and the days left, key, SHA-256 fingerprint, copies (the same object given more
              than once) and origin (file, block and the line it begins on, Secret key); then the totals. A PKCS#12
              file's certificates and keys get rows when --passin opens it (else one row)
  --csv       the same rows as CSV (RFC 4180), for a spreadsheet
  --sort      sort the rows by ${OVERVIEW_COLUMNS.join(', ')} (input order by default)
  --passin    passphrase for encrypted private keys and PKCS#12 files, in openssl's -passin forms

Inputs over 1 MB are printed by worker threads too, one for each further core (none while the
load average already fills the cores), the output in input order as ever; CERTBENCH_DUMP_WORKERS=N
in the environment sets how many (0: all in one thread).

Exit status 1 when some input or object could not be read (the others are still printed).
`;

interface Options {
  summary: boolean;
  /** The overview instead of the texts: a table for a terminal, or CSV. */
  overview?: 'table' | 'csv';
  sort?: OverviewColumn;
  passin?: string;
  files: string[];
}

function parseArgs(args: string[]): Options {
  const o: Options = { summary: false, files: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--summary') o.summary = true;
    else if (a === '--table' || a === '--csv') o.overview = a === '--table' ? 'table' : 'csv';
    else if (a === '--sort' || a.startsWith('--sort=')) {
      const column = a === '--sort' ? args[++i] : a.slice('--sort='.length);
      if (!OVERVIEW_COLUMNS.includes(column as OverviewColumn)) throw cliError(`--sort takes one of ${OVERVIEW_COLUMNS.join(', ')}`);
      o.sort = column as OverviewColumn;
    }    else if (a === '--passin') {
      if (i + 1 >= args.length) throw cliError('--passin needs a value (pass:SECRET, env:VAR or file:PATH)');
      o.passin = args[++i];
    } else if (a.startsWith('--passin=')) o.passin = a.slice('--passin='.length);
    else if (a === '-' || !a.startsWith('-')) o.files.push(a);
    else if (a === '--') o.files.push(...args.slice(i + 1)), (i = args.length);
    else throw cliError(`unknown option ${a}`);
  }
  if (o.sort && !o.overview) throw cliError('--sort sorts the rows of --table or --csv');
  if (o.summary && o.overview) throw cliError('--summary prints texts; --table and --csv print rows instead');
  if (!o.files.length) o.files.push('-');
  return o;
}

/** A problem is only a warning when the object it speaks of was still found (label mismatch, v1beta1 note, trailing bytes). */
function isWarning(origin: string, objects: FoundObject[]): boolean {
  return objects.some((obj) => obj.origin === origin || obj.origin.startsWith(`${origin} `));
}

/** An encrypted key opened (PBES2 in the core; PBES1, PKCS#12 PBE and Proc-Type PEM by Node's OpenSSL); any other object as it is. */
export async function openObject(obj: FoundObject, passphrase: string | undefined): Promise<FoundObject> {
  if (obj.kind !== 'encrypted-private-key' && obj.kind !== 'legacy-encrypted-key') return obj;
  if (passphrase === undefined) throw cliError('this private key is encrypted: give its passphrase with --passin', obj.origin);
  if (obj.kind === 'legacy-encrypted-key') return decryptLegacyPem(obj, passphrase);
  try {
    return await decryptFoundKey(obj, passphrase);
  } catch (e) {
    // The core speaks WebCrypto (PBES2 only); on Node, OpenSSL opens the older schemes too.
    if (e instanceof CertbenchError && /unsupported encryption scheme/.test(e.message)) return decryptPkcs8WithNode(obj, passphrase);
    throw e;
  }
}

/** The DER of a PKCS#12 file given as DER or as PEM/base64 of one, else undefined. */
function pkcs12Of(bytes: Uint8Array): Uint8Array | undefined {
  if (bytes[0] !== 0x30) return undefined;
  try {
    return isPkcs12(parseDer(bytes, 'input')) ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/** A file's bytes as a plain Uint8Array over the same memory (new Uint8Array(buffer) would copy 15 MB of a big bundle). */
function viewOf(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

/**
 * A PKCS#12 file's rows for --table/--csv: a row for each certificate, key and CRL it holds (opened
 * with --passin), each named "FILE › bag N (…)"; without the passphrase, or with a wrong one, one row
 * for the file itself, and stderr says why it shows no more.
 */
async function pkcs12Rows(p12: Uint8Array, where: string, passphrase: string | undefined, io: CliIo, fail: (msg: string) => void): Promise<Found[]> {
  const whole: Found[] = [{ obj: { kind: 'pkcs12', der: p12, origin: where } }];
  if (passphrase === undefined) {
    io.stderr(`certbench dump: note: ${where}: a PKCS#12 file: give its passphrase with --passin to list the certificates and keys it holds\n`);
    return whole;
  }
  let contents;
  try {
    contents = await readPkcs12(p12, passphrase);
  } catch (e) {
    fail(`${where}: ${describeError(e)}`);
    return whole;
  }
  const rows: Found[] = [];
  contents.bags.forEach((bag, i) => {
    if (!bag.der || (bag.kind !== 'certificate' && bag.kind !== 'private-key' && bag.kind !== 'crl')) return;
    rows.push({ obj: { kind: bag.kind, der: bag.der, origin: `${where} › bag ${i + 1} (${bag.info.split(':')[0]})` } });
  });
  return rows.length ? rows : whole;
}

/** An object found for --table/--csv, and its summary, read from the tree detection decoded (undefined if that failed). */
interface Found {
  obj: FoundObject;
  summary?: Promise<Summary | undefined>;
}

/** Input this big is printed by worker threads (below it, starting them costs more than they save). */
const WORKERS_FROM_BYTES = 1 << 20;

/** Every object in one input, for --table/--csv: each summarized from the tree detection decoded, not decoded again. */
function findRows(bytes: Uint8Array, source: string | undefined, rowsAt: Date): { found: Found[]; problems: InputProblem[] } {
  const summaries = new Map<FoundObject, Promise<Summary | undefined>>();
  const r = detectInput(bytes, source, (obj, tree) => summaries.set(obj, summarize(obj, rowsAt, tree).catch(() => undefined)));
  return { found: r.objects.map((obj) => ({ obj, summary: summaries.get(obj) })), problems: r.problems };
}

async function runDump(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  let opts: Options;
  try {
    opts = parseArgs(args);
  } catch (e) {
    io.stderr(`certbench dump: ${describeError(e)}\n${USAGE}`);
    return 2;
  }
  const passphrase = opts.passin === undefined ? undefined : await readPassin(opts.passin);
  let status = 0;
  // The text keeps bytes OpenSSL writes raw (invalid UTF-8 in an IA5String) as lone surrogates:
  // written as those bytes, never as U+FFFD (raw-bytes.ts).
  const out = io.stdoutBytes
    ? new DumpOutput((b) => io.stdoutBytes!(b), io.stdoutDrained)
    : new DumpOutput((b) => io.stdout(Buffer.from(b.buffer, b.byteOffset, b.length).toString('utf8')), () => true);
  const fail = (msg: string) => {
    out.flush();
    io.stderr(`certbench dump: ${msg}\n`);
    status = 1;
  };

  const inputs: { file: string; bytes?: Uint8Array; error?: unknown }[] = [];
  for (const file of opts.files) {
    try {
      inputs.push({ file, bytes: file === '-' ? await io.stdin() : viewOf(await readFile(file)) });
    } catch (error) {
      inputs.push({ file, error });
    }
  }
  const size = inputs.reduce((n, i) => n + (i.bytes?.length ?? 0), 0);
  const workers = opts.overview ? 0 : workerCount(size);
  const now = new Date();
  const pool = workers ? new PrintPool(workers) : undefined;

  const found: Found[] = [];
  const texts = opts.overview ? undefined : new TextStream(out, { summary: opts.summary, open: (obj) => openObject(obj, passphrase), fail }, pool);
  for (const input of inputs) {
    const { file, bytes, error } = input;
    input.bytes = undefined; // not kept past its turn
    if (!bytes) {
      const code = (error as NodeJS.ErrnoException).code;
      fail(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : describeError(error)}`);
      continue;
    }
    const p12 = pkcs12Of(bytes);
    if (p12) {
      const where = file === '-' ? 'stdin' : file;
      if (opts.overview) {
        found.push(...(await pkcs12Rows(p12, where, passphrase, io, fail)));
        continue;
      }
      if (passphrase === undefined) {
        fail(`${where}: a PKCS#12 file: give its passphrase with --passin (pass: for an empty one)`);
        continue;
      }
      try {
        const contents = await readPkcs12(p12, passphrase);
        out.flush();
        io.stderr(infoText(contents));
        out.bytes(printPkcs12(contents));
        out.flush();
      } catch (e) {
        fail(`${where}: ${describeError(e)}`);
      }
      continue;
    }
    const source = file === '-' ? undefined : file;
    // Texts are written while the input is read; what could not be read is said after them.
    let objects: FoundObject[];
    let problems: InputProblem[];
    if (texts) {
      ({ objects, problems } = await texts.input(bytes, source));
      out.flush();
    } else {
      const rows = findRows(bytes, source, now);
      found.push(...rows.found);
      objects = rows.found.map((f) => f.obj);
      problems = rows.problems;
    }
    for (const p of problems) {
      const line = `${p.origin}: ${p.message}`;
      if (p.skipped) io.stderr(`certbench dump: note: ${line}\n`);
      else if (isWarning(p.origin, objects)) io.stderr(`certbench dump: warning: ${line}\n`);
      else fail(line);
    }
  }

  if (opts.overview) {
    // Rows are read from the summaries of the objects as found (an encrypted key opened when it can be).
    const objects = await Promise.all(
      found.map(async (f) => {
        const obj = await openObject(f.obj, passphrase).catch(() => f.obj);
        return { obj, summary: obj === f.obj ? await f.summary : undefined };
      }),
    );
    const rows = await overviewRows(objects, now, opts.sort);
    out.text(opts.overview === 'table' ? overviewTableText(rows) : overviewCsv(rows));
    out.flush();
    return status;
  }

  await texts!.finish();
  out.flush();
  pool?.close();
  return status;
}

/**
 * Worker threads for an input of `size` bytes: CERTBENCH_DUMP_WORKERS when set (tests choose the
 * path with it); else, for a big input, one for each core beside this thread's (which prints too),
 * and none while the machine's load already fills its cores, as make -l holds back jobs: measured
 * on 2 cores at a load of 12-16, a worker made the dump slower (1.5-1.8x the wall time of one
 * thread, +0.7-1.4 s CPU for its start-up and decoding each DER again).
 */
function workerCount(size: number): number {
  const given = process.env.CERTBENCH_DUMP_WORKERS;
  if (given !== undefined && /^\d+$/.test(given)) return Number(given);
  const cores = availableParallelism();
  return size >= WORKERS_FROM_BYTES && loadavg()[0]! < cores ? cores - 1 : 0;
}

registerCommand('dump', 'print OpenSSL-style text for every object in files or stdin', runDump);
