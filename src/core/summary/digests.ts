/** Fingerprints and the SPKI pin, as openssl prints them. */
import { toArrayBuffer, toBase64, toHex } from '../bytes.ts';
import type { Fingerprints } from './types.ts';

async function digest(alg: 'SHA-256' | 'SHA-1', bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest(alg, toArrayBuffer(bytes)));
}

/** `AB:CD:…`, the way `openssl x509 -fingerprint` prints a digest. */
function fingerprintHex(bytes: Uint8Array): string {
  return toHex(bytes, ':').toUpperCase();
}

export async function fingerprints(der: Uint8Array): Promise<Fingerprints> {
  return { sha256: fingerprintHex(await digest('SHA-256', der)), sha1: fingerprintHex(await digest('SHA-1', der)) };
}

export async function pin(spkiDer: Uint8Array): Promise<string> {
  return toBase64(await digest('SHA-256', spkiDer));
}
