/** cfssl CSR JSON (`cfssl genkey csr.json`) ⇄ CsrRequest. */
import { CertbenchError } from '../errors.ts';
import { keyAlgorithmOf, type KeyType } from '../keys/key-types.ts';
import type { CsrRequest, Usage } from './request.ts';
import { parseSan } from './san.ts';
import type { SubjectAttribute, SubjectType } from './subject.ts';

interface CfsslName {
  C?: string;
  ST?: string;
  L?: string;
  O?: string;
  OU?: string;
}

interface CfsslCsr {
  CN?: string;
  hosts?: string[];
  key?: { algo: 'rsa' | 'ecdsa' | 'ed25519'; size?: number };
  names?: CfsslName[];
}

const WHERE = 'cfssl CSR JSON';
// cfssl hands the names to Go's pkix.Name, whose ToRDNSequence writes every C, then every ST, L, O, OU, and CN last.
const NAME_ORDER: (keyof CfsslName)[] = ['C', 'ST', 'L', 'O', 'OU'];

function keyTypeOfCfssl(key: CfsslCsr['key']): KeyType {
  if (!key) return 'ec-p256'; // cfssl's default: ecdsa 256
  const algo = String(key.algo).toLowerCase();
  if (algo === 'rsa') {
    const size = key.size ?? 2048;
    if (size === 2048 || size === 3072 || size === 4096) return `rsa${size}`;
    throw new CertbenchError('csr.rsaSize', { size }, [WHERE, 'key.size']);
  }
  if (algo === 'ecdsa') {
    const size = key.size ?? 256;
    if (size === 256) return 'ec-p256';
    if (size === 384) return 'ec-p384';
    if (size === 521) return 'ec-p521';
    throw new CertbenchError('csr.ecdsaSize', { size }, [WHERE, 'key.size']);
  }
  if (algo === 'ed25519') return 'ed25519';
  throw new CertbenchError('csr.keyAlgo', { algo: key.algo }, [WHERE, 'key.algo']);
}

/** Fills a request from cfssl CSR JSON text. `usage` is not in cfssl's CSR (it lives in its signing profile). */
export function requestFromCfssl(json: string, usage: Usage = 'server'): CsrRequest {
  let data: CfsslCsr;
  try {
    data = JSON.parse(json) as CfsslCsr;
  } catch (e) {
    throw new CertbenchError('general.notJson', { reason: (e as Error).message }, WHERE);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new CertbenchError('csr.expectedCfsslObject', undefined, WHERE);
  const subject: SubjectAttribute[] = [];
  const names = data.names ?? [];
  if (!Array.isArray(names)) throw new CertbenchError('csr.namesNotList', undefined, WHERE);
  names.forEach((n, i) => {
    for (const k of Object.keys(n)) {
      if (!NAME_ORDER.includes(k as keyof CfsslName)) throw new CertbenchError('csr.unknownNameField', { field: k }, [WHERE, `names[${i}]`]);
    }
  });
  for (const k of NAME_ORDER) for (const n of names) if (n[k]) subject.push({ type: k as SubjectType, value: String(n[k]) });
  if (data.CN) subject.push({ type: 'CN', value: String(data.CN) });
  const hosts = data.hosts ?? [];
  if (!Array.isArray(hosts)) throw new CertbenchError('csr.hostsNotList', undefined, WHERE);
  return { subject, sans: hosts.map(String), usage, keyType: keyTypeOfCfssl(data.key) };
}

/** The cfssl CSR JSON for a request (subject attributes folded into one names entry, in cfssl's order). */
export function requestToCfssl(request: CsrRequest): CfsslCsr {
  const alg = keyAlgorithmOf(request.keyType);
  const key: CfsslCsr['key'] =
    alg.family === 'rsa' ? { algo: 'rsa', size: alg.bits } : alg.family === 'ec' ? { algo: 'ecdsa', size: Number(alg.curve.slice(2)) } : { algo: 'ed25519' };
  // One value per field per names entry: a repeated field starts a new entry. (cfssl reorders
  // C, ST, L, O, OU and puts CN last; the JSON keeps what the request asked for.)
  const names: CfsslName[] = [];
  let cur: CfsslName = {};
  let cn: string | undefined;
  for (const a of request.subject) {
    if (a.type === 'CN') {
      if (cn !== undefined) throw new CertbenchError('csr.cfsslOneCn', undefined, 'cfssl CSR JSON');
      cn = a.value;
      continue;
    }
    if (a.type === 'emailAddress') throw new CertbenchError('csr.cfsslNoEmail', undefined, 'cfssl CSR JSON');
    const k = a.type as keyof CfsslName;
    if (cur[k] !== undefined) {
      names.push(cur);
      cur = {};
    }
    cur[k] = a.value;
  }
  if (Object.keys(cur).length) names.push(cur);
  const out: CfsslCsr = {};
  if (cn !== undefined) out.CN = cn;
  out.hosts = request.sans.map((s) => {
    const e = parseSan(s);
    return e.type === 'IP' ? e.value : (e.encoded as string);
  });
  out.key = key;
  if (names.length) out.names = names;
  return out;
}
