/**
 * An ASN.1 tree with byte offsets, for the ASN.1 viewer: the DerNode tree of the one decoder
 * (src/core/der), with names, OIDs and previews added. Like Lapo Luchini's decoder, a primitive
 * OCTET STRING or BIT STRING whose content is itself one complete element (an extension value, a
 * public key) shows that content as children.
 */
import { CertbenchError } from '../errors.ts';
import { parseDer, type DerInput, type DerNode } from '../der/node.ts';
import { oidFromContent } from '../der/read.ts';
import { tagName, type TagClass } from './tags.ts';
import { previewOf } from './preview.ts';
import { oidShortName, oidLongName } from '../oids.ts';

export interface Asn1Node {
  /** Offset of the identifier octet in the input; unique in a tree, so it doubles as the node's id. */
  offset: number;
  /** Identifier and length octets. */
  headerLength: number;
  /** Content octets (for an indefinite length this includes the closing end-of-contents octets). */
  length: number;
  indefinite: boolean;
  tagClass: TagClass;
  tagNumber: number;
  constructed: boolean;
  /** "SEQUENCE", "INTEGER", "[0]", … */
  name: string;
  /** Dotted OID of an OBJECT IDENTIFIER node, with OpenSSL's names for it when known. */
  oid?: string;
  oidShortName?: string;
  oidLongName?: string;
  /** A short, single-line look at the value ("2048 bit", "example.com", "260101000000Z"). */
  preview?: string;
  /** Children decoded from the content of a primitive OCTET/BIT STRING rather than from a constructed encoding. */
  encapsulated: boolean;
  children: Asn1Node[];
}

export interface Asn1Tree {
  root: Asn1Node;
  /** Bytes after the first complete object (a file with junk at its end, two objects in one DER). */
  trailingBytes: number;
}

const TAG_CLASSES: readonly TagClass[] = ['universal', 'application', 'context', 'private'];

/**
 * The tree of an object's DER, or of the node already decoded from it (the decode pipeline passes
 * that, so nothing is decoded twice); throws CertbenchError naming the problem and its offset.
 */
export function buildAsn1Tree(input: DerInput): Asn1Tree {
  if (input instanceof Uint8Array && input.length === 0) throw new CertbenchError('asn1.noBytes', undefined, 'ASN.1');
  let root: DerNode;
  try {
    root = input instanceof Uint8Array ? parseDer(input) : input;
  } catch (e) {
    throw new CertbenchError('asn1.notBer', { reason: e instanceof Error ? e.message : String(e) }, 'ASN.1');
  }
  const tree = walk(root, false);
  return { root: tree, trailingBytes: input instanceof Uint8Array ? input.length - root.der.length : 0 };
}

function walk(d: DerNode, encapsulated: boolean): Asn1Node {
  const tagClass = TAG_CLASSES[d.cls]!;
  const node: Asn1Node = {
    offset: d.offset,
    headerLength: d.header,
    length: d.der.length - d.header,
    indefinite: d.indefinite,
    tagClass,
    tagNumber: d.tag,
    constructed: d.constructed,
    name: tagName(tagClass, d.tag),
    encapsulated,
    children: [],
  };
  if (tagClass === 'universal' && d.tag === 6 && !d.constructed) {
    const oid = oidFromContent(d.content);
    if (oid) {
      node.oid = oid;
      node.oidShortName = oidShortName(oid);
      node.oidLongName = oidLongName(oid);
    }
  }
  node.preview = previewOf(d, node);
  if (d.constructed) {
    node.children = d.children.map((c) => walk(c, false));
    return node;
  }
  const inner = embedded(d);
  if (inner) {
    node.encapsulated = true;
    node.children = [walk(inner, true)];
  }
  return node;
}

/** The one element filling a primitive OCTET STRING's content (a BIT STRING's after a zero unused-bits octet). */
function embedded(d: DerNode): DerNode | undefined {
  if (d.cls !== 0 || (d.tag !== 3 && d.tag !== 4)) return undefined;
  const skip = d.tag === 3 ? 1 : 0;
  if (d.content.length < skip + 2 || (skip && d.content[0] !== 0)) return undefined;
  try {
    return parseDer(d.content.subarray(skip), { base: d.offset + d.header + skip, trailing: 'refuse' });
  } catch {
    return undefined;
  }
}

export { findNode, pathTo } from './walk.ts';
