/** What a person asks for in a CSR: plain data, so a form, a cfssl JSON or an openssl line can fill it. */
import type { KeyType } from '../keys/key-types.ts';
import type { SubjectAttribute } from './subject.ts';

export type Usage = 'server' | 'client' | 'peer';

export interface CsrRequest {
  /** In order; one attribute per RDN. */
  subject: SubjectAttribute[];
  /** Free list: `DNS:a`, `10.0.0.1`, `spiffe://…` (see san.ts). */
  sans: string[];
  usage: Usage;
  /** The key to generate (ignored when signing with an existing key). */
  keyType: KeyType;
  /** Add keyEncipherment to EC/Ed25519 keys as well (some old clients insist). */
  keyEnciphermentAlways?: boolean;
}

export const EXTENDED_KEY_USAGES: Record<Usage, { oid: string; name: string }[]> = {
  server: [{ oid: '1.3.6.1.5.5.7.3.1', name: 'serverAuth' }],
  client: [{ oid: '1.3.6.1.5.5.7.3.2', name: 'clientAuth' }],
  peer: [
    { oid: '1.3.6.1.5.5.7.3.1', name: 'serverAuth' },
    { oid: '1.3.6.1.5.5.7.3.2', name: 'clientAuth' },
  ],
};
