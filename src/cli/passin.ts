import { readFile } from 'node:fs/promises';
import { cliError } from './cli-error.ts';

/**
 * OpenSSL's pass phrase forms: `pass:SECRET`, `env:VAR`, `file:PATH` (first line). `flag` names the
 * option in messages. A value in none of these forms is never repeated: it may be the passphrase.
 */
export async function readPassin(spec: string, flag = '--passin'): Promise<string> {
  const colon = spec.indexOf(':');
  const scheme = colon < 0 ? '' : spec.slice(0, colon);
  const rest = spec.slice(colon + 1);
  switch (scheme) {
    case 'pass':
      return rest;
    case 'env': {
      const v = process.env[rest];
      if (v === undefined) throw cliError(`${flag} env:${rest}: the environment variable is not set`);
      return v;
    }
    case 'file': {
      const text = await readFile(rest, 'utf8').catch((e: NodeJS.ErrnoException) => {
        throw cliError(`${flag} file:${rest}: ${e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'permission denied' : 'cannot be read'}`);
      });
      return text.split(/\r?\n/)[0]!;
    }
    default:
      throw cliError(`${flag}: use pass:SECRET, env:VAR or file:PATH (the value given starts with none of these; it is not shown, in case it is the passphrase itself)`);
  }
}
