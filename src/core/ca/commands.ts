/**
 * Creating a CA with openssl and cfssl, filled with the values of certbench's "Create a CA" form:
 * a root (`openssl req -x509`, `cfssl gencert -initca`) or an intermediate (`openssl req -new` then
 * `openssl x509 -req -CA … -extfile`, `cfssl genkey` then `cfssl sign`).
 */
import type { NameConstraintsSpec } from '../cert/extensions.ts';
import { formatIpAddress, parseCidr } from '../cert/ip.ts';
import { formatSubjOption, parseDistinguishedName, type NameAttribute } from '../cert/name.ts';
import { CertbenchError, msg, type CoreMessage } from '../errors.ts';
import { opensslListValue, shellLine, type EquivalentStep } from '../equivalent-command.ts';
import { opensslDigestWords, opensslNewkeyWords } from '../keys/commands.ts';
import { keyAlgorithmOf, type KeyAlgorithm, type KeyType } from '../keys/key-types.ts';
import { keyAlgorithmOfSpki, parseSpki } from '../cert/spki.ts';
import { cfsslConfigFor } from './cfssl-config.ts';
import { caFacts } from './identity.ts';
import { DEFAULT_CA_KEY_TYPE, DEFAULT_CA_SUBJECT, type CaOptions } from './create.ts';
import { CA_KEY_USAGE, DEFAULT_CA_DAYS } from './profiles.ts';

interface CaCommandFiles {
  /** File base of the new CA: `<base>.key`, `<base>.crt` (openssl); `<base>.pem`, `<base>-key.pem` (cfssl). Default `ca`. */
  base?: string;
}

interface IssuerForCommands {
  /** File base of the signing CA, as for CaCommandFiles. */
  base: string;
  /** The signing CA's key: it decides the digest. */
  keyAlgorithm: KeyAlgorithm;
}

const CFSSL_NAME_FIELDS: Record<string, string> = { '2.5.4.6': 'C', '2.5.4.8': 'ST', '2.5.4.7': 'L', '2.5.4.10': 'O', '2.5.4.11': 'OU' };
const OID_CN = '2.5.4.3';

function subjectOf(options: CaOptions): NameAttribute[] {
  const s = options.subject ?? DEFAULT_CA_SUBJECT;
  const attrs = typeof s === 'string' ? parseDistinguishedName(s) : s;
  if (!attrs.length) throw new CertbenchError('ca.subjectNeededShort', undefined, msg('where.subject'));
  return attrs;
}

function subjWords(attrs: NameAttribute[]): string[] {
  const subj = formatSubjOption(attrs);
  // Without -utf8, openssl reads -subj as Latin-1 and double-encodes anything beyond ASCII.
  return ['-subj', subj, ...(/[^\x00-\x7f]/.test(subj) ? ['-utf8'] : [])];
}

function basicConstraints(pathLen: number | undefined): string {
  return `critical,CA:TRUE${pathLen !== undefined ? `,pathlen:${pathLen}` : ''}`;
}

/**
 * `critical,permitted;DNS:x,excluded;IP:10.0.0.0/255.0.0.0,…` as openssl's config syntax writes name
 * constraints; a DNS or email value that would split the list (a comma) or that the config cannot hold is refused.
 */
export function opensslNameConstraints(spec: NameConstraintsSpec): string | undefined {
  const parts: string[] = [];
  for (const side of ['permitted', 'excluded'] as const) {
    const s = spec[side];
    if (!s) continue;
    for (const d of s.dns ?? []) parts.push(`${side};DNS:${opensslListValue(d, 'DNS name constraint')}`);
    for (const ip of s.ip ?? []) {
      const bytes = parseCidr(ip);
      const half = bytes.length / 2;
      parts.push(`${side};IP:${formatIpAddress(bytes.subarray(0, half))}/${formatIpAddress(bytes.subarray(half))}`);
    }
    for (const e of s.email ?? []) parts.push(`${side};email:${opensslListValue(e, 'email name constraint')}`);
  }
  return parts.length ? `critical,${parts.join(',')}` : undefined;
}

/** The v3 extensions certbench gives a CA, as `name=value` lines of openssl's config syntax. */
function caExtensionLines(options: CaOptions): string[] {
  const nc = options.nameConstraints && opensslNameConstraints(options.nameConstraints);
  return [
    `basicConstraints=${basicConstraints(options.pathLen)}`,
    `keyUsage=critical,${CA_KEY_USAGE.join(',')}`,
    'subjectKeyIdentifier=hash',
    'authorityKeyIdentifier=keyid:always',
    ...(nc ? [`nameConstraints=${nc}`] : []),
  ];
}

function cfsslKey(type: KeyType): Record<string, unknown> {
  const alg = keyAlgorithmOf(type);
  return alg.family === 'rsa' ? { algo: 'rsa', size: alg.bits } : alg.family === 'ec' ? { algo: 'ecdsa', size: Number(alg.curve.slice(2)) } : { algo: 'ed25519' };
}

/** cfssl CSR JSON for the CA, or why cfssl cannot express this subject. */
function cfsslCsrJson(attrs: NameAttribute[], type: KeyType, caBlock?: Record<string, unknown>): { json?: string; problem?: CoreMessage } {
  let cn: string | undefined;
  const names: Record<string, string>[] = [];
  let cur: Record<string, string> = {};
  for (const a of attrs) {
    if (a.type === OID_CN) {
      if (cn !== undefined) return { problem: msg('step.cfsslProblem.oneCn') };
      cn = a.value;
      continue;
    }
    const field = CFSSL_NAME_FIELDS[a.type];
    if (!field) return { problem: msg('step.cfsslProblem.field', { type: a.type }) };
    if (cur[field] !== undefined) {
      names.push(cur);
      cur = {};
    }
    cur[field] = a.value;
  }
  if (Object.keys(cur).length) names.push(cur);
  const out: Record<string, unknown> = {};
  if (cn !== undefined) out.CN = cn;
  out.key = cfsslKey(type);
  if (names.length) out.names = names;
  if (caBlock) out.ca = caBlock;
  return { json: JSON.stringify(out, null, 2) + '\n' };
}

function cfsslNotes(options: CaOptions): CoreMessage[] {
  const notes: CoreMessage[] = [msg('step.note.cfsslSubjectOrder')];
  if (options.nameConstraints) notes.push(msg('step.note.cfsslNoNameConstraints'));
  return notes;
}

/** openssl and cfssl steps that create a root CA like `createRootCa(options)`. */
export function rootCaCommands(options: CaOptions = {}, files: CaCommandFiles = {}): EquivalentStep[] {
  const base = files.base ?? 'ca';
  const type = options.keyType ?? DEFAULT_CA_KEY_TYPE;
  const days = options.days ?? DEFAULT_CA_DAYS;
  const attrs = subjectOf(options);
  const openssl = shellLine([
    'openssl', 'req', '-x509', '-new', ...opensslNewkeyWords(type), '-noenc', '-keyout', `${base}.key`, '-out', `${base}.crt`,
    ...opensslDigestWords(keyAlgorithmOf(type)), '-days', String(days), ...subjWords(attrs),
    ...caExtensionLines(options).flatMap((l) => ['-addext', l]),
  ]);
  const steps: EquivalentStep[] = [
    { tool: 'openssl', title: msg('step.rootCa.openssl'), text: openssl, notes: [msg('step.note.noenc')] },
  ];
  const caBlock: Record<string, unknown> = { expiry: `${days * 24}h` };
  if (options.pathLen !== undefined) {
    caBlock.pathlen = options.pathLen;
    caBlock.pathlenzero = options.pathLen === 0;
  }
  const csr = cfsslCsrJson(attrs, type, caBlock);
  if (csr.json) {
    steps.push(
      { tool: 'cfssl', title: msg('step.rootCa.cfsslRequest'), fileName: `${base}-csr.json`, text: csr.json },
      {
        tool: 'cfssl',
        title: msg('step.rootCa.cfssl'),
        text: `cfssl gencert -initca ${shellLine([`${base}-csr.json`])} | cfssljson -bare ${shellLine([base])}`,
        notes: [...cfsslNotes(options), msg('step.note.cfsslInitcaUsages')],
      },
    );
  } else steps.push({ tool: 'cfssl', title: msg('step.cfssl'), text: '', notes: [msg('step.note.noCfssl', { reason: csr.problem! })] });
  return steps;
}

/** openssl and cfssl steps that create an intermediate like `createIntermediateCa(issuer, …, options)`. */
export function intermediateCaCommands(issuer: IssuerForCommands, options: CaOptions = {}, files: CaCommandFiles = {}): EquivalentStep[] {
  const base = files.base ?? 'intermediate-ca';
  const type = options.keyType ?? DEFAULT_CA_KEY_TYPE;
  const days = options.days ?? DEFAULT_CA_DAYS;
  const attrs = subjectOf(options);
  const ext = `${base}.ext`;
  const steps: EquivalentStep[] = [
    {
      tool: 'openssl',
      title: msg('step.intermediate.request'),
      text: shellLine(['openssl', 'req', '-new', ...opensslNewkeyWords(type), '-noenc', '-keyout', `${base}.key`, '-out', `${base}.csr`, ...subjWords(attrs)]),
    },
    { tool: 'openssl', title: msg('step.intermediate.extensions'), fileName: ext, text: caExtensionLines(options).map((l) => l.replace('=', ' = ')).join('\n') + '\n' },
    {
      tool: 'openssl',
      title: msg('step.intermediate.sign', { issuer: issuer.base }),
      text: shellLine([
        'openssl', 'x509', '-req', '-in', `${base}.csr`, '-CA', `${issuer.base}.crt`, '-CAkey', `${issuer.base}.key`, '-CAcreateserial',
        '-days', String(days), ...opensslDigestWords(issuer.keyAlgorithm), '-extfile', ext, '-out', `${base}.crt`,
      ]),
      notes: [msg('step.note.intermediateDays')],
    },
  ];
  const csr = cfsslCsrJson(attrs, type);
  if (csr.json) {
    steps.push(
      { tool: 'cfssl', title: msg('step.intermediate.cfsslRequest'), fileName: `${base}-csr.json`, text: csr.json },
      {
        tool: 'cfssl',
        title: msg('step.intermediate.cfsslProfile'),
        fileName: 'ca-config.json',
        text: cfsslConfigFor('intermediate', CA_KEY_USAGE, [], days * 24, options.pathLen !== undefined ? { pathLen: options.pathLen } : {}),
      },
      {
        tool: 'cfssl',
        title: msg('step.intermediate.cfssl'),
        text: [
          `cfssl genkey ${shellLine([`${base}-csr.json`])} | cfssljson -bare ${shellLine([base])}`,
          `cfssl sign -ca ${shellLine([`${issuer.base}.pem`])} -ca-key ${shellLine([`${issuer.base}-key.pem`])} -config ca-config.json -profile intermediate ${shellLine([`${base}.csr`])} | cfssljson -bare ${shellLine([base])}`,
        ].join('\n'),
        notes: cfsslNotes(options),
      },
    );
  } else steps.push({ tool: 'cfssl', title: msg('step.cfssl'), text: '', notes: [msg('step.note.noCfssl', { reason: csr.problem! })] });
  return steps;
}

/** The signing side of a stored CA for the commands: its file base and its key's algorithm (read from its certificate). */
export function issuerForCommands(certificate: Uint8Array, base: string): IssuerForCommands {
  const keyAlgorithm = keyAlgorithmOfSpki(parseSpki(caFacts(certificate).subjectPublicKeyInfo));
  if (!keyAlgorithm) throw new CertbenchError('ca.keyTypeUnsupported', undefined, msg('where.equivalentCommands'));
  return { base, keyAlgorithm };
}
