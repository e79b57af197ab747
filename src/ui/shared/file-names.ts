/** File names for what the app hands out, from a name in the object: `registry.example.com.csr`, `system-node-NAME.key`. */

const MAX_BASE = 64;

/** A safe file base name: letters, digits, dot, hyphen, underscore; a wildcard becomes "wildcard". */
export function fileBaseName(name: string | undefined, fallback = 'server'): string {
  const base = (name ?? '')
    .trim()
    .replace(/^\*\./, 'wildcard.')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, MAX_BASE)
    .replace(/[.-]+$/, '');
  return base === '' ? fallback : base;
}

/**
 * The file base for what Create makes: a preset's short name when the form came from one (lab 1's
 * commands use registry.key), else from the CN, else from the first DNS SAN.
 */
export function createdFileBase(preset: { fileBase: string } | undefined, commonName: string | undefined, firstDnsName: string | undefined): string {
  return preset ? fileBaseName(preset.fileBase) : fileBaseName(commonName ?? firstDnsName);
}

export interface OutputFileNames {
  csr: string;
  key: string;
  publicKey: string;
  text: string;
  cfssl: string;
}

export function outputFileNames(base: string): OutputFileNames {
  return { csr: `${base}.csr`, key: `${base}.key`, publicKey: `${base}.pub.pem`, text: `${base}.csr.txt`, cfssl: `${base}-csr.json` };
}
