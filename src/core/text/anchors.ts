/**
 * Which ASN.1 node each line of an OpenSSL text dump describes, so selecting a line in the dump
 * selects its node in the ASN.1 view. A heuristic by section: OpenSSL prints the fields of a
 * certificate, request or CRL in encoding order, each heading at a fixed indent with its value
 * lines indented deeper, so a line belongs to the last heading at a smaller indent.
 */
import type { ObjectKind } from '../types.ts';
import type { Asn1Node } from '../asn1/tree.ts';

/** For each line of `text` (split on "\n"), the offset (id) of its ASN.1 node, or null. */
export type LineAnchors = Array<number | null>;

const OID_EXTENSION_REQUEST = '1.2.840.113549.1.9.14';

function at(node: Asn1Node | undefined, ...path: number[]): Asn1Node | undefined {
  let n = node;
  for (const i of path) n = n?.children[i];
  return n;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Lines that open a section: [indent, line pattern, node]; value lines below inherit the node. */
type Rule = [indent: number, pattern: RegExp, node: () => Asn1Node | undefined, under?: () => Asn1Node | undefined, list?: ExtensionList];

/** A heading ("X509v3 extensions:") below which each line at `indent` opens the next element of `container`. */
interface ExtensionList {
  indent: number;
  container: () => Asn1Node | undefined;
}

/**
 * Assigns each line the node of the nearest heading above it whose indent is smaller (or the
 * heading itself). Headings with a null node hide their parent's anchor rather than inherit it.
 */
function assign(lines: string[], rules: Rule[]): LineAnchors {
  const out: LineAnchors = [];
  const stack: Array<{ indent: number; node: Asn1Node | undefined }> = [];
  let extIndex = -1;
  let extensionsOpen = false;
  let extensionsIndent = -1;
  let list: ExtensionList | undefined;
  for (const line of lines) {
    const indent = indentOf(line);
    const body = line.trimStart();
    if (!body) {
      out.push(null);
      continue;
    }
    // A line shallower than its section that opens nothing continues the line above: raw
    // extension values can contain newlines.
    const opensSomething = rules.some(([i, p]) => i === indent && p.test(body)) || (extensionsOpen && indent === list!.indent);
    if (!opensSomething && stack.length && indent < stack[stack.length - 1]!.indent) {
      out.push(out[out.length - 1] ?? null);
      continue;
    }
    while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
    if (extensionsOpen && indent <= extensionsIndent) extensionsOpen = false;
    let node: Asn1Node | undefined;
    let matched = false;
    if (extensionsOpen) {
      // Inside the extensions every line is a heading (one per extension, in order) or its value.
      if (indent === list!.indent) {
        extIndex++;
        node = list!.container()?.children[extIndex];
        matched = true;
      }
    } else {
      const parentNode = stack[stack.length - 1]?.node;
      for (const [ruleIndent, pattern, pick, under, opens] of rules) {
        if (ruleIndent === indent && pattern.test(body) && (!under || under() === parentNode)) {
          node = pick();
          matched = true;
          if (opens) {
            list = opens;
            extensionsOpen = true;
            extensionsIndent = indent;
            extIndex = -1;
          }
          break;
        }
      }
    }
    if (matched) {
      stack.push({ indent, node });
      out.push(node?.offset ?? null);
    } else {
      const parent = stack[stack.length - 1];
      out.push(parent?.node?.offset ?? null);
    }
  }
  return out;
}

function certificateAnchors(lines: string[], root: Asn1Node): LineAnchors {
  const tbs = at(root, 0);
  const v = at(tbs, 0)?.tagClass === 'context' && at(tbs, 0)?.tagNumber === 0 ? 1 : 0;
  const field = (i: number) => at(tbs, i + v);
  const tagged = (n: number) => tbs?.children.find((c) => c.tagClass === 'context' && c.tagNumber === n);
  const extensions = () => at(tagged(3), 0);
  const rules: Rule[] = [
    [0, /^Certificate:/, () => root],
    [4, /^Data:/, () => tbs],
    [8, /^Version:/, () => (v ? at(tbs, 0) : tbs)],
    [8, /^Serial Number:/, () => field(0)],
    [8, /^Signature Algorithm:/, () => field(1)],
    [8, /^Issuer:/, () => field(2)],
    [8, /^Validity/, () => field(3)],
    [12, /^Not Before:/, () => at(field(3), 0)],
    [12, /^Not After :/, () => at(field(3), 1)],
    [8, /^Subject:/, () => field(4)],
    [8, /^Subject Public Key Info:/, () => field(5)],
    [12, /^Public Key Algorithm:/, () => at(field(5), 0), () => field(5)],
    [16, /^(ASN1 OID|NIST CURVE|Field Type|Polynomial|Prime|A|B|Generator|Order|Cofactor|Seed):/, () => at(field(5), 0, 1), () => at(field(5), 0)],
    [16, /./, () => at(field(5), 1), () => at(field(5), 0)],
    [8, /^Issuer Unique ID:/, () => tagged(1)],
    [8, /^Subject Unique ID:/, () => tagged(2)],
    [8, /^X509v3 extensions:/, () => tagged(3), undefined, { indent: 12, container: extensions }],
    [4, /^Signature Algorithm:/, () => at(root, 1)],
    [4, /^Signature Value:/, () => at(root, 2)],
  ];
  return assign(lines, rules);
}

function csrAnchors(lines: string[], root: Asn1Node): LineAnchors {
  const info = at(root, 0);
  const attributes = info?.children.find((c) => c.tagClass === 'context' && c.tagNumber === 0);
  const request = attributes?.children.find((a) => at(a, 0)?.oid === OID_EXTENSION_REQUEST);
  const extensions = () => at(request, 1, 0);
  const rules: Rule[] = [
    [0, /^Certificate Request:/, () => root],
    [4, /^Data:/, () => info],
    [8, /^Version:/, () => at(info, 0)],
    [8, /^Subject:/, () => at(info, 1)],
    [8, /^Subject Public Key Info:/, () => at(info, 2)],
    [12, /^Public Key Algorithm:/, () => at(info, 2, 0), () => at(info, 2)],
    [16, /^(ASN1 OID|NIST CURVE):/, () => at(info, 2, 0, 1), () => at(info, 2, 0)],
    [16, /./, () => at(info, 2, 1), () => at(info, 2, 0)],
    [8, /^Attributes:/, () => attributes],
    [12, /^Requested Extensions:/, () => request, undefined, { indent: 16, container: extensions }],
    [4, /^Signature Algorithm:/, () => at(root, 1)],
    [4, /^Signature Value:/, () => at(root, 2)],
  ];
  return assign(lines, rules);
}

function crlAnchors(lines: string[], root: Asn1Node): LineAnchors {
  const tbs = at(root, 0);
  const v = at(tbs, 0)?.name === 'INTEGER' ? 1 : 0;
  const field = (i: number) => at(tbs, i + v);
  const hasNext = field(3)?.name === 'UTCTime' || field(3)?.name === 'GeneralizedTime';
  const revoked = tbs?.children.find((c, i) => i >= 3 + v && c.name === 'SEQUENCE');
  const crlExtensions = () => at(tbs?.children.find((c) => c.tagClass === 'context' && c.tagNumber === 0), 0);
  let entry = -1;
  const rules: Rule[] = [
    [0, /^Certificate Revocation List/, () => root],
    [8, /^Version/, () => (v ? at(tbs, 0) : tbs)],
    [8, /^Signature Algorithm:/, () => field(0)],
    [8, /^Issuer:/, () => field(1)],
    [8, /^Last Update:/, () => field(2)],
    [8, /^Next Update:/, () => (hasNext ? field(3) : undefined)],
    [8, /^CRL extensions:/, () => tbs?.children.find((c) => c.tagClass === 'context' && c.tagNumber === 0), undefined, { indent: 12, container: crlExtensions }],
    [0, /^(Revoked Certificates:|No Revoked Certificates\.)/, () => revoked],
    [4, /^Serial Number:/, () => at(revoked, ++entry)],
    [8, /^Revocation Date:/, () => at(revoked, entry, 1)],
    [8, /^CRL entry extensions:/, () => at(revoked, entry, 2), undefined, { indent: 12, container: () => at(revoked, entry, 2) }],
    [4, /^Signature Algorithm:/, () => at(root, 1)],
    [4, /^Signature Value:/, () => at(root, 2)],
  ];
  return assign(lines, rules);
}

/**
 * Line anchors for the text dump of an object. Kinds without sections (keys, PKCS#7) anchor every
 * line to the root, which is still a useful "this is the whole thing" selection.
 */
export function anchorLines(kind: ObjectKind, text: string, root: Asn1Node): LineAnchors {
  const lines = text.split('\n');
  try {
    switch (kind) {
      case 'certificate':
        return certificateAnchors(lines, root);
      case 'csr':
        return csrAnchors(lines, root);
      case 'crl':
        return crlAnchors(lines, root);
      default:
        return lines.map((l) => (l.trim() ? root.offset : null));
    }
  } catch {
    return lines.map(() => null); // anchors are a convenience: never fail the view for them
  }
}
