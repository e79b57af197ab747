/**
 * Signing profiles in the manner of cfssl: what a certificate is for (server, client, peer,
 * intermediate CA), which decides its extended key usage, CA flag and default lifetime.
 */
import type { ExtKeyUsageName, KeyUsageName } from '../cert/extensions.ts';
import type { KeyAlgorithm } from '../keys/key-types.ts';

export interface Profile {
  name: string;
  extKeyUsage: ExtKeyUsageName[];
  /** Issues an intermediate CA (basicConstraints CA:TRUE). */
  isCa: boolean;
  pathLen?: number;
  /** Key usage fixed by the profile (from a cfssl config); when absent it follows the key type. */
  keyUsage?: KeyUsageName[];
  /** Default lifetime in hours (cfssl's `expiry`). */
  expiryHours: number;
}

export const DEFAULT_LEAF_HOURS = 8760;
export const DEFAULT_CA_DAYS = 3650;

export const BUILTIN_PROFILES: Readonly<Record<'server' | 'client' | 'peer' | 'ca', Profile>> = {
  server: { name: 'server', extKeyUsage: ['serverAuth'], isCa: false, expiryHours: DEFAULT_LEAF_HOURS },
  client: { name: 'client', extKeyUsage: ['clientAuth'], isCa: false, expiryHours: DEFAULT_LEAF_HOURS },
  peer: { name: 'peer', extKeyUsage: ['serverAuth', 'clientAuth'], isCa: false, expiryHours: DEFAULT_LEAF_HOURS },
  ca: { name: 'ca', extKeyUsage: [], isCa: true, pathLen: 0, expiryHours: 5 * DEFAULT_LEAF_HOURS },
};

/** Key usage for a leaf by key type: RSA also enciphers keys (TLS RSA key exchange); EC and Ed25519 only sign. */
function leafKeyUsageFor(alg: KeyAlgorithm): KeyUsageName[] {
  return alg.family === 'rsa' ? ['digitalSignature', 'keyEncipherment'] : ['digitalSignature'];
}

export const CA_KEY_USAGE: KeyUsageName[] = ['digitalSignature', 'keyCertSign', 'cRLSign'];

/** The key usage a profile gives a key of this type. */
export function keyUsageFor(profile: Profile, alg: KeyAlgorithm): KeyUsageName[] {
  if (profile.keyUsage) return profile.keyUsage;
  return profile.isCa ? CA_KEY_USAGE : leafKeyUsageFor(alg);
}
