/** YAML and base64 as Kubernetes manifests want them: written by the `yaml` package, never by hand. */
import { stringify } from 'yaml';
import { toBase64 } from '../core/bytes.ts';

/** Block-style YAML with no line folding (base64 values stay on one line, as kubectl writes them). */
export function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, minContentWidth: 0 });
}

/** Base64 of text (a PEM) with no line breaks: what data fields and spec.request hold. */
export function base64OfText(text: string): string {
  return toBase64(new TextEncoder().encode(text));
}
