/** A LabEnv held in memory: for Node tests and the CLI, with the same core calls the CaStore makes. */
import { createRootCa } from '../core/ca/create.ts';
import { issueFromPlan, type IssuancePlan, type IssuedResult } from '../core/ca/issue.ts';
import { formatDistinguishedName } from '../core/cert/name.ts';
import { certificateFacts } from '../core/cert/read.ts';
import type { CaSigner, IssuedCertificate } from '../core/ca/types.ts';
import { CertbenchError } from '../core/errors.ts';
import type { KeyType } from '../core/keys/key-types.ts';
import type { LabCaInfo, LabEnv } from './types.ts';

export function memoryLabEnv(): LabEnv & { cas: Map<string, CaSigner> } {
  const cas = new Map<string, CaSigner>();
  const issued = new Map<string, IssuedCertificate>();
  const info = (ca: CaSigner): LabCaInfo => ({ id: ca.id, certificate: ca.certificate, name: formatDistinguishedName(certificateFacts(ca.certificate).subject) });
  const get = (id: string): CaSigner => {
    const ca = cas.get(id);
    if (!ca) throw new CertbenchError('workshop.noCa', { id: id.slice(0, 16) });
    return ca;
  };
  return {
    cas,
    async listCas() {
      return [...cas.values()].map(info);
    },
    async createCa(subject: string, keyType: KeyType) {
      const ca = await createRootCa({ subject, keyType });
      cas.set(ca.id, ca);
      return info(ca);
    },
    async getCa(id) {
      return info(get(id));
    },
    async signer(id) {
      return get(id);
    },
    async issue(caId: string, plan: IssuancePlan): Promise<IssuedResult> {
      const taken = new Set([...issued.values()].filter((e) => e.caId === caId).map((e) => e.serialHex));
      const result = await issueFromPlan(plan, get(caId), taken);
      issued.set(`${caId}:${result.entry.serialHex}`, result.entry);
      return result;
    },
    async issued(caId, serialHex) {
      const e = issued.get(`${caId}:${serialHex}`);
      if (!e) throw new CertbenchError('ca.serialNotIssued', { serial: serialHex });
      return e;
    },
  };
}
