/**
 * Saving text as a file: an `<a download>` of a Blob URL, which works from file:// in Chromium and
 * Firefox and sends nothing anywhere. The URL is revoked a minute later (revoking at once can cancel
 * the download in Firefox).
 */
export function downloadText(fileName: string, text: string, type = 'application/octet-stream'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
