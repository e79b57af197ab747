/**
 * Which field each line of an OpenSSL text dump shows. OpenSSL writes every section as a heading
 * with its value lines indented deeper, so one pass with a stack of open headings tells each line
 * its section: "Digital Signature, Key Encipherment" under "X509v3 Key Usage:" is the key usage
 * extension, and its parts are the two bits. The whole dump is resolved on the first question and
 * cached, so hovering a line of a 10,000-entry CRL stays a lookup.
 */
import type { ObjectKind } from '../types.ts';
import { isKnownField } from './references.ts';
import { oidOfName } from './oid-lookup.ts';
import { extensionValueLine, type ExtensionFrame } from './extension-lines.ts';
import { keyFamilyOfAlgorithm, keyFamilyOfDump, keyLine, type KeyFamily } from './key-lines.ts';
import { algorithmParts, nameParts } from './parts.ts';

export interface LineExplanation {
  /** The field the line belongs to (a key of the catalog). */
  id: string;
  /** The pieces the line lists (each key usage bit, each name attribute, each SAN type), in order, without repeats. */
  parts: string[];
}

interface Frame {
  indent: number;
  explanation: LineExplanation;
  /** Set on an extension heading: its OID and the indent of its value lines. */
  extension?: ExtensionFrame;
  /** Set on the headings below which each line at indent+4 is an extension heading. */
  extensionList?: boolean;
  /** Set on "Public Key Algorithm:" (and the dump of a key): what follows are key fields. */
  keyFamily?: KeyFamily;
}

const EXTENSION_HEADING = /^(.+): (critical)?$/;
const CONTAINERS = new Set(['cert.certificate', 'cert.data', 'crl.root', 'csr.root', 'csr.data', 'crl.revoked', 'spki', 'cert.validity', 'csr.attributes']);
const EXTENSION_LISTS = new Set(['cert.extensions', 'crl.extensions', 'crl.entry.extensions', 'csr.attr.1.2.840.113549.1.9.14']);

const cache = new WeakMap<readonly string[], Array<LineExplanation | null>>();

/** The explanation of line `index` of a dump split on "\n"; null for a blank line. */
export function explainLine(kind: ObjectKind, lines: readonly string[], index: number): LineExplanation | null {
  let all = cache.get(lines);
  if (!all) {
    all = explainLines(kind, lines);
    cache.set(lines, all);
  }
  return all[index] ?? null;
}

const explained = (id: string, parts: string[] = []): LineExplanation => ({ id, parts: [...new Set(parts)] });

/** Every line's explanation, in one pass. */
export function explainLines(kind: ObjectKind, lines: readonly string[]): Array<LineExplanation | null> {
  const out: Array<LineExplanation | null> = [];
  const stack: Frame[] = [];
  const isKey = kind.endsWith('private-key') || kind.endsWith('public-key');
  const dumpFamily = isKey ? keyFamilyOfDump(lines) : undefined;
  for (const line of lines) {
    const body = line.trimStart();
    if (!body) {
      out.push(null);
      continue;
    }
    const indent = line.length - body.length;
    const extension = [...stack].reverse().find((f) => f.extension)?.extension;
    // Raw extension bytes may contain newlines: a line shallower than the value that opens
    // nothing continues the line before it.
    if (extension && indent < extension.valueIndent && !opensSection(kind, indent, body, stack)) {
      out.push(out[out.length - 1] ?? explained('ext.unknown'));
      continue;
    }
    while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const frame = isKey ? keyFrame(indent, body, stack, dumpFamily!) : structuralFrame(kind, indent, body, stack);
    stack.push(frame);
    out.push(frame.explanation);
  }
  return out;
}

/** Whether a shallow line is a real heading (rather than the continuation of a raw value). */
function opensSection(kind: ObjectKind, indent: number, body: string, stack: Frame[]): boolean {
  const list = stack.find((f) => f.extensionList);
  if (list && indent === list.indent + 4 && EXTENSION_HEADING.test(body)) return true;
  if (indent > 8) return false;
  return structuralId(kind, indent, body) !== undefined;
}

function keyFrame(indent: number, body: string, stack: Frame[], family: KeyFamily): Frame {
  const parent = stack[stack.length - 1];
  const explanation = keyLine(body, family, parent?.explanation);
  return { indent, explanation, keyFamily: family };
}

function structuralFrame(kind: ObjectKind, indent: number, body: string, stack: Frame[]): Frame {
  const parent = stack[stack.length - 1];
  const extIndex = stack.findIndex((f) => f.extension);
  if (extIndex >= 0) {
    const ext = stack[extIndex]!.extension!;
    const within = stack.slice(extIndex + 1).map((f) => f.explanation);
    return { indent, explanation: extensionValueLine(ext, body, within) };
  }
  if (parent?.extensionList && indent === parent.indent + 4) {
    const m = EXTENSION_HEADING.exec(body);
    if (m) {
      const oid = oidOfName(m[1]!);
      const id = oid && isKnownField(`ext.${oid}`) ? `ext.${oid}` : 'ext.unknown';
      return { indent, explanation: explained(id, m[2] ? ['ext.critical'] : []), extension: { oid: oid ?? m[1]!, id, valueIndent: indent + 4 } };
    }
  }
  const keyParent = [...stack].reverse().find((f) => f.keyFamily);
  if (keyParent) {
    return { indent, explanation: keyLine(body, keyParent.keyFamily!, parent?.explanation), keyFamily: keyParent.keyFamily };
  }
  const id = structuralId(kind, indent, body);
  if (id) {
    const frame: Frame = { indent, explanation: explained(id, structuralParts(id, body)) };
    if (EXTENSION_LISTS.has(id)) frame.extensionList = true;
    if (id === 'spki.algorithm') frame.keyFamily = keyFamilyOfAlgorithm(body.slice(body.indexOf(':') + 1).trim());
    return frame;
  }
  if (parent?.explanation.id === 'csr.attributes') {
    // "challengePassword        :secret", "unstructuredName         :x", or a raw attribute.
    const m = /^([^\s:]+)\s*:/.exec(body);
    const oid = m ? oidOfName(m[1]!) : undefined;
    const id = oid && isKnownField(`csr.attr.${oid}`) ? `csr.attr.${oid}` : body === '(none)' ? 'csr.noAttributes' : 'csr.attr.other';
    return { indent, explanation: explained(id) };
  }
  // A value line under a field (the hex of a serial, a signature, PSS parameters) is that field.
  if (parent && !CONTAINERS.has(parent.explanation.id)) {
    const id = ['sig.algorithm', 'cert.tbsSignature', 'crl.tbsSignature'].includes(parent.explanation.id) ? 'sig.pssParams' : parent.explanation.id;
    return { indent, explanation: explained(id) };
  }
  return { indent, explanation: explained('generic.line') };
}

type Rule = [indent: number, pattern: RegExp, id: string];

const CERTIFICATE_RULES: Rule[] = [
  [0, /^Certificate:/, 'cert.certificate'],
  [4, /^Data:/, 'cert.data'],
  [8, /^Version:/, 'cert.version'],
  [8, /^Serial Number:/, 'cert.serial'],
  [8, /^Signature Algorithm:/, 'cert.tbsSignature'],
  [8, /^Issuer:/, 'cert.issuer'],
  [8, /^Validity/, 'cert.validity'],
  [12, /^Not Before:/, 'cert.notBefore'],
  [12, /^Not After :/, 'cert.notAfter'],
  [8, /^Subject:/, 'cert.subject'],
  [8, /^Subject Public Key Info:/, 'spki'],
  [12, /^Public Key Algorithm:/, 'spki.algorithm'],
  [8, /^Issuer Unique ID:/, 'cert.issuerUniqueId'],
  [8, /^Subject Unique ID:/, 'cert.subjectUniqueId'],
  [8, /^X509v3 extensions:/, 'cert.extensions'],
  [4, /^Signature Algorithm:/, 'sig.algorithm'],
  [4, /^Signature Value:/, 'sig.value'],
];

const CSR_RULES: Rule[] = [
  [0, /^Certificate Request:/, 'csr.root'],
  [4, /^Data:/, 'csr.data'],
  [8, /^Version:/, 'csr.version'],
  [8, /^Subject:/, 'csr.subject'],
  [8, /^Subject Public Key Info:/, 'spki'],
  [12, /^Public Key Algorithm:/, 'spki.algorithm'],
  [8, /^Attributes:/, 'csr.attributes'],
  [12, /^Requested Extensions:/, 'csr.attr.1.2.840.113549.1.9.14'],
  [4, /^Signature Algorithm:/, 'sig.algorithm'],
  [4, /^Signature Value:/, 'sig.value'],
];

const CRL_RULES: Rule[] = [
  [0, /^Certificate Revocation List/, 'crl.root'],
  [8, /^Version /, 'crl.version'],
  [8, /^Signature Algorithm:/, 'crl.tbsSignature'],
  [8, /^Issuer:/, 'crl.issuer'],
  [8, /^Last Update:/, 'crl.lastUpdate'],
  [8, /^Next Update:/, 'crl.nextUpdate'],
  [8, /^CRL extensions:/, 'crl.extensions'],
  [0, /^Revoked Certificates:/, 'crl.revoked'],
  [0, /^No Revoked Certificates\./, 'crl.noRevoked'],
  [4, /^Serial Number:/, 'crl.entry.serial'],
  [8, /^Revocation Date:/, 'crl.entry.date'],
  [8, /^CRL entry extensions:/, 'crl.entry.extensions'],
  [4, /^Signature Algorithm:/, 'sig.algorithm'],
  [4, /^Signature Value:/, 'sig.value'],
];

function rulesFor(kind: ObjectKind): Rule[] {
  if (kind === 'csr') return CSR_RULES;
  if (kind === 'crl') return CRL_RULES;
  return CERTIFICATE_RULES; // certificates, and PKCS#7 bundles printed as a run of certificates
}

function structuralId(kind: ObjectKind, indent: number, body: string): string | undefined {
  return rulesFor(kind).find(([i, p]) => i === indent && p.test(body))?.[2];
}

function structuralParts(id: string, body: string): string[] {
  const value = body.slice(body.indexOf(':') + 1).trim();
  switch (id) {
    case 'cert.issuer':
    case 'cert.subject':
    case 'csr.subject':
    case 'crl.issuer':
      return nameParts(value, id !== 'cert.issuer' && id !== 'crl.issuer');
    case 'cert.tbsSignature':
    case 'crl.tbsSignature':
    case 'sig.algorithm':
    case 'spki.algorithm':
      return algorithmParts(value);
    default:
      return [];
  }
}
