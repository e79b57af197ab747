/** Messages between the Inspect page and its decode worker; each request carries an id its reply echoes. */
import type { DecodeResult, DecodedItem, DecryptResult, Origin, Printed, TreeResult } from './decode-job.ts';
import type { FoundObject, ObjectKind } from '../../core/types.ts';

/** Up to this many objects, a decode's items come printed and Inspect shows their cards; beyond, the overview table. */
export const PRINTED_UP_TO = 5;

export type DecodeRequest =
  | { id: number; op: 'decode'; input: string | Uint8Array | Blob; sourceName?: string }
  | { id: number; op: 'tree'; der: Uint8Array }
  | { id: number; op: 'print'; obj: FoundObject }
  | { id: number; op: 'decrypt'; der: Uint8Array; passphrase: string; from: Origin; kind: ObjectKind };

export type DecodeReply =
  /** A batch of decoded objects; more replies with the same id follow, ending with 'decode'. */
  | { id: number; op: 'items'; items: DecodedItem[] }
  | { id: number; op: 'decode'; result: DecodeResult }
  | { id: number; op: 'tree'; result: TreeResult }
  | { id: number; op: 'print'; result: Printed }
  | { id: number; op: 'decrypt'; result: DecryptResult }
  | { id: number; op: 'error'; message: string };
