/**
 * Which field an ASN.1 node is. An OBJECT IDENTIFIER names itself (an extension, a name attribute,
 * a purpose, an algorithm); any other node is explained by the text line anchored to it or to its
 * nearest anchored ancestor (src/core/text/anchors.ts), so the tree and the text dump agree.
 */
import type { ObjectKind } from '../types.ts';
import type { Asn1Node } from '../asn1/tree.ts';
import type { LineAnchors } from '../text/anchors.ts';
import { pathTo } from '../asn1/walk.ts';
import { isKnownField } from './references.ts';
import { explainLine, type LineExplanation } from './lines.ts';
import { algorithmParts } from './parts.ts';

export interface NodeContext {
  kind: ObjectKind;
  /** The text dump split on "\n" (the same array for every call, so the line pass is cached). */
  lines: readonly string[];
  anchors: LineAnchors | undefined;
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

/** The explanation of one node, or null when neither its OID nor any anchored line says anything. */
export function explainNode(node: Asn1Node, ctx: NodeContext): LineExplanation | null {
  if (node.oid) {
    const byOid = oidExplanation(node);
    if (byOid) return byOid;
  }
  const path = pathTo(ctx.root, node.offset);
  const parent = path[path.length - 2];
  // Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue }
  if (node.name === 'BOOLEAN' && parent?.children[0]?.oid && isKnownField(`ext.${parent.children[0].oid}`)) return { id: 'ext.critical', parts: [] };
  if (!ctx.anchors) return null;
  for (let i = path.length - 1; i >= 0; i--) {
    const line = ctx.anchors.indexOf(path[i]!.offset);
    if (line >= 0) {
      const e = explainLine(ctx.kind, ctx.lines, line);
      if (e) return e;
    }
  }
  return null;
}
