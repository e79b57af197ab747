/**
 * Saving bytes (DER) as a file, the same way src/ui/create/download.ts saves text: an `<a download>`
 * of a Blob URL, revoked a minute later. (download.ts takes text only; DER must not go through UTF-8.)
 */
export function downloadBytes(fileName: string, bytes: Uint8Array, type = 'application/pkix-cert'): void {
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
