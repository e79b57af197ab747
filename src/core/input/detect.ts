import type { DetectResult, FoundObject } from '../types.ts';
import { msg, render } from '../errors.ts';
import { asText, decodeBytes, decodeText } from './decode.ts';
import { decodeKubeText, looksLikeKube } from './kube-objects.ts';
import { addCaught, addProblem, NOTHING_RECOGNISABLE, newSink, type OnDecoded, type Sink } from './sink.ts';

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
    addCaught(sink, origin, e);
  }
  if (!sink.objects.length && !sink.problems.length) addProblem(sink, origin, NOTHING_RECOGNISABLE);
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
