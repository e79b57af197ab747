/**
 * cfssl's `ca-config.json` (signing.default, signing.profiles.*) read into certbench profiles, and
 * written back out for the equivalent `cfssl sign` command.
 */
import type { ExtKeyUsageName, KeyUsageName } from '../cert/extensions.ts';
import { CertbenchError } from '../errors.ts';
import { DEFAULT_LEAF_HOURS, type Profile } from './profiles.ts';

/** cfssl usage strings (config/config.go KeyUsage / ExtKeyUsage tables) → X.509 names. */
const CFSSL_KEY_USAGE: Record<string, KeyUsageName> = {
  signing: 'digitalSignature',
  'digital signature': 'digitalSignature',
  'content commitment': 'nonRepudiation',
  'key encipherment': 'keyEncipherment',
  'key agreement': 'keyAgreement',
  'data encipherment': 'dataEncipherment',
  'cert sign': 'keyCertSign',
  'crl sign': 'cRLSign',
  'encipher only': 'encipherOnly',
  'decipher only': 'decipherOnly',
};
const CFSSL_EXT_KEY_USAGE: Record<string, ExtKeyUsageName> = {
  'server auth': 'serverAuth',
  'client auth': 'clientAuth',
  'code signing': 'codeSigning',
  'email protection': 'emailProtection',
  's/mime': 'emailProtection',
  timestamping: 'timeStamping',
  'ocsp signing': 'OCSPSigning',
};

const WHERE = 'ca-config.json';

/** Go durations as cfssl writes them: "8760h", "43800h", "90m", "1h30m". */
function parseGoDurationHours(text: string, where: string): number {
  const re = /(\d+(?:\.\d+)?)(h|m|s)/g;
  let total = 0;
  let consumed = 0;
  for (const m of text.matchAll(re)) {
    consumed += m[0].length;
    total += Number(m[1]) / (m[2] === 'h' ? 1 : m[2] === 'm' ? 60 : 3600);
  }
  if (!text || consumed !== text.length || total <= 0) throw new CertbenchError('ca.badExpiry', { text }, where);
  return total;
}

interface RawProfile {
  usages?: unknown;
  expiry?: unknown;
  ca_constraint?: { is_ca?: unknown; max_path_len?: unknown; max_path_len_zero?: unknown };
}

function profileFrom(name: string, raw: RawProfile, fallback: Profile | undefined): Profile {
  const where = `${WHERE} › ${name === 'default' ? 'signing.default' : `signing.profiles.${name}`}`;
  const usages = raw.usages ?? (fallback ? undefined : []);
  const keyUsage: KeyUsageName[] = [];
  const extKeyUsage: ExtKeyUsageName[] = [];
  if (usages !== undefined) {
    if (!Array.isArray(usages)) throw new CertbenchError('ca.usagesNotList', undefined, where);
    for (const u of usages) {
      const key = String(u).toLowerCase();
      if (CFSSL_KEY_USAGE[key]) keyUsage.push(CFSSL_KEY_USAGE[key]);
      else if (CFSSL_EXT_KEY_USAGE[key]) extKeyUsage.push(CFSSL_EXT_KEY_USAGE[key]);
      else if (key === 'any') continue;
      else throw new CertbenchError('ca.unknownUsage', { usage: u }, where);
    }
  }
  const cc = raw.ca_constraint;
  const isCa = cc?.is_ca === true || (cc === undefined && (fallback?.isCa ?? false));
  const pathLen = typeof cc?.max_path_len === 'number' && (cc.max_path_len > 0 || cc.max_path_len_zero === true) ? cc.max_path_len : undefined;
  if (isCa && !keyUsage.includes('keyCertSign') && usages !== undefined) keyUsage.push('keyCertSign');
  return {
    name,
    extKeyUsage: usages === undefined ? (fallback?.extKeyUsage ?? []) : extKeyUsage,
    isCa,
    ...(pathLen !== undefined ? { pathLen } : {}),
    ...(usages === undefined ? (fallback?.keyUsage ? { keyUsage: fallback.keyUsage } : {}) : keyUsage.length ? { keyUsage } : {}),
    expiryHours: typeof raw.expiry === 'string' ? parseGoDurationHours(raw.expiry, where) : (fallback?.expiryHours ?? DEFAULT_LEAF_HOURS),
  };
}

/**
 * cfssl's DefaultConfig(): what `signing.default` is when a ca-config.json has none — signing, key
 * encipherment, server auth, client auth, 8760h.
 */
export const CFSSL_DEFAULT_PROFILE: Readonly<Profile> = {
  name: 'default',
  extKeyUsage: ['serverAuth', 'clientAuth'],
  isCa: false,
  keyUsage: ['digitalSignature', 'keyEncipherment'],
  expiryHours: DEFAULT_LEAF_HOURS,
};

/**
 * Why cfssl would refuse to sign with this profile, or undefined: a profile that lists no usages
 * gives no key usage at all, and `cfssl sign` stops with "no key usage available".
 */
export function cfsslProfileRefusal(profile: Profile): string | undefined {
  if (profile.keyUsage?.length || profile.extKeyUsage.length) return undefined;
  const where = profile.name === 'default' ? 'signing.default' : `signing.profiles.${profile.name}`;
  return `${where} lists no "usages", so cfssl sign refuses it ("no key usage available"): add usages, or name another profile`;
}

/**
 * The profiles of a ca-config.json: `default` (cfssl's DefaultConfig when there is no
 * signing.default, as `cfssl sign` without -profile uses) plus each named profile (which inherits
 * the written default's expiry and usages).
 */
export function parseCfsslConfig(json: string): Record<string, Profile> {
  let doc: { signing?: { default?: RawProfile; profiles?: Record<string, RawProfile> } };
  try {
    doc = JSON.parse(json) as typeof doc;
  } catch (e) {
    throw new CertbenchError('general.notJson', { reason: e instanceof Error ? e.message : 'parse error' }, WHERE);
  }
  if (!doc || typeof doc !== 'object' || !doc.signing || typeof doc.signing !== 'object') throw new CertbenchError('ca.noSigning', undefined, WHERE);
  const out: Record<string, Profile> = {};
  const def = profileFrom('default', doc.signing.default ?? {}, undefined);
  out.default = doc.signing.default ? def : { ...CFSSL_DEFAULT_PROFILE, extKeyUsage: [...CFSSL_DEFAULT_PROFILE.extKeyUsage], keyUsage: [...CFSSL_DEFAULT_PROFILE.keyUsage!] };
  for (const [name, raw] of Object.entries(doc.signing.profiles ?? {})) out[name] = profileFrom(name, raw ?? {}, def);
  return out;
}

const KEY_USAGE_CFSSL = Object.fromEntries(Object.entries(CFSSL_KEY_USAGE).filter(([k]) => k !== 'digital signature').map(([k, v]) => [v, k]));
const EXT_KEY_USAGE_CFSSL = Object.fromEntries(Object.entries(CFSSL_EXT_KEY_USAGE).filter(([k]) => k !== 's/mime').map(([k, v]) => [v, k]));

/** A ca-config.json holding one profile with these exact usages and expiry, for `cfssl sign -config`. */
export function cfsslConfigFor(profileName: string, keyUsage: readonly KeyUsageName[], extKeyUsage: readonly ExtKeyUsageName[], hours: number, ca?: { pathLen?: number }): string {
  const profile: Record<string, unknown> = {
    usages: [...keyUsage.map((u) => KEY_USAGE_CFSSL[u]), ...extKeyUsage.map((u) => EXT_KEY_USAGE_CFSSL[u])],
    expiry: `${Math.round(hours)}h`,
  };
  if (ca) profile.ca_constraint = { is_ca: true, ...(ca.pathLen !== undefined ? { max_path_len: ca.pathLen, max_path_len_zero: ca.pathLen === 0 } : {}) };
  return JSON.stringify({ signing: { default: { expiry: `${Math.round(hours)}h` }, profiles: { [profileName]: profile } } }, null, 2) + '\n';
}
