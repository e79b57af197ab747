/** Messages between the Inspect page and its decode worker; each request carries an id its reply echoes. */
import type { DecodeResult, DecodedItem, DecryptResult, Origin, Printed, TreeResult } from './decode-job.ts';
import type { FoundObject, ObjectKind } from '../../core/types.ts';

/** Up to this many objects, a decode's items come printed and Inspect shows their cards; beyond, the overview table. */
export const PRINTED_UP_TO = 5;

/**
 * A text longer than this goes to the worker in parts, one message per task: copying 7 MB of text
 * into one message is a long task of the page's (~70 ms of CPU, several times that on a busy machine).
 */
export const TEXT_PART = 1 << 20;

export type DecodeRequest =
  /** `input` is what to decode; with `inParts`, the text sent before in 'part' messages of the same id. */
  | { id: number; op: 'decode'; input: string | Uint8Array | Blob; sourceName?: string; inParts?: true }
  /** A part of a long text, in order; its 'decode' request (same id) follows the last part. */
  | { id: number; op: 'part'; text: string }
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
