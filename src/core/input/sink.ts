import type { FoundObject, InputProblem } from '../types.ts';

/** Where decoders put what they find; origins are built with `joinOrigin`. */
export interface Sink {
  objects: FoundObject[];
  problems: InputProblem[];
}

export const newSink = (): Sink => ({ objects: [], problems: [] });

/** "Secret x › data.tls.crt › certificate 2 of 3": empty parts are dropped. */
export function joinOrigin(...parts: (string | undefined)[]): string {
  return parts.filter((p) => p).join(' › ');
}

export function addProblem(sink: Sink, origin: string, message: string): void {
  sink.problems.push({ origin: origin || 'input', message });
}

export const NOTHING_RECOGNISABLE = 'nothing recognisable: paste PEM, DER, base64 or a Kubernetes Secret/CSR/kubeconfig';
