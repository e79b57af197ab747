import type { DerNode } from '../der/node.ts';
import type { DetectResult, FoundObject } from '../types.ts';
import { msg, render } from '../errors.ts';
import { asText, decodeBytes, decodeText } from './decode.ts';
import { decodeKubeText, looksLikeKube } from './kube-objects.ts';
import { addCaught, addProblem, NOTHING_RECOGNISABLE, newSink, runSteps, type OnDecoded, type Sink, type Steps } from './sink.ts';

/**
 * Finds every object in what a person pasted or dropped: PEM blocks (any number, any label,
 * text around them), DER, bare base64 (also base64 of a PEM), hex, and Kubernetes objects
 * (Secret, CertificateSigningRequest, kubeconfig, ConfigMap) as YAML or JSON.
 * Never throws: what cannot be decoded becomes an InputProblem that says what and where.
 * `sourceName` (a file name) prefixes origins when given; `onDecoded` sees each object with its
 * decoded tree as it is found.
 */
export function detectInput(input: string | Uint8Array, sourceName?: string, onDecoded?: OnDecoded): DetectResult {
  const sink = newSink(onDecoded);
  runSteps(detectSteps(input, sourceName, sink));
  return settle(sink, sourceName);
}

/** An object detectObjects hands over: its origin is final; `tree` is its DER as detection decoded it (when it did). */
export interface Detected {
  obj: FoundObject;
  tree?: DerNode;
}

/**
 * Trees kept for objects found but not handed over yet (a run of DER elements waits for its count);
 * past this many, the rest are handed over without one and decoded again by whoever needs it.
 */
const HELD_TREES = 64;

/**
 * detectInput, handing each object over as soon as its origin is final, in input order: a PEM
 * block's object at once, a run of DER elements once it is counted ("certificate 2 of 3"), curve or
 * DSA parameters (and what follows them) at the end, when it is known whether they are set aside.
 * Returns the problems, and every object again, once the input is read.
 */
export function* detectObjects(input: string | Uint8Array, sourceName?: string): Generator<Detected, DetectResult, void> {
  const trees = new Map<FoundObject, DerNode>();
  const sink = newSink((obj, tree) => void (trees.size < HELD_TREES && trees.set(obj, tree)));
  let handed = 0;
  const handOver = (obj: FoundObject): Detected => {
    const tree = trees.get(obj);
    trees.delete(obj);
    return tree ? { obj, tree } : { obj };
  };
  for (const _ of detectSteps(input, sourceName, sink)) {
    if (sink.numbering) continue;
    for (let obj; (obj = sink.objects[handed]) && obj.kind !== 'parameters'; handed++) yield handOver(obj);
  }
  const result = settle(sink, sourceName);
  // Setting parameters aside removed none of the objects handed over (they all came before the first).
  for (const obj of result.objects.slice(handed)) yield handOver(obj);
  return result;
}

function* detectSteps(input: string | Uint8Array, sourceName: string | undefined, sink: Sink): Steps {
  const origin = sourceName ?? '';
  try {
    const text = typeof input === 'string' ? input.replace(/^\ufeff/, '') : asText(input);
    const ctx = { origin, inKube: false, depth: 0 };
    if (text === undefined) yield* decodeBytes(input as Uint8Array, ctx, sink);
    else if (!text.trim()) addProblem(sink, origin, NOTHING_RECOGNISABLE);
    else if (!(looksLikeKube(text) && decodeKubeText(text, origin, sink))) yield* decodeText(text, ctx, sink);
  } catch (e) {
    // Decoders report what they understand; anything else is still a message, never a throw.
    addCaught(sink, origin, e);
  }
}

/** What detection found, once the input is read: nothing at all is a problem; parameters beside a key are set aside. */
function settle(sink: Sink, sourceName: string | undefined): DetectResult {
  if (!sink.objects.length && !sink.problems.length) addProblem(sink, sourceName ?? '', NOTHING_RECOGNISABLE);
  setParametersAside(sink);
  return { objects: sink.objects, problems: sink.problems };
}

/**
 * `openssl ecparam -genkey` and `dsaparam -genkey` write the domain parameters before the key in
 * one file, and openssl pkey reads past them. Beside another object they are set aside with a
 * note; alone they are printed as openssl pkeyparam prints them.
 */

function setParametersAside(sink: Sink): void {
  const isParameters = (o: FoundObject) => o.kind === 'parameters';
  const aside = sink.objects.filter(isParameters);
  if (!aside.length || aside.length === sink.objects.length) return;
  sink.objects = sink.objects.filter((o) => !isParameters(o));
  // Their shape notes ("DSA or DH parameters, not a key") are said by the note below instead.
  const where = new Set(aside.map((o) => o.origin.replace(/ \([^)]*\)$/, '')));
  sink.problems = sink.problems.filter((p) => !where.has(p.origin));
  for (const o of aside) {
    const said = msg('input.parametersSkipped', { label: o.pemLabel ?? '' });
    sink.problems.push({ origin: o.origin, ...(o.originSaid ? { originSaid: o.originSaid } : {}), message: render(said), said, skipped: true });
  }
}
