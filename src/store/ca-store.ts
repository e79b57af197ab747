/**
 * The browser's CA store: CAs, their keys and the inventory of what each issued, in IndexedDB.
 * This is the API the CA screens use. Records:
 *   ca:<id>               CaRecord (certificate, chain, CRL number)
 *   key:<id>              StoredKey (passphrase-wrapped PKCS#8, or a CryptoKey)
 *   issued:<id>:<serial>  IssuedCertificate
 */
import { createIntermediateCa, createRootCa, type CaOptions } from '../core/ca/create.ts';
import { buildCrl, type BuiltCrl } from '../core/ca/crl.ts';
import { readVerifiedRequest } from '../core/ca/csr.ts';
import { caFacts } from '../core/ca/identity.ts';
import { importCa, type CaImportInput } from '../core/ca/import.ts';
import { inventoryEntryFor, revokeEntry } from '../core/ca/inventory.ts';
import { issueFromPlan, planFromRequest, planRenewal, type IssuancePlan, type IssuedResult, type PlanOptions } from '../core/ca/issue.ts';
import { BUILTIN_PROFILES } from '../core/ca/profiles.ts';
import type { CaSigner, IssuedCertificate, RevocationReason } from '../core/ca/types.ts';
import { formatDistinguishedName } from '../core/cert/name.ts';
import { normaliseSerialHex } from '../core/cert/serial.ts';
import { CertbenchError } from '../core/errors.ts';
import { keyAlgorithmOfCryptoKey } from '../core/keys/key-types.ts';
import { openDb, type Db } from './db.ts';
import { KeySession, protectKey, unwrapKey, type KeyProtection, type StoredKey } from './key-vault.ts';

export interface CaRecord {
  id: string;
  /** Display name: the subject in OpenSSL's one-line form. */
  name: string;
  certificate: Uint8Array;
  chain: Uint8Array[];
  /** Last CRL number used (0: none yet). */
  crlNumber: number;
  /** Id of the issuing CA when it is in this store. */
  parentId?: string;
  createdAt: string;
}

export interface CaSummary extends CaRecord {
  notAfter: Date;
  protection: StoredKey['protection'] | 'none';
  exportable: boolean;
  unlocked: boolean;
}

export const caKey = (id: string) => `ca:${id}`;
export const keyKey = (id: string) => `key:${id}`;
export const issuedKey = (caId: string, serial: string) => `issued:${caId}:${serial}`;

async function pkcs8Of(key: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', key));
}

export class CaStore {
  readonly session = new KeySession();
  constructor(readonly db: Db = openDb()) {}

  async listCas(): Promise<CaSummary[]> {
    const cas = await this.db.entries<CaRecord>('ca:');
    const keys = new Map(await this.db.entries<StoredKey>('key:'));
    return cas.map(([, ca]) => {
      const k = keys.get(keyKey(ca.id));
      return {
        ...ca,
        notAfter: caFacts(ca.certificate).notAfter,
        protection: k?.protection ?? 'none',
        exportable: k?.exportable ?? false,
        unlocked: k?.protection === 'browser-key' || this.session.isUnlocked(ca.id),
      };
    });
  }

  async getCa(id: string): Promise<CaRecord> {
    const ca = await this.db.get<CaRecord>(caKey(id));
    if (!ca) throw new CertbenchError(`no CA with id ${id.slice(0, 16)} in this browser`);
    return ca;
  }

  /** Stores a CA and its key together (one transaction). The key must be extractable once, to be wrapped. */
  async addCa(ca: { id: string; certificate: Uint8Array; chain: Uint8Array[]; key: CryptoKey }, protection: KeyProtection, extra: [string, unknown][] = [], parentId?: string): Promise<CaRecord> {
    const algorithm = keyAlgorithmOfCryptoKey(ca.key);
    if (!algorithm) throw new CertbenchError('unsupported CA key type');
    const stored = await protectKey(ca.id, await pkcs8Of(ca.key), algorithm, protection);
    const record: CaRecord = {
      id: ca.id,
      name: formatDistinguishedName(caFacts(ca.certificate).subject),
      certificate: ca.certificate,
      chain: ca.chain,
      crlNumber: 0,
      ...(parentId ? { parentId } : {}),
      createdAt: new Date().toISOString(),
    };
    if (await this.db.get(caKey(ca.id))) throw new CertbenchError(`this CA (${record.name}) is already in the store`);
    await this.db.write([[caKey(ca.id), record], [keyKey(ca.id), stored], ...extra]);
    if (protection.kind === 'passphrase') this.session.put(ca.id, await unwrapKey(ca.id, stored as StoredKey & { protection: 'passphrase' }, protection.passphrase));
    return record;
  }

  async createRoot(options: CaOptions, protection: KeyProtection): Promise<{ record: CaRecord; warnings: string[] }> {
    const ca = await createRootCa(options);
    return { record: await this.addCa(ca, protection), warnings: ca.warnings };
  }

  /** An intermediate signed by a stored CA; it is also recorded in the parent's inventory. */
  async createIntermediate(parentId: string, options: CaOptions, protection: KeyProtection): Promise<{ record: CaRecord; warnings: string[] }> {
    const parent = await this.signer(parentId);
    const ca = await createIntermediateCa(parent, await this.takenSerials(parentId), options);
    const entry = inventoryEntryFor(parentId, ca.certificate, 'ca');
    return { record: await this.addCa(ca, protection, [[issuedKey(parentId, entry.serialHex), entry]], parentId), warnings: ca.warnings };
  }

  async importCa(input: CaImportInput, protection: KeyProtection): Promise<{ record: CaRecord; warnings: string[] }> {
    const ca = await importCa(input);
    return { record: await this.addCa(ca, protection), warnings: ca.warnings };
  }

  /** Deletes a CA, its key and its inventory (one transaction). */
  async deleteCa(id: string): Promise<void> {
    const issued = await this.db.entries(`issued:${id}:`);
    await this.db.write([], [caKey(id), keyKey(id), ...issued.map(([k]) => k)]);
    this.session.lock(id);
  }

  async unlock(id: string, passphrase: string): Promise<void> {
    const stored = await this.db.get<StoredKey>(keyKey(id));
    if (!stored) throw new CertbenchError('this CA has no key in the store (it was restored from a backup without its key)');
    if (stored.protection !== 'passphrase') return;
    this.session.put(id, await unwrapKey(id, stored, passphrase));
  }

  lock(id: string): void {
    this.session.lock(id);
  }

  lockAll(): void {
    this.session.lockAll();
  }

  /** The CA ready to sign, or a CertbenchError saying it is locked. */
  async signer(id: string): Promise<CaSigner> {
    const ca = await this.getCa(id);
    const stored = await this.db.get<StoredKey>(keyKey(id));
    if (!stored) throw new CertbenchError('this CA has no key in the store (it was restored from a backup without its key)', ca.name);
    const key = stored.protection === 'browser-key' ? stored.key : this.session.use(id);
    if (!key) throw new CertbenchError('the CA key is locked: unlock it with its passphrase first', ca.name);
    return { id, certificate: ca.certificate, chain: ca.chain, key };
  }

  async listIssued(caId: string): Promise<IssuedCertificate[]> {
    return (await this.db.entries<IssuedCertificate>(`issued:${caId}:`)).map(([, v]) => v);
  }

  async takenSerials(caId: string): Promise<Set<string>> {
    return new Set((await this.listIssued(caId)).map((e) => e.serialHex));
  }

  /** Verifies the CSR and proposes an editable plan (default profile: server). */
  async planFromCsr(caId: string, csr: string | Uint8Array, options: Partial<PlanOptions> = {}): Promise<IssuancePlan> {
    const ca = await this.getCa(caId);
    return planFromRequest(await readVerifiedRequest(csr), { id: caId, certificate: ca.certificate, chain: ca.chain }, { profile: BUILTIN_PROFILES.server, ...options });
  }

  async planRenewal(caId: string, serial: string, options: Partial<PlanOptions> = {}): Promise<IssuancePlan> {
    const ca = await this.getCa(caId);
    const entry = await this.issued(caId, serial);
    return planRenewal(entry, { id: caId, certificate: ca.certificate, chain: ca.chain }, { profile: (BUILTIN_PROFILES as Record<string, typeof BUILTIN_PROFILES.server>)[entry.profile] ?? BUILTIN_PROFILES.server, ...options });
  }

  /** Signs the plan and records it in the inventory. */
  async issue(caId: string, plan: IssuancePlan): Promise<IssuedResult> {
    const signer = await this.signer(caId);
    const result = await issueFromPlan(plan, signer, await this.takenSerials(caId));
    await this.db.transact([issuedKey(caId, result.entry.serialHex)], (cur) => {
      if (cur.get(issuedKey(caId, result.entry.serialHex))) throw new CertbenchError('serial collision: try again');
      return [[issuedKey(caId, result.entry.serialHex), result.entry]];
    });
    return result;
  }

  async issued(caId: string, serial: string): Promise<IssuedCertificate> {
    const entry = await this.db.get<IssuedCertificate>(issuedKey(caId, normaliseSerialHex(serial)));
    if (!entry) throw new CertbenchError(`no certificate with serial ${normaliseSerialHex(serial)} was issued by this CA`);
    return entry;
  }

  async revoke(caId: string, serial: string, reason: RevocationReason = 'unspecified'): Promise<IssuedCertificate> {
    const key = issuedKey(caId, normaliseSerialHex(serial));
    let revoked: IssuedCertificate | undefined;
    await this.db.transact([key], (cur) => {
      const entry = cur.get(key) as IssuedCertificate | undefined;
      if (!entry) throw new CertbenchError(`no certificate with serial ${normaliseSerialHex(serial)} was issued by this CA`);
      revoked = revokeEntry(entry, reason);
      return [[key, revoked]];
    });
    return revoked!;
  }

  /** A new CRL; the CRL number advances only when the CRL was made. */
  async crl(caId: string, days?: number): Promise<BuiltCrl> {
    const signer = await this.signer(caId);
    const ca = await this.getCa(caId);
    const crl = await buildCrl(signer, await this.listIssued(caId), { crlNumber: ca.crlNumber + 1, ...(days !== undefined ? { days } : {}) });
    await this.db.transact([caKey(caId)], (cur) => {
      const now = cur.get(caKey(caId)) as CaRecord;
      return [[caKey(caId), { ...now, crlNumber: Math.max(now.crlNumber, crl.crlNumber) }]];
    });
    return crl;
  }
}
