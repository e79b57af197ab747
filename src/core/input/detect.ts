import type { DetectResult } from '../types.ts';
import { describeError } from '../errors.ts';
import { asText, decodeBytes, decodeText } from './decode.ts';
import { decodeKubeText, looksLikeKube } from './kube-objects.ts';
import { addProblem, NOTHING_RECOGNISABLE, newSink, type OnDecoded } from './sink.ts';

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
  const origin = sourceName ?? '';
  try {
    const text = typeof input === 'string' ? input.replace(/^\ufeff/, '') : asText(input);
    const ctx = { origin, inKube: false, depth: 0 };
    if (text === undefined) decodeBytes(input as Uint8Array, ctx, sink);
    else if (!text.trim()) addProblem(sink, origin, NOTHING_RECOGNISABLE);
    else if (!(looksLikeKube(text) && decodeKubeText(text, origin, sink))) decodeText(text, ctx, sink);
  } catch (e) {
    // Decoders report what they understand; anything else is still a message, never a throw.
    addProblem(sink, origin, describeError(e));
  }
  if (!sink.objects.length && !sink.problems.length) addProblem(sink, origin, NOTHING_RECOGNISABLE);
  return { objects: sink.objects, problems: sink.problems };
}
