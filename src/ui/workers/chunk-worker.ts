/**
 * Starts Inspect's decode worker from the page's own chunks. The single-file build
 * (scripts/vite-single-file-chunks.ts) keeps every chunk compressed in the page; its loader hands
 * out a classic worker script made of the chunks the worker entry needs.
 *
 * Why a classic worker from a Blob URL: Chromium starts neither module workers from Blob URLs nor
 * workers from other files when the page is opened from file://. Why the page's own chunks and not
 * Vite's `?worker&inline`: that would carry the whole PKI core a second time.
 */
interface ChunkLoader {
  /** A Blob URL of a classic script that runs the named entry chunk; revoke it once the worker started. */
  workerUrl(entry: string): Promise<string>;
}

export async function startDecodeWorker(): Promise<Worker | undefined> {
  const loader = (globalThis as { __certbench?: ChunkLoader }).__certbench;
  // No loader: the dev server (plain ES modules) or jsdom; the caller decodes on the main thread.
  if (typeof Worker !== 'function' || !loader) return undefined;
  const url = await loader.workerUrl('worker.js');
  try {
    return new Worker(url, { name: 'certbench-decode' });
  } finally {
    // The worker has fetched its script by the time it runs; revoke later.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
