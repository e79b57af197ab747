/**
 * Reading a `.tar` / `.tar.gz` as `tar czf` writes it (GNU tar and bsdtar): ustar headers, with
 * pax extended headers ("path=") and GNU long names ("././@LongLink") for paths over 100 bytes.
 */
import { gunzipSync } from 'fflate';
import { CertbenchError, errorMessage } from '../../core/errors.ts';

export const isGzip = (bytes: Uint8Array): boolean => bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** A ustar header carries "ustar" at offset 257 (POSIX "ustar\0", GNU "ustar  "). */
export const isTar = (bytes: Uint8Array): boolean => bytes.length >= 512 && String.fromCharCode(...bytes.subarray(257, 262)) === 'ustar';

const text = (b: Uint8Array) => new TextDecoder().decode(b.subarray(0, b.indexOf(0) < 0 ? b.length : b.indexOf(0)));

function octal(field: Uint8Array): number {
  // GNU base-256 for sizes ≥ 8 GiB: high bit set. Nothing in /etc/kubernetes is that big.
  if (field[0]! & 0x80) throw new CertbenchError('kube.tarMemberTooLarge', undefined, 'tar');
  const t = text(field).trim();
  return t ? parseInt(t, 8) : 0;
}

/** pax records "LEN key=value\n"; only path matters here. */
function paxPath(data: Uint8Array): string | undefined {
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space < 0) break;
    const len = Number(new TextDecoder().decode(data.subarray(at, space)));
    if (!(len > 0)) break;
    const record = new TextDecoder().decode(data.subarray(space + 1, at + len - 1));
    if (record.startsWith('path=')) return record.slice(5);
    at += len;
  }
  return undefined;
}

/** Regular files of a tar archive as path → bytes (folders, links and devices skipped). */
export function untar(bytes: Uint8Array, where = 'tar'): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let at = 0;
  let longName: string | undefined;
  while (at + 512 <= bytes.length) {
    const header = bytes.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break; // two zero blocks end the archive
    const size = octal(header.subarray(124, 136));
    const type = String.fromCharCode(header[156]!);
    const prefix = text(header.subarray(345, 500));
    const name = text(header.subarray(0, 100));
    const dataStart = at + 512;
    if (dataStart + size > bytes.length) throw new CertbenchError('kube.tarTruncated', { name }, where);
    const data = bytes.subarray(dataStart, dataStart + size);
    at = dataStart + Math.ceil(size / 512) * 512;
    if (type === 'L') longName = text(data);
    else if (type === 'x') longName = paxPath(data) ?? longName;
    else if (type === 'g') continue;
    else {
      const path = longName ?? (prefix ? `${prefix}/${name}` : name);
      longName = undefined;
      if (type === '0' || type === '\0' || type === '7') out.set(path, data.slice());
    }
  }
  return out;
}

export function gunzip(bytes: Uint8Array, where = 'gzip'): Uint8Array {
  try {
    return gunzipSync(bytes);
  } catch (e) {
    throw new CertbenchError('kube.badGzip', { reason: errorMessage(e) }, where);
  }
}
