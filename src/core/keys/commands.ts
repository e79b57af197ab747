/**
 * openssl command lines that make a key like certbench's: `genpkey` for a bare key, and the
 * `-newkey` / digest words other commands (req, x509, ca) share.
 */
import { type KeyAlgorithm, type KeyType, keyAlgorithmOf, signatureHashOf } from './key-types.ts';
import { DEFAULT_PBKDF2_ITERATIONS } from './pkcs8-encryption.ts';
import { msg } from '../errors.ts';
import { shellLine, type EquivalentStep } from '../equivalent-command.ts';

/** `-newkey …` words for `openssl req`. */
export function opensslNewkeyWords(type: KeyType): string[] {
  const alg = keyAlgorithmOf(type);
  if (alg.family === 'rsa') return ['-newkey', `rsa:${alg.bits}`];
  if (alg.family === 'ec') return ['-newkey', 'ec', '-pkeyopt', `ec_paramgen_curve:${alg.curve}`];
  return ['-newkey', 'ed25519'];
}

/** The digest name certbench signs with for this signing key (`sha256`…), or undefined for Ed25519, which takes none. */
export function opensslDigestName(alg: KeyAlgorithm): string | undefined {
  const hash = signatureHashOf(alg);
  return hash ? hash.replace('-', '').toLowerCase() : undefined;
}

/** `-sha256` (or none for Ed25519). */
export function opensslDigestWords(alg: KeyAlgorithm): string[] {
  const name = opensslDigestName(alg);
  return name ? [`-${name}`] : [];
}

function genpkeyWords(type: KeyType): string[] {
  const alg = keyAlgorithmOf(type);
  if (alg.family === 'rsa') return ['openssl', 'genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${alg.bits}`];
  if (alg.family === 'ec') return ['openssl', 'genpkey', '-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${alg.curve}`];
  return ['openssl', 'genpkey', '-algorithm', 'ED25519'];
}

interface KeyCommandOptions {
  /** Default `server.key`. */
  keyFile?: string;
  /**
   * Encrypt the key as certbench's encrypted PKCS#8 export does. The passphrase itself is never
   * written into the command: it is read from this environment variable (default CERTBENCH_PASSPHRASE).
   */
  encrypted?: boolean;
  passphraseEnv?: string;
  /** PBKDF2 iterations of the certbench export; default 600,000. */
  iterations?: number;
}

/**
 * The openssl steps that make a key of this type (and, when `encrypted`, wrap it the way certbench
 * does: PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC, the same iteration count).
 */
export function keyCommands(type: KeyType, options: KeyCommandOptions = {}): EquivalentStep[] {
  const file = options.keyFile ?? 'server.key';
  const gen = genpkeyWords(type);
  if (!options.encrypted) return [{ tool: 'openssl', title: msg('step.key.generate'), text: shellLine([...gen, '-out', file]) }];
  const env = options.passphraseEnv ?? 'CERTBENCH_PASSPHRASE';
  const iterations = options.iterations ?? DEFAULT_PBKDF2_ITERATIONS;
  return [
    {
      tool: 'openssl',
      title: msg('step.key.encrypted'),
      text: `${shellLine(gen)} | ${shellLine(['openssl', 'pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-v2prf', 'hmacWithSHA256', '-iter', String(iterations), '-passout', `env:${env}`, '-out', file])}`,
      notes: [msg('step.note.keyPassphrase', { env, iterations: iterations.toLocaleString('en-US') })],
    },
  ];
}
