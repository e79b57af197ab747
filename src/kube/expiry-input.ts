/** Everything the expiry check reads, from files: PEM/DER, Secret and kubeconfig YAML, and zips of a pki folder. */
import { errorMessage, render } from '../core/errors.ts';
import { detectInput } from '../core/input/detect.ts';
import type { DetectResult } from '../core/types.ts';
import { isZip, unzipFiles } from './cluster-pki/zip.ts';

/** Detects objects in each file; a zip's entries are labelled by their path inside it. */
export function detectFiles(files: readonly { name: string; bytes: Uint8Array }[]): DetectResult {
  const result: DetectResult = { objects: [], problems: [] };
  const add = (bytes: Uint8Array, name: string) => {
    const r = detectInput(bytes, name);
    result.objects.push(...r.objects);
    result.problems.push(...r.problems);
  };
  for (const f of files) {
    if (!isZip(f.bytes)) {
      add(f.bytes, f.name);
      continue;
    }
    try {
      for (const [path, bytes] of unzipFiles(f.bytes, f.name)) add(bytes, path);
    } catch (e) {
      const said = errorMessage(e);
      result.problems.push({ origin: f.name, message: render(said), said });
    }
  }
  return result;
}
