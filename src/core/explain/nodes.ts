/**
 * Explanations for the lines of a printout and the nodes of its ASN.1 tree, read from the
 * printers' line records (src/core/text/lines.ts): a line says which field it shows and which
 * element's bytes, so a line finds its node, and a node finds the lines that show it.
 */
import type { Asn1Node } from '../asn1/tree.ts';
import type { TextLine } from '../text/lines.ts';
import { findNode, pathTo } from '../asn1/walk.ts';
import { isKnownField } from './references.ts';
import { algorithmParts } from './parts.ts';

export interface LineExplanation {
  /** The field the line belongs to (a key of the catalog). */
  id: string;
  /** The pieces the line lists (each key usage bit, each name attribute, each SAN type), in order, without repeats. */
  parts: string[];
}

/** For each line, the offset (id) of the ASN.1 node it shows, or null. */
export type LineAnchors = Array<number | null>;

/** What a printed line shows; null for a blank line. */
export function explainLine(line: TextLine | undefined): LineExplanation | null {
  if (!line || !line.text.trim()) return null;
  return { id: line.field ?? 'generic.line', parts: line.parts ?? [] };
}

/**
 * The node each line shows: the element its byte range names, or the whole object for lines that
 * name none (a key's fields, printed from the key alone). Null for blank lines.
 */
export function lineAnchors(lines: readonly TextLine[], root: Asn1Node): LineAnchors {
  return lines.map((l) => {
    if (!l.text.trim()) return null;
    if (!l.bytes) return root.offset;
    return findNode(root, l.bytes[0])?.offset ?? root.offset;
  });
}

export interface NodeContext {
  /** The printout's records (the same array for every call, so the node → line index is built once). */
  lines: readonly TextLine[];
  root: Asn1Node;
}

const OID_PREFIXES = ['ext.', 'name.attr.', 'eku.', 'ad.', 'policy.', 'csr.attr.'];
const CURVES = new Set(['1.2.840.10045.3.1.7', '1.3.132.0.34', '1.3.132.0.35', '1.3.132.0.10', '1.2.840.10045.3.1.1', '1.3.132.0.33']);

function oidExplanation(node: Asn1Node): LineExplanation | undefined {
  const oid = node.oid!;
  for (const prefix of OID_PREFIXES) if (isKnownField(prefix + oid)) return { id: prefix + oid, parts: [] };
  if (CURVES.has(oid)) return { id: 'key.ec.curve', parts: [] };
  const alg = algorithmParts(node.oidLongName ?? node.oidShortName ?? '');
  if (alg.length) return { id: alg[0]!, parts: alg.slice(1) };
  return undefined;
}

/** The first line showing each element, by the element's offset. */
const firstLines = new WeakMap<readonly TextLine[], Map<number, TextLine>>();

function lineByOffset(lines: readonly TextLine[]): Map<number, TextLine> {
  let map = firstLines.get(lines);
  if (!map) {
    map = new Map();
    for (const l of lines) if (l.bytes && l.text.trim() && !map.has(l.bytes[0])) map.set(l.bytes[0], l);
    firstLines.set(lines, map);
  }
  return map;
}

/**
 * The explanation of one node: an OBJECT IDENTIFIER names itself (an extension, a name attribute,
 * a purpose, an algorithm); any other node is explained by the first line that shows it or its
 * nearest shown ancestor, so the tree and the text agree. Null when nothing says anything.
 */
export function explainNode(node: Asn1Node, ctx: NodeContext): LineExplanation | null {
  if (node.oid) {
    const byOid = oidExplanation(node);
    if (byOid) return byOid;
  }
  const path = pathTo(ctx.root, node.offset);
  const parent = path[path.length - 2];
  // Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue }
  if (node.name === 'BOOLEAN' && parent?.children[0]?.oid && isKnownField(`ext.${parent.children[0].oid}`)) return { id: 'ext.critical', parts: [] };
  const shown = lineByOffset(ctx.lines);
  for (let i = path.length - 1; i >= 0; i--) {
    const line = shown.get(path[i]!.offset);
    if (line) return explainLine(line);
  }
  // Lines that name no element (a key printed alone) show the whole object.
  const first = ctx.lines.find((l) => l.text.trim());
  return first && !first.bytes ? explainLine(first) : null;
}
