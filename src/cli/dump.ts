import { readFile } from 'node:fs/promises';
import type { FoundObject } from '../core/types.ts';
import { CertbenchError, describeError } from '../core/errors.ts';
import { cliError } from './cli-error.ts';
import { decodeInput, printObject, type PrintedObject } from '../core/pipeline/decode.ts';
import { decryptFoundKey } from '../core/input/decrypt.ts';
import { textBytes } from '../core/text/raw-bytes.ts';
import { summarize, type Summary } from '../core/summary.ts';
import { decryptLegacyPem } from './legacy-pem.ts';
import { decryptPkcs8WithNode } from './node-pkcs8.ts';
import { readPassin } from './passin.ts';
import { registerCommand, type CliIo } from './registry.ts';
import { parseDer } from '../core/der/node.ts';
import { isPkcs12, readPkcs12 } from '../core/pkcs12/read.ts';
import { infoText, printPkcs12 } from '../core/pkcs12/print.ts';

const USAGE = `usage: certbench dump [--summary] [--passin pass:SECRET|env:VAR|file:PATH] [FILE|-]...

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
  --passin    passphrase for encrypted private keys and PKCS#12 files, in openssl's -passin forms

Exit status 1 when some input or object could not be read (the others are still printed).
`;

const OUTPUT_CHUNK = 1 << 20;

interface Options {
  summary: boolean;
  passin?: string;
  files: string[];
}

function parseArgs(args: string[]): Options {
  const o: Options = { summary: false, files: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--summary') o.summary = true;
    else if (a === '--passin') {
      if (i + 1 >= args.length) throw cliError('--passin needs a value (pass:SECRET, env:VAR or file:PATH)');
      o.passin = args[++i];
    } else if (a.startsWith('--passin=')) o.passin = a.slice('--passin='.length);
    else if (a === '-' || !a.startsWith('-')) o.files.push(a);
    else if (a === '--') o.files.push(...args.slice(i + 1)), (i = args.length);
    else throw cliError(`unknown option ${a}`);
  }
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

function formatSummary(s: Summary): string {
  const lines: string[] = [];
  const add = (label: string, value: string | undefined) => value !== undefined && value !== '' && lines.push(`${label}: ${value}`);
  add('Subject', s.subject);
  add('Issuer', s.issuer);
  add('SANs', s.sans?.join(', '));
  if (s.validity) add('Validity', `${s.validity.notBefore} to ${s.validity.notAfter} (${s.validity.text})`);
  add('Key', s.key?.description);
  if (s.fingerprints) {
    lines.push(`sha256 Fingerprint=${s.fingerprints.sha256}`);
    lines.push(`sha1 Fingerprint=${s.fingerprints.sha1}`);
  }
  add('SPKI SHA-256 pin', s.spkiSha256);
  for (const n of s.notes) add('Note', n);
  return lines.length ? `${lines.join('\n')}\n\n` : '';
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
  // Text goes out in large writes; what is pending is written before anything on stderr so the
  // two streams interleave as if each piece were written at once.
  let pending = '';
  const write = (s: string) => {
    pending += s;
    if (pending.length >= OUTPUT_CHUNK) flush();
  };
  const flush = () => {
    // The text keeps bytes OpenSSL writes raw (invalid UTF-8 in an IA5String) as lone surrogates:
    // written as those bytes, never as U+FFFD (raw-bytes.ts).
    if (pending && io.stdoutBytes) io.stdoutBytes(textBytes(pending));
    else if (pending) io.stdout(pending);
    pending = '';
  };
  const fail = (msg: string) => {
    flush();
    io.stderr(`certbench dump: ${msg}\n`);
    status = 1;
  };

  // The decode pipeline prints each object from the tree detection decoded (core/pipeline).
  const found: PrintedObject[] = [];
  for (const file of opts.files) {
    let bytes: Uint8Array;
    try {
      bytes = file === '-' ? await io.stdin() : new Uint8Array(await readFile(file));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      fail(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : describeError(e)}`);
      continue;
    }
    const p12 = pkcs12Of(bytes);
    if (p12) {
      const where = file === '-' ? 'stdin' : file;
      if (passphrase === undefined) {
        fail(`${where}: a PKCS#12 file: give its passphrase with --passin (pass: for an empty one)`);
        continue;
      }
      try {
        const contents = await readPkcs12(p12, passphrase);
        flush();
        io.stderr(infoText(contents));
        const out = printPkcs12(contents);
        if (io.stdoutBytes) io.stdoutBytes(out);
        else io.stdout(new TextDecoder().decode(out));
      } catch (e) {
        fail(`${where}: ${describeError(e)}`);
      }
      continue;
    }
    const r = decodeInput(bytes, file === '-' ? undefined : file, true); // text only: the dump needs no line records
    for (const p of r.problems) {
      const line = `${p.origin}: ${p.message}`;
      if (p.skipped) io.stderr(`certbench dump: note: ${line}\n`);
      else if (isWarning(p.origin, r.objects.map((o) => o.obj))) io.stderr(`certbench dump: warning: ${line}\n`);
      else fail(line);
    }
    found.push(...r.objects);
  }

  const several = found.length > 1;
  for (let i = 0; i < found.length; i++) {
    const { obj, text, textError } = found[i]!;
    let out = several ? `${i ? '\n' : ''}==> ${obj.origin} <==\n` : '';
    try {
      const plain = await openObject(obj, passphrase);
      if (opts.summary) out += formatSummary(await summarize(plain));
      const printed = plain === obj ? { text, textError } : printObject(plain, undefined, true);
      if (printed.text === undefined) throw printed.textError;
      out += printed.text;
    } catch (e) {
      write(out); // the header and summary still stand
      fail(e instanceof CertbenchError && e.where ? e.message : `${obj.origin}: ${describeError(e)}`);
      continue;
    }
    write(out);
  }
  flush();
  return status;
}

registerCommand('dump', 'print OpenSSL-style text for every object in files or stdin', runDump);
