import type { DerNode } from '../der/node.ts';
import type { FoundObject, InputProblem } from '../types.ts';
import { errorMessage, msg, render, renderWhere, type LocatedMessage, type Where } from '../errors.ts';

/**
 * Called for each object as it is found, with the tree classification decoded it from, so a
 * caller can print it from that tree at once instead of decoding it again later. The object's
 * origin may still change (numbering) after the call; its kind and bytes do not.
 */
export type OnDecoded = (obj: FoundObject, tree: DerNode) => void;

/** Where decoders put what they find; origins are built with `joinOrigin`. */
export interface Sink {
  objects: FoundObject[];
  problems: InputProblem[];
  onDecoded?: OnDecoded;
  /**
   * How many runs of DER elements are being decoded: their objects are renamed ("certificate 2 of 3")
   * once the run's count is known, so no object found meanwhile has its final origin yet.
   */
  numbering?: number;
}

/**
 * A decoder's pause points: it yields after each object it finds, so that detection can hand over
 * what is final before decoding the rest (see detectObjects); run to the end, it is the plain decoder.
 */
export type Steps = Generator<void, void, void>;

/** Runs a decoder's steps to the end (where nothing is handed over before the end: Kubernetes values). */
export function runSteps(steps: Steps): void {
  for (let r = steps.next(); !r.done; r = steps.next());
}

export const newSink = (onDecoded?: OnDecoded): Sink => (onDecoded ? { objects: [], problems: [], onDecoded } : { objects: [], problems: [] });

/** "Secret x › data.tls.crt › certificate 2 of 3": empty parts are dropped. */
export function joinOrigin(...parts: (string | undefined)[]): string {
  return parts.filter((p) => p).join(' › ');
}

/**
 * A problem as a message (the English `message` is what the CLI prints; the UI words `said`). Its
 * place is a string (a file name, "base64") or a Where with words ("block 2"): the UI words `originSaid`.
 */
export function addProblem(sink: Sink, origin: Where, said: LocatedMessage): void {
  const place: Where = origin === '' ? msg('where.input') : origin;
  const text = typeof place === 'string' ? place : renderWhere(place);
  sink.problems.push({ origin: text, message: render(said), said, ...(typeof place === 'string' ? {} : { originSaid: place }) });
}

/** A caught error as a problem of `origin` (for callers outside the decoders: files that cannot be read). */
export function caughtProblem(origin: string, e: unknown): InputProblem {
  const said = errorMessage(e);
  return { origin, message: render(said), said };
}

/** A caught error as a problem: a CertbenchError keeps its id, anything else its own text. */
export function addCaught(sink: Sink, origin: Where, e: unknown): void {
  addProblem(sink, origin, errorMessage(e));
}

export const NOTHING_RECOGNISABLE = msg('input.nothingRecognisable');
