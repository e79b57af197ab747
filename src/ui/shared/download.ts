/**
 * Saving text or bytes as a file: an `<a download>` of a Blob URL, which works from file:// in
 * Chromium and Firefox and sends nothing anywhere. The URL is revoked a minute later (revoking at
 * once can cancel the download in Firefox).
 */
import { textBytes } from '../../core/text/raw-bytes.ts';

function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Text as UTF-8, except the bytes OpenSSL's text keeps as they are (lone surrogates U+DC80–U+DCFF,
 * core/text/raw-bytes.ts), which are written as those bytes: a saved OpenSSL text is what openssl wrote.
 */
export function downloadText(fileName: string, text: string, type = 'application/octet-stream'): void {
  saveBlob(fileName, new Blob([textBytes(text)], { type }));
}

/** DER, zips and other binary files: bytes must not go through UTF-8. The copy detaches them from any larger buffer. */
export function downloadBytes(fileName: string, bytes: Uint8Array, type = 'application/octet-stream'): void {
  saveBlob(fileName, new Blob([bytes.slice()], { type }));
}
