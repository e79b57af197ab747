/**
 * What the About panel checks in the running page, with nothing but the page itself: that every
 * script that ran is one the Content-Security-Policy allows by hash, and that nothing was fetched
 * from a network since it opened. The CSP already enforces the first; this makes it visible.
 */

/** The loader's record of the chunks it ran and of the page's requests (scripts/single-file-boot.js). */
interface Loader {
  /** Each chunk run in the page (`page`) or handed to a worker (`worker`), with its text. */
  ran?: () => Promise<{ name: string; text: string; page?: boolean; worker?: boolean }[]>;
  requests?: () => { fetched: string[]; refused: { directive: string; url: string }[] };
}

export interface ScriptCheck {
  /** Script hashes the page's CSP allows ('sha256-…' sources); empty without a CSP (running from source). */
  allowed: string[];
  /** `worker`: the chunk also runs in a worker the page started from a blob: URL (see scripts/single-file-boot.js). */
  ran: { name: string; hash: string; allowed: boolean; worker: boolean }[];
}

async function sha256Base64(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...digest));
}

export function allowedScriptHashes(doc: Document = document): string[] {
  const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
  const scriptSrc = csp.split(';').map((d) => d.trim().split(/\s+/)).find((d) => d[0] === 'script-src') ?? [];
  return scriptSrc.slice(1).filter((s) => /^'sha256-[A-Za-z0-9+/=]+'$/.test(s)).map((s) => s.slice(8, -1));
}

export async function checkScripts(doc: Document = document): Promise<ScriptCheck> {
  const allowed = allowedScriptHashes(doc);
  const set = new Set(allowed);
  // Parser-run scripts still in the page (the loader), and the chunks the loader ran (their elements are removed once run).
  const inline = [...doc.querySelectorAll('script')]
    .filter((s) => !s.type || s.type === 'text/javascript' || s.type === 'module')
    .map((s, i) => ({ name: s.src || `inline script ${i + 1}`, text: s.textContent ?? '' }));
  const loader = (globalThis as { __certbench?: Loader }).__certbench;
  const chunks = loader?.ran ? await loader.ran() : [];
  const ran = await Promise.all(
    [...inline, ...chunks].map(async (script) => {
      const hash = await sha256Base64(script.text);
      return { name: script.name, hash, allowed: set.has(hash), worker: 'worker' in script && script.worker === true };
    }),
  );
  return { allowed, ran };
}

interface NetworkCheck {
  /** URLs the page fetched from anything but the file itself and in-page data (file:, data:, blob:, about:). */
  fetched: string[];
  /** What the Content-Security-Policy refused (each an attempt that was stopped, not a request made). */
  refused: { directive: string; url: string }[];
}

const local = (url: string) => /^(file|data|blob|about):/i.test(url);

/**
 * What went to the network since the page opened: the loader watches from its first line
 * (scripts/single-file-boot.js); from source there is no loader, and the resource timing buffer is
 * all there is.
 */
export function networkRequests(loader: Loader | undefined = (globalThis as { __certbench?: Loader }).__certbench): NetworkCheck {
  const seen = loader?.requests?.() ?? {
    fetched: typeof performance === 'undefined' ? [] : performance.getEntriesByType('resource').map((e) => e.name),
    refused: [],
  };
  // Chromium keeps a resource entry for a request the policy refused, though nothing was sent: the
  // page's policy is fixed, so a URL it refused once was never fetched.
  const refusedUrls = new Set(seen.refused.map((r) => r.url));
  return { fetched: seen.fetched.filter((url) => !local(url) && !refusedUrls.has(url)), refused: seen.refused };
}

/** SHA-256 of a file's bytes, lower-case hex, as `sha256sum` prints it. */
export async function fileSha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The hash a SHA256SUMS text gives for `fileName` (`HASH  NAME` or `HASH *NAME`), if it lists it. */
export function publishedHash(sums: string, fileName: string): string | undefined {
  for (const line of sums.split(/\r?\n/)) {
    const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line.trim());
    if (m && m[2].split('/').pop() === fileName) return m[1].toLowerCase();
  }
  return undefined;
}
