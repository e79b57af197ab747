/** Finding nodes in an Asn1Tree by offset; no decoder imports, so the UI can use it on plain data. */
import type { Asn1Node } from './tree.ts';

/** The node with this offset (its id), or undefined. */
export function findNode(root: Asn1Node, offset: number): Asn1Node | undefined {
  if (root.offset === offset) return root;
  for (const c of root.children) {
    const end = c.offset + c.headerLength + c.length;
    if (offset >= c.offset && offset < end) return findNode(c, offset);
  }
  return undefined;
}

/** The chain of nodes from the root down to the node with this offset (empty when there is none). */
export function pathTo(root: Asn1Node, offset: number): Asn1Node[] {
  const path: Asn1Node[] = [];
  let at: Asn1Node | undefined = root;
  while (at) {
    path.push(at);
    if (at.offset === offset) return path;
    at = at.children.find((c) => offset >= c.offset && offset < c.offset + c.headerLength + c.length);
  }
  return [];
}
