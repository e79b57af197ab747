// `certbench p12`: a certificate, its key and its chain in one PKCS#12 file for Java, Windows and browsers.
import { parseArgs } from 'node:util';
import { cliError } from './cli-error.ts';
import { detectInput } from '../core/input/detect.ts';
import { importPrivateKey, type ImportedKey } from '../core/keys/import.ts';
import { privateKeyMatchesSpki } from '../core/keys/spki.ts';
import { writePkcs12 } from '../core/pkcs12/write.ts';
import { parseDer } from '../core/der/node.ts';
import { child, isContext } from '../core/der/read.ts';
import { openObject } from './dump.ts';
import { writeFileAtomic } from './files.ts';
import { objectsIn, readFileBytes } from './k8s.ts';
import { readPassin } from './passin.ts';
import { registerCommand } from './registry.ts';

const USAGE = `usage: certbench p12 --cert FILE --key FILE [--chain FILE]... --passout SPEC --out FILE.p12 [--name ALIAS] [--legacy] [--passin SPEC]

Writes the certificate (the first in --cert; any further ones there join the chain), its private key
and the CA certificates of each --chain into a PKCS#12 file, as \`openssl pkcs12 -export\` does:
AES-256-CBC with PBKDF2-HMAC-SHA256 and a SHA-256 MAC (OpenSSL 3's default, 2048 iterations).

  --passout  the file's passphrase, in openssl's forms pass:SECRET, env:VAR or file:PATH
  --name     the friendly name (the alias keytool and Windows show) on the key and the certificate
  --legacy   3DES and a SHA-1 MAC, for Java before 8u301 and Windows before Server 2019
  --passin   passphrase of an encrypted --key (PKCS#8 of any scheme, or openssl's traditional Proc-Type PEM)
  --out      written with mode 0600, atomically (no half-written file on failure)

Check it with: openssl pkcs12 -in FILE.p12 -info -nodes   or   keytool -list -v -storetype PKCS12 -keystore FILE.p12
`;

const KEY_KINDS = new Set(['private-key', 'rsa-private-key', 'ec-private-key', 'encrypted-private-key', 'legacy-encrypted-key']);

/** The first private key in the file (any form dump reads, encrypted ones opened with --passin) as PKCS#8. */
async function readKey(path: string, passin: string | undefined): Promise<ImportedKey> {
  const found = detectInput(readFileBytes(path, '--key'), path);
  const obj = found.objects.find((o) => KEY_KINDS.has(o.kind));
  if (!obj) throw cliError(`no private key in ${path} (${found.problems.map((p) => p.message).join('; ') || `found ${found.objects.map((o) => o.kind).join(', ') || 'nothing'}`})`, '--key');
  if (passin === undefined && (obj.kind === 'encrypted-private-key' || obj.kind === 'legacy-encrypted-key')) {
    throw cliError(`the key in ${path} is encrypted: give its passphrase with --passin`, '--key');
  }
  const opened = await openObject(obj, passin);
  return importPrivateKey(opened.der);
}

function subjectPublicKeyInfo(certificate: Uint8Array): Uint8Array {
  const tbs = child(parseDer(certificate, 'certificate'), 0, 'tbsCertificate');
  return child(tbs, (isContext(tbs.children[0], 0) ? 1 : 0) + 5, 'subjectPublicKeyInfo').der;
}

registerCommand(
  'p12',
  'write a PKCS#12 (.p12/.pfx) from a certificate, its key and chain',
  async (args, io) => {
    const { values } = parseArgs({
      args,
      options: {
        cert: { type: 'string' },
        key: { type: 'string' },
        chain: { type: 'string', multiple: true },
        passout: { type: 'string' },
        passin: { type: 'string' },
        out: { type: 'string' },
        name: { type: 'string' },
        legacy: { type: 'boolean' },
      },
    });
    if (!values.cert || !values.key || !values.passout || !values.out) {
      io.stderr(`certbench p12: --cert, --key, --passout and --out are required\n${USAGE}`);
      return 2;
    }
    const [certificate, ...more] = objectsIn(values.cert, '--cert', 'certificate');
    const chain = [...more, ...(values.chain ?? []).flatMap((f) => objectsIn(f, '--chain', 'certificate'))];
    const passin = values.passin === undefined ? undefined : await readPassin(values.passin, '--passin');
    const key = await readKey(values.key, passin);
    // openssl -export refuses this too ("No certificate matches private key"): Java would list no key entry.
    if (!(await privateKeyMatchesSpki(key.keyPair.privateKey, subjectPublicKeyInfo(certificate!)))) {
      throw cliError(`the key in ${values.key} does not belong to the certificate in ${values.cert} (their public keys differ)`);
    }
    const passphrase = await readPassin(values.passout, '--passout');
    const bytes = await writePkcs12({ certificate: certificate!, key: key.pkcs8, chain, friendlyName: values.name, passphrase, legacy: values.legacy });
    writeFileAtomic(values.out, bytes, 'private');
    io.stderr(
      `wrote ${values.out}: the certificate${values.name !== undefined ? ` and key as "${values.name}"` : ' and key'}, ${chain.length} chain certificate${chain.length === 1 ? '' : 's'}, ` +
        `${values.legacy ? '3DES with a SHA-1 MAC (legacy)' : 'AES-256-CBC, PBKDF2-SHA256, SHA-256 MAC'}\n`,
    );
    return 0;
  },
  USAGE,
);
