/**
 * An ASN.1 tree with byte offsets, for the ASN.1 viewer: the structure asn1js.fromBER decodes,
 * walked once to add where each node's header and content lie in the input. Like Lapo Luchini's
 * decoder, a primitive OCTET STRING or BIT STRING whose content is itself complete DER (an
 * extension value, a public key) shows that content as children (asn1js decodes it for us).
 */
import * as asn1js from 'asn1js';
import { CertbenchError } from '../errors.ts';
import { tagClassFromAsn1js, tagName, type TagClass } from './tags.ts';
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

/** Lets a large CRL (one node per field of every entry) through; asn1js's default is 10 000. */
const MAX_NODES = 500_000;

/** Decodes BER/DER into a tree with offsets; throws CertbenchError naming the problem when it cannot. */
export function buildAsn1Tree(der: Uint8Array): Asn1Tree {
  if (der.length === 0) throw new CertbenchError('there are no bytes to decode', 'ASN.1');
  let decoded: ReturnType<typeof asn1js.fromBER>;
  try {
    decoded = asn1js.fromBER(der, { maxNodes: MAX_NODES });
  } catch (e) {
    throw new CertbenchError(`cannot decode: ${e instanceof Error ? e.message : String(e)}`, 'ASN.1');
  }
  if (decoded.offset === -1) {
    throw new CertbenchError(`not valid BER/DER: ${decoded.result.error || 'decoding failed'}`, 'ASN.1');
  }
  const root = walk(decoded.result, 0);
  return { root, trailingBytes: der.length - (root.offset + root.headerLength + root.length) };
}

function walk(block: asn1js.BaseBlock, offset: number): Asn1Node {
  const id = block.idBlock;
  const headerLength = id.blockLength + block.lenBlock.blockLength;
  const length = block.valueBlock.blockLength;
  const tagClass = tagClassFromAsn1js(id.tagClass);
  const node: Asn1Node = {
    offset,
    headerLength,
    length,
    indefinite: block.lenBlock.isIndefiniteForm,
    tagClass,
    tagNumber: id.tagNumber,
    constructed: id.isConstructed,
    name: tagName(tagClass, id.tagNumber),
    encapsulated: false,
    children: [],
  };
  if (block instanceof asn1js.ObjectIdentifier) {
    const oid = block.valueBlock.toString();
    node.oid = oid;
    node.oidShortName = oidShortName(oid);
    node.oidLongName = oidLongName(oid);
  }
  node.preview = previewOf(block, node);

  let childOffset = offset + headerLength;
  const inner = (block.valueBlock as { value?: unknown }).value;
  if (!Array.isArray(inner) || inner.length === 0) return node;
  if (!id.isConstructed) {
    // asn1js keeps decoded content of a primitive OCTET STRING / BIT STRING (after the unused-bits octet) here.
    if (block instanceof asn1js.BitString) childOffset += 1;
    else if (!(block instanceof asn1js.OctetString)) return node;
    node.encapsulated = true;
  }
  for (const child of inner as asn1js.BaseBlock[]) {
    const c = walk(child, childOffset);
    node.children.push(c);
    childOffset += c.headerLength + c.length;
  }
  return node;
}

export { findNode, pathTo } from './walk.ts';
