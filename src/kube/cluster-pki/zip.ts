/** Zip archives of PKI files (fflate), and reading a zipped pki folder back for the expiry check. */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { CertbenchError, errorMessage } from '../../core/errors.ts';
import type { ClusterPki, PkiFile } from './types.ts';

/** Private keys get mode 0600 and everything else 0644, as kubeadm writes them. */
const MODE = { 'private-key': 0o600, certificate: 0o644, 'public-key': 0o644, kubeconfig: 0o600 } as const;

export function zipPkiFiles(files: readonly PkiFile[], mtime: Date = new Date()): Uint8Array {
  const tree: Zippable = {};
  for (const f of files) {
    // Unix mode in the high 16 bits of the external attributes; os 3 = Unix.
    tree[f.path] = [strToU8(f.contents), { mtime, os: 3, attrs: ((0o100000 | MODE[f.kind]) << 16) >>> 0 }];
  }
  return zipSync(tree, { level: 6 });
}

/** The zip's name for a layout, so the two never overwrite each other in Downloads: kubeadm-pki.zip, hard-way-pki.zip. */
export const clusterZipName = (layout: ClusterPki['layout']): string => `${layout}-pki.zip`;

export const isZip = (bytes: Uint8Array): boolean => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** The files of a zip as path → bytes (folders skipped). */
export function unzipFiles(bytes: Uint8Array, where = 'zip'): Map<string, Uint8Array> {
  try {
    const out = new Map<string, Uint8Array>();
    for (const [path, data] of Object.entries(unzipSync(bytes))) if (!path.endsWith('/')) out.set(path, data);
    return out;
  } catch (e) {
    throw new CertbenchError('kube.badZip', { reason: errorMessage(e) }, where);
  }
}

export const textOf = (bytes: Uint8Array): string => strFromU8(bytes);
