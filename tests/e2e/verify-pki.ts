/**
 * A small PKI made by openssl for the Verify tests (component and e2e): root → intermediate → leaf,
 * plus broken variants, a CN-only leaf and a foreign key. `openssl verify` on the same files is the
 * judge of every chain verdict.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LEAF_DNS = 'registry.docker-registry.svc.cluster.local';

export interface TestPki {
  dir: string;
  file: (name: string) => string;
  pem: (name: string) => string;
  /** `openssl verify` exit status 0? */
  opensslVerify: (opts: { ca: string; untrusted?: string; leaf: string; extra?: string[] }) => { ok: boolean; output: string };
}

const run = (args: string[], cwd: string) => execFileSync('openssl', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] }).toString();

/** Makes the files: root, int (CA:TRUE), leaf, int-noca (no basicConstraints), leaf-under-noca, leaf-otherkey, cn-only, foreign.key. */
export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-verify-'));
  const key = (name: string) => run(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${name}.key`], dir);
  const ext = (name: string, lines: string[]) => writeFileSync(join(dir, `${name}.ext`), `${lines.join('\n')}\n`);
  const csr = (name: string, subj: string) => run(['req', '-new', '-key', `${name}.key`, '-subj', subj, '-out', `${name}.csr`], dir);
  const sign = (name: string, ca: string, caKey: string, serial: string) =>
    run(['x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${caKey}.key`, '-set_serial', serial, '-days', '365', '-sha256', '-extfile', `${name}.ext`, '-out', `${name}.pem`], dir);

  key('root');
  run(['req', '-x509', '-new', '-key', 'root.key', '-subj', '/O=certbench test/CN=Test Root CA', '-days', '3650', '-sha256', '-out', 'root.pem',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);

  key('int');
  csr('int', '/O=certbench test/CN=Test Intermediate CA');
  ext('int', ['basicConstraints=critical,CA:TRUE,pathlen:0', 'keyUsage=critical,keyCertSign,cRLSign', 'subjectKeyIdentifier=hash', 'authorityKeyIdentifier=keyid']);
  sign('int', 'root', 'root', '0x1001');

  const leafExt = ['basicConstraints=critical,CA:FALSE', 'keyUsage=critical,digitalSignature', 'extendedKeyUsage=serverAuth',
    `subjectAltName=DNS:${LEAF_DNS},DNS:*.apps.example.test,IP:10.96.0.1,IP:::1`, 'subjectKeyIdentifier=hash', 'authorityKeyIdentifier=keyid'];
  key('leaf');
  csr('leaf', '/CN=registry');
  ext('leaf', leafExt);
  sign('leaf', 'int', 'int', '0x2001');

  // Broken link 1: an "intermediate" without basicConstraints CA:TRUE.
  key('int-noca');
  csr('int-noca', '/O=certbench test/CN=Not A CA Intermediate');
  ext('int-noca', ['keyUsage=critical,keyCertSign,cRLSign', 'subjectKeyIdentifier=hash', 'authorityKeyIdentifier=keyid']);
  sign('int-noca', 'root', 'root', '0x1002');
  key('leaf-under-noca');
  csr('leaf-under-noca', '/CN=under-noca');
  ext('leaf-under-noca', leafExt);
  sign('leaf-under-noca', 'int-noca', 'int-noca', '0x2002');

  // Broken link 2: a leaf naming the intermediate as issuer but signed by another key.
  // openssl will not sign with a key that is not the CA certificate's, so an impostor CA with the
  // intermediate's name signs it; only the real intermediate goes into the pile.
  key('impostor');
  run(['req', '-x509', '-new', '-key', 'impostor.key', '-subj', '/O=certbench test/CN=Test Intermediate CA', '-days', '365', '-out', 'impostor.pem',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'subjectKeyIdentifier=none'], dir);
  key('leaf-otherkey');
  csr('leaf-otherkey', '/CN=otherkey');
  ext('leaf-otherkey', leafExt.filter((l) => !l.startsWith('authorityKeyIdentifier')));
  sign('leaf-otherkey', 'impostor', 'impostor', '0x2003');

  // A leaf whose only name is its CN.
  key('cn-only');
  csr('cn-only', `/CN=${LEAF_DNS}`);
  ext('cn-only', ['basicConstraints=critical,CA:FALSE', 'extendedKeyUsage=serverAuth', 'subjectAltName=DNS:other.example.test']);
  sign('cn-only', 'int', 'int', '0x2004');

  key('foreign');

  const file = (name: string) => join(dir, name);
  return {
    dir,
    file,
    pem: (name) => readFileSync(file(name), 'utf8'),
    opensslVerify: ({ ca, untrusted, leaf, extra = [] }) => {
      const r = spawnSync('openssl', ['verify', '-CAfile', ca, ...(untrusted ? ['-untrusted', untrusted] : []), ...extra, leaf], { cwd: dir });
      return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
    },
  };
}
