/**
 * `openssl req -new …` command lines ⇄ CsrRequest: read the line a person already uses, and show
 * the line that does what the form did.
 */
import { CertbenchError, msg } from '../errors.ts';
import { opensslSanList, shellLine } from '../equivalent-command.ts';
import { keyAlgorithmOf, type KeyType } from '../keys/key-types.ts';
import { keyUsageFor } from './extensions.ts';
import { EXTENDED_KEY_USAGES, type CsrRequest, type Usage } from './request.ts';
import { parseSan, sanOpensslConf } from './san.ts';
import { formatSubjectSlash, parseSubjectSlash } from './subject.ts';

const WHERE = msg('where.opensslCommand');

/** Splits a shell line into words: single and double quotes, backslash escapes, line continuations. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else cur += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && /["\\$`]/.test(line[i + 1] ?? '')) cur += line[++i];
      else cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\') {
      if (line[i + 1] === '\n') i++;
      else {
        cur += line[++i] ?? '';
        inWord = true;
      }
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (quote) throw new CertbenchError('csr.unclosedQuote', { quote }, WHERE);
  if (inWord) words.push(cur);
  return words;
}

function keyTypeFromNewkey(spec: string, curve?: string): KeyType {
  const [alg, arg] = spec.split(':');
  const a = alg!.toLowerCase();
  if (a === 'rsa') {
    const bits = Number(arg ?? 2048);
    if (bits === 2048 || bits === 3072 || bits === 4096) return `rsa${bits}`;
    throw new CertbenchError('csr.rsaBits', { bits: arg }, WHERE);
  }
  if (a === 'ec') {
    const c = (curve ?? '').toLowerCase();
    if (['p-256', 'prime256v1', 'secp256r1'].includes(c)) return 'ec-p256';
    if (['p-384', 'secp384r1'].includes(c)) return 'ec-p384';
    if (['p-521', 'secp521r1'].includes(c)) return 'ec-p521';
    throw curve ? new CertbenchError('csr.curveNotOffered', { curve }, WHERE) : new CertbenchError('csr.ecNeedsCurve', undefined, WHERE);
  }
  if (a === 'ed25519') return 'ed25519';
  throw new CertbenchError('csr.newkeyNotOffered', { spec }, WHERE);
}

function usageFromEku(value: string): Usage | undefined {
  const parts = value.split(',').map((s) => s.trim()).filter((s) => s !== 'critical');
  const server = parts.includes('serverAuth');
  const client = parts.includes('clientAuth');
  return server && client ? 'peer' : client ? 'client' : server ? 'server' : undefined;
}

/**
 * Reads `openssl req -new … -subj "/CN=…" -addext "subjectAltName=…"` (with `-newkey rsa:N`,
 * `-newkey ec -pkeyopt ec_paramgen_curve:P-256`, `-newkey ed25519`; extendedKeyUsage sets the usage).
 * Options that do not shape the request (-keyout, -out, -nodes, -noenc, -sha256…) are ignored.
 */
export function requestFromOpensslCommand(line: string): CsrRequest {
  const words = shellWords(line.trim());
  if (words[0] === 'openssl') words.shift();
  if (words[0] !== 'req') throw new CertbenchError('csr.notOpensslReq', { word: words[0] ?? '' }, WHERE);
  let subject = '';
  const sans: string[] = [];
  let newkey: string | undefined;
  let curve: string | undefined;
  let usage: Usage | undefined;
  const needs = (i: number): string => {
    const v = words[i + 1];
    if (v === undefined) throw new CertbenchError('csr.optionNeedsValue', { option: words[i] }, WHERE);
    return v;
  };
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    switch (w) {
      case '-subj':
        subject = needs(i++);
        break;
      case '-newkey':
        newkey = needs(i++);
        break;
      case '-pkeyopt': {
        const [k, v] = needs(i++).split(/:(.*)/s);
        if (k === 'ec_paramgen_curve') curve = v;
        else if (k === 'rsa_keygen_bits' && newkey?.toLowerCase() === 'rsa') newkey = `rsa:${v}`;
        break;
      }
      case '-addext': {
        const ext = needs(i++);
        const eq = ext.indexOf('=');
        const name = ext.slice(0, eq).trim();
        const value = ext.slice(eq + 1).trim();
        // openssl's config reader turns `\#`, `\$`, `\"`… into the character itself before the list is split.
        if (name === 'subjectAltName') sans.push(...value.split(',').map((s) => s.trim().replace(/\\(.)/g, '$1')).filter((s) => s && s !== 'critical'));
        else if (name === 'extendedKeyUsage') usage = usageFromEku(value) ?? usage;
        break;
      }
      case '-key':
      case '-keyout':
      case '-out':
      case '-config':
      case '-passout':
      case '-passin':
      case '-keyform':
      case '-outform':
        i++;
        break;
      default:
        break; // -new, -nodes, -noenc, -sha256, -batch, -utf8 …
    }
  }
  return {
    subject: parseSubjectSlash(subject),
    sans: sans.map((s) => {
      parseSan(s); // report a bad entry here, where the line is known
      return s;
    }),
    usage: usage ?? 'server',
    keyType: newkey ? keyTypeFromNewkey(newkey, curve) : 'ec-p256',
  };
}

function newkeyArgs(type: KeyType): string[] {
  const alg = keyAlgorithmOf(type);
  if (alg.family === 'rsa') return ['-newkey', `rsa:${alg.bits}`];
  if (alg.family === 'ec') return ['-newkey', 'ec', '-pkeyopt', `ec_paramgen_curve:${alg.curve}`];
  return ['-newkey', 'ed25519'];
}

/**
 * The words of the `openssl req` command that makes the same key and CSR; with `existingKey`, openssl
 * reads the key from `files.key` (`-key`) instead of making one (`-newkey … -keyout`).
 */
export function opensslCommandWords(request: CsrRequest, files = { key: 'server.key', csr: 'server.csr' }, existingKey = false): string[] {
  const alg = keyAlgorithmOf(request.keyType);
  const ku = keyUsageFor(alg, request.keyEnciphermentAlways);
  const kuNames = ['digitalSignature', ...(ku.keyEncipherment ? ['keyEncipherment'] : [])];
  const sign = alg.family === 'ed25519' ? [] : [`-${alg.family === 'ec' ? { 'P-256': 'sha256', 'P-384': 'sha384', 'P-521': 'sha512' }[alg.curve] : 'sha256'}`];
  const key = existingKey ? ['-key', files.key] : [...newkeyArgs(request.keyType), '-noenc', '-keyout', files.key];
  const words = ['openssl', 'req', '-new', ...key, '-out', files.csr, ...sign];
  const subject = formatSubjectSlash(request.subject);
  words.push('-subj', subject === '' ? '/' : subject);
  // Without -utf8, openssl reads -subj as Latin-1 and double-encodes anything beyond ASCII.
  if (/[^\x00-\x7f]/.test(subject)) words.push('-utf8');
  words.push('-addext', 'basicConstraints=critical,CA:FALSE');
  words.push('-addext', `keyUsage=critical,${kuNames.join(',')}`);
  words.push('-addext', `extendedKeyUsage=${EXTENDED_KEY_USAGES[request.usage].map((u) => u.name).join(',')}`);
  if (request.sans.length) {
    const critical = request.subject.length === 0 ? 'critical,' : '';
    // A comma list: a value with a comma (or anything an openssl config line cannot hold) is refused, never split.
    words.push('-addext', `subjectAltName=${critical}${opensslSanList(request.sans.map((s) => sanOpensslConf(parseSan(s))))}`);
  }
  return words;
}

/** The command as one shell line, quoted for sh. */
export function requestToOpensslCommand(request: CsrRequest, files?: { key: string; csr: string }, existingKey = false): string {
  return shellLine(opensslCommandWords(request, files, existingKey));
}
