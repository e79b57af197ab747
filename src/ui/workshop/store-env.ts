/**
 * The labs' LabEnv in the browser: a CaStore of its own (WORKSHOP_CA_DB_NAME), apart from the CA
 * area's store, so a workshop leader's export carries the lab CAs and nothing else. Lab CA keys are
 * browser-held WebCrypto keys, exportable so the leader can share them in a passphrase-encrypted file.
 */
import { openDb } from '../../store/db.ts';
import { CaStore } from '../../store/ca-store.ts';
import { WORKSHOP_CA_DB_NAME } from '../../store/lab-progress.ts';
import type { LabEnv } from '../../workshop/types.ts';

export function workshopCaStore(): CaStore {
  return new CaStore(openDb(WORKSHOP_CA_DB_NAME));
}

export function storeLabEnv(store: CaStore): LabEnv {
  return {
    async listCas() {
      return (await store.listCas()).map((c) => ({ id: c.id, name: c.name, certificate: c.certificate }));
    },
    async createCa(subject, keyType) {
      const { record } = await store.createRoot({ subject, keyType }, { kind: 'browser-key', exportable: true });
      return { id: record.id, name: record.name, certificate: record.certificate };
    },
    async getCa(id) {
      const r = await store.getCa(id);
      return { id: r.id, name: r.name, certificate: r.certificate };
    },
    issue: (caId, plan) => store.issue(caId, plan),
    issued: (caId, serial) => store.issued(caId, serial),
    signer: (caId) => store.signer(caId),
  };
}
