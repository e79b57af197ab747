import type { AsnType } from 'asn1js';
import type { FoundObject, InputProblem } from '../types.ts';

/**
 * Called for each object as it is found, with the asn1js tree classification decoded it from, so a
 * caller can print it from that tree at once instead of decoding it again later. The object's
 * origin may still change (numbering) after the call; its kind and bytes do not.
 */
export type OnDecoded = (obj: FoundObject, tree: AsnType) => void;

/** Where decoders put what they find; origins are built with `joinOrigin`. */
export interface Sink {
  objects: FoundObject[];
  problems: InputProblem[];
  onDecoded?: OnDecoded;
}

export const newSink = (onDecoded?: OnDecoded): Sink => (onDecoded ? { objects: [], problems: [], onDecoded } : { objects: [], problems: [] });

/** "Secret x › data.tls.crt › certificate 2 of 3": empty parts are dropped. */
export function joinOrigin(...parts: (string | undefined)[]): string {
  return parts.filter((p) => p).join(' › ');
}

export function addProblem(sink: Sink, origin: string, message: string): void {
  sink.problems.push({ origin: origin || 'input', message });
}

export const NOTHING_RECOGNISABLE = 'nothing recognisable: paste PEM, DER, base64 or a Kubernetes Secret/CSR/kubeconfig';
