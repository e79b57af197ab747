/** Reading a chosen or dropped file: as text when it is text, or as bytes. */

/** PEM, JSON and other text as text; anything else (DER) as bytes. */
export async function readTextOrDer(file: Blob): Promise<string | Uint8Array> {
  const bytes = await readFileBytes(file);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // eslint-disable-next-line no-control-regex
    if (!/[\x00-\x08\x0e-\x1f]/.test(text)) return text;
  } catch {
    // not UTF-8: binary
  }
  return bytes;
}

export async function readFileBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
