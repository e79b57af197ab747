import { readFile } from 'node:fs/promises';
import { CertbenchError } from '../core/errors.ts';

/** OpenSSL's `-passin` forms: `pass:SECRET`, `env:VAR`, `file:PATH` (first line). */
export async function readPassin(spec: string): Promise<string> {
  const colon = spec.indexOf(':');
  const scheme = colon < 0 ? '' : spec.slice(0, colon);
  const rest = spec.slice(colon + 1);
  switch (scheme) {
    case 'pass':
      return rest;
    case 'env': {
      const v = process.env[rest];
      if (v === undefined) throw new CertbenchError(`--passin env:${rest}: the environment variable is not set`);
      return v;
    }
    case 'file': {
      const text = await readFile(rest, 'utf8').catch((e: NodeJS.ErrnoException) => {
        throw new CertbenchError(`--passin file:${rest}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
      });
      return text.split(/\r?\n/)[0]!;
    }
    default:
      throw new CertbenchError(`--passin ${spec}: use pass:SECRET, env:VAR or file:PATH`);
  }
}
