/**
 * The About panel's self-check on documents made here: a script whose text hashes to a CSP source is
 * allowed, one that does not is named; the CSP's script-src is read as the browser reads it; a
 * SHA256SUMS line is found by file name in both of sha256sum's formats; of what the loader saw
 * fetched, only what left the file counts as a network request, and what the CSP refused is kept.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { allowedScriptHashes, checkScripts, fileSha256Hex, networkRequests, publishedHash } from '../../src/ui/about/self-check.ts';

const b64 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

function page(policy: string, scripts: string[]): Document {
  const doc = document.implementation.createHTMLDocument('t');
  const meta = doc.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = policy;
  doc.head.append(meta);
  for (const text of scripts) {
    const s = doc.createElement('script');
    s.textContent = text;
    doc.body.append(s);
  }
  // Data blocks are not scripts that run.
  const data = doc.createElement('script');
  data.type = 'application/json';
  data.textContent = '{}';
  doc.body.append(data);
  return doc;
}

describe('About self-check', () => {
  const shipped = 'console.log("shipped")';
  const policy = `default-src 'none'; script-src 'sha256-${b64(shipped)}' 'sha256-${b64('other()')}'; worker-src blob:`;

  it('reads the hashes of script-src only', () => {
    expect(allowedScriptHashes(page(policy, []))).toEqual([b64(shipped), b64('other()')]);
    expect(allowedScriptHashes(page("default-src 'none'", []))).toEqual([]);
  });

  it('allows a script whose SHA-256 the policy lists, and names one it does not', async () => {
    const r = await checkScripts(page(policy, [shipped, 'alert(1)']));
    expect(r.ran.map((s) => [s.hash, s.allowed])).toEqual([
      [b64(shipped), true],
      [b64('alert(1)'), false],
    ]);
  });

  it("hashes the chunks the loader ran, in the page or a worker, and says which ran in the worker", async () => {
    const scope = globalThis as { __certbench?: unknown };
    scope.__certbench = {
      ran: async () => [
        { name: 'main.js', text: shipped, page: true, worker: false },
        { name: 'worker.js', text: 'other()', page: false, worker: true },
        { name: 'core.js', text: 'tampered()', page: true, worker: true },
      ],
    };
    try {
      const r = await checkScripts(page(policy, []));
      expect(r.ran.map((s) => [s.name, s.allowed, s.worker])).toEqual([
        ['main.js', true, false],
        ['worker.js', true, true],
        ['core.js', false, true],
      ]);
    } finally {
      delete scope.__certbench;
    }
  });

  it('hashes a file as sha256sum does and finds its line in SHA256SUMS', async () => {
    const bytes = new TextEncoder().encode('certbench\n');
    const hex = createHash('sha256').update(bytes).digest('hex');
    await expect(fileSha256Hex(bytes.buffer)).resolves.toBe(hex);
    const sums = `${'0'.repeat(64)}  certbench-0.1.0.tgz\n${hex.toUpperCase()} *release/certbench-0.1.0.html\n`;
    expect(publishedHash(sums, 'certbench-0.1.0.html')).toBe(hex);
    expect(publishedHash(sums, 'certbench-0.2.0.html')).toBeUndefined();
  });

  it('counts as network requests only what the loader saw fetched from outside the file, and keeps what the CSP refused', () => {
    const refused = [{ directive: 'connect-src', url: 'https://example.invalid/x' }];
    // Chromium lists a refused request among the resources too; it was never sent.
    const loader = { requests: () => ({ fetched: ['file:///tmp/certbench.html', 'data:image/png;base64,AA', 'blob:null/1', 'https://example.invalid/x', 'http://10.0.0.1/a.js'], refused }) };
    expect(networkRequests(loader)).toEqual({ fetched: ['http://10.0.0.1/a.js'], refused });
    expect(networkRequests({ requests: () => ({ fetched: ['file:///x.html'], refused: [] }) })).toEqual({ fetched: [], refused: [] });
  });
});
