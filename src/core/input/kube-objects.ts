import { parseAllDocuments } from 'yaml';
import { errorMessage, msg, type LocatedMessage } from '../errors.ts';
import { decodeBase64Text } from './base64.ts';
import { decodeBytes, decodeText } from './decode.ts';
import { hasPemMarker } from './pem.ts';
import { addProblem, joinOrigin, newSink, runSteps, type Sink } from './sink.ts';

type Obj = Record<string, unknown>;

const KUBE_KEYS = /^(apiVersion|kind|clusters|users|data|stringData|items)\s*:/m;
const KUBE_JSON_KEYS = /"(apiVersion|kind|clusters|users|data|stringData|items)"\s*:/;

/** A cheap look before parsing: YAML/JSON with the top-level keys Kubernetes objects have. */
export function looksLikeKube(text: string): boolean {
  const t = text.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) return KUBE_JSON_KEYS.test(t);
  return KUBE_KEYS.test(text);
}

/**
 * Decodes Secrets (data, stringData), ConfigMaps (data, binaryData), CertificateSigningRequests,
 * kubeconfigs, `kind: List` and multi-document YAML. Returns false when the text is not
 * Kubernetes YAML/JSON after all, so the caller can read it as PEM or base64 instead.
 */
export function decodeKubeText(text: string, origin: string, sink: Sink): boolean {
  const values: unknown[] = [];
  const yamlProblems: LocatedMessage[] = [];
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false });
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if (doc.errors.length) {
      const err = doc.errors[0]!;
      const line = err.linePos?.[0]?.line;
      yamlProblems.push(line ? msg('input.yamlAtLine', { reason: err.message.split('\n')[0]!, line }) : msg('input.yaml', { reason: err.message.split('\n')[0]! }));
      continue;
    }
    try {
      values.push(doc.toJS({ maxAliasCount: 50 }));
    } catch (e) {
      yamlProblems.push(msg('input.yaml', { reason: errorMessage(e) }));
    }
  }
  const local = newSink();
  for (const v of values) walk(v, origin, local);
  if (!local.objects.length && !local.problems.length) {
    if (!yamlProblems.length || hasPemMarker(text)) return false;
  }
  for (const p of yamlProblems) addProblem(local, origin, p);
  sink.objects.push(...local.objects);
  sink.problems.push(...local.problems);
  return true;
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function nameOf(o: Obj): string {
  const meta = isObj(o.metadata) ? o.metadata : {};
  return typeof meta.name === 'string' ? meta.name : '(unnamed)';
}

function walk(v: unknown, origin: string, sink: Sink): void {
  if (Array.isArray(v)) return v.forEach((item) => walk(item, origin, sink));
  if (!isObj(v)) return;
  const kind = typeof v.kind === 'string' ? v.kind : undefined;
  if (Array.isArray(v.items) && (!kind || kind === 'List' || kind.endsWith('List'))) return walk(v.items, origin, sink);
  if (kind === 'Secret') return secret(v, origin, sink);
  if (kind === 'ConfigMap') return configMap(v, origin, sink);
  if (kind === 'CertificateSigningRequest') return csr(v, origin, sink);
  if (kind === 'Config' || Array.isArray(v.clusters) || Array.isArray(v.users)) return kubeconfig(v, origin, sink);
  other(v, kind, origin, sink);
}

/** Keys whose values must hold a certificate or key; other keys (token, namespace) are skipped quietly. */
const CERT_KEY = /(\.(crt|cert|pem|key|csr|cer|der|p7b|p7c|crl)|^ca-bundle|^certificate|^request)$/i;

/**
 * Decodes one value into `sink`. Values of keys that need not hold a certificate only count when
 * they do (a random token may happen to be valid DER), and their problems are not reported.
 */
function value(raw: unknown, base64: boolean, origin: string, mustHold: boolean, sink: Sink): void {
  if (typeof raw !== 'string' || !raw.trim()) return;
  const local = newSink();
  const ctx = { origin, inKube: true, depth: 1 };
  if (base64) {
    let bytes: Uint8Array | undefined;
    try {
      bytes = decodeBase64Text(raw);
    } catch (e) {
      if (mustHold) addProblem(sink, origin, msg('input.dataNotBase64', { reason: errorMessage(e) }));
      return;
    }
    runSteps(decodeBytes(bytes, ctx, local));
  } else {
    runSteps(decodeText(raw, ctx, local));
  }
  const found = local.objects.filter((o) => mustHold || o.kind !== 'unknown-der');
  sink.objects.push(...found);
  if (mustHold || found.length) sink.problems.push(...local.problems);
}

function entries(v: unknown): [string, unknown][] {
  return isObj(v) ? Object.entries(v) : [];
}

function secret(o: Obj, origin: string, sink: Sink): void {
  const name = joinOrigin(origin, `Secret ${nameOf(o)}`);
  const local = newSink();
  for (const [k, raw] of entries(o.data)) value(raw, true, joinOrigin(name, `data.${k}`), CERT_KEY.test(k), local);
  for (const [k, raw] of entries(o.stringData)) value(raw, false, joinOrigin(name, `stringData.${k}`), CERT_KEY.test(k), local);
  finish(local, sink, name, msg('input.nothingInSecret'));
}

function configMap(o: Obj, origin: string, sink: Sink): void {
  const name = joinOrigin(origin, `ConfigMap ${nameOf(o)}`);
  const local = newSink();
  for (const [k, raw] of entries(o.data)) value(raw, false, joinOrigin(name, `data.${k}`), CERT_KEY.test(k), local);
  for (const [k, raw] of entries(o.binaryData)) value(raw, true, joinOrigin(name, `binaryData.${k}`), CERT_KEY.test(k), local);
  finish(local, sink, name, msg('input.nothingInConfigMap'));
}

function csr(o: Obj, origin: string, sink: Sink): void {
  const name = joinOrigin(origin, `CertificateSigningRequest ${nameOf(o)}`);
  const local = newSink();
  if (o.apiVersion === 'certificates.k8s.io/v1beta1') {
    addProblem(local, name, msg('input.csrV1beta1'));
  }
  const spec = isObj(o.spec) ? o.spec : {};
  const status = isObj(o.status) ? o.status : {};
  value(spec.request, true, joinOrigin(name, 'spec.request'), true, local);
  value(status.certificate, true, joinOrigin(name, 'status.certificate'), true, local);
  finish(local, sink, name, msg('input.nothingInCsr'));
}

function kubeconfig(o: Obj, origin: string, sink: Sink): void {
  const name = joinOrigin(origin, 'kubeconfig');
  const local = newSink();
  for (const c of Array.isArray(o.clusters) ? o.clusters : []) {
    if (!isObj(c) || !isObj(c.cluster)) continue;
    const where = joinOrigin(name, `cluster ${typeof c.name === 'string' ? c.name : '(unnamed)'}`);
    value(c.cluster['certificate-authority-data'], true, joinOrigin(where, 'certificate-authority-data'), true, local);
  }
  for (const u of Array.isArray(o.users) ? o.users : []) {
    if (!isObj(u) || !isObj(u.user)) continue;
    const where = joinOrigin(name, `user ${typeof u.name === 'string' ? u.name : '(unnamed)'}`);
    for (const field of ['client-certificate-data', 'client-key-data']) {
      value(u.user[field], true, joinOrigin(where, field), true, local);
    }
  }
  finish(local, sink, name, msg('input.nothingInKubeconfig'));
}

/** Any other object: every string holding PEM, named by its path. */
function other(o: Obj, kind: string | undefined, origin: string, sink: Sink): void {
  const name = joinOrigin(origin, kind ? `${kind} ${nameOf(o)}` : '');
  const local = newSink();
  const visit = (v: unknown, path: string, depth: number): void => {
    if (depth > 32) return;
    if (typeof v === 'string') {
      if (hasPemMarker(v)) value(v, false, joinOrigin(name, path), true, local);
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => visit(x, `${path}[${i}]`, depth + 1));
    } else if (isObj(v)) {
      for (const [k, x] of Object.entries(v)) visit(x, path ? `${path}.${k}` : k, depth + 1);
    }
  };
  visit(o, '', 0);
  if (kind) finish(local, sink, name, msg('input.nothingInKube'));
  else merge(local, sink);
}

function finish(local: Sink, sink: Sink, name: string, nothingMessage: LocatedMessage): void {
  if (!local.objects.length && !local.problems.length) addProblem(local, name, nothingMessage);
  merge(local, sink);
}

function merge(local: Sink, sink: Sink): void {
  sink.objects.push(...local.objects);
  sink.problems.push(...local.problems);
}
