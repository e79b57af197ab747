/**
 * Saving bytes (a zip) as a file, the binary twin of create/download.ts's downloadText: an
 * `<a download>` of a Blob URL, revoked a minute later (revoking at once can cancel it in Firefox).
 */
export function downloadBytes(fileName: string, bytes: Uint8Array, type = 'application/octet-stream'): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
