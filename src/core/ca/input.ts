/** Reading a DER object that may come as PEM text or raw bytes (files, pastes). */
import { CertbenchError, msg, type Where } from '../errors.ts';
import { wherePath } from '../messages/index.ts';
import { decodeBase64Lines } from '../input/base64.ts';
import { findPemBlocks } from '../input/pem.ts';

/**
 * The DER of the first PEM block whose label is one of `labels`, or the bytes themselves when they
 * are DER already (start with a SEQUENCE tag). `what` names the input in messages.
 */
export function derFromInput(input: string | Uint8Array, labels: readonly string[], what: Where): Uint8Array {
  if (input instanceof Uint8Array && input[0] === 0x30) return input;
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  const blocks = findPemBlocks(text);
  const block = blocks.find((b) => labels.includes(b.label));
  if (!block) {
    const seen = blocks.map((b) => b.label).join(', ');
    throw seen ? new CertbenchError('input.noLabelFoundSaw', { label: labels[0]!, seen }, what) : new CertbenchError('input.noLabelFound', { label: labels[0]! }, what);
  }
  if (block.error) throw CertbenchError.of(block.error, what);
  try {
    return decodeBase64Lines(block.body);
  } catch (e) {
    throw CertbenchError.wrap(e, [...wherePath(what), msg('where.pemBlock', { index: block.index })]);
  }
}

/** Every certificate in a PEM bundle, in order. */
export function certificatesFromPem(text: string, what: Where): Uint8Array[] {
  return findPemBlocks(text)
    .filter((b) => b.label === 'CERTIFICATE' || b.label === 'X509 CERTIFICATE' || b.label === 'TRUSTED CERTIFICATE')
    .map((b) => {
      if (b.error) throw CertbenchError.of(b.error, what);
      return decodeBase64Lines(b.body);
    });
}
