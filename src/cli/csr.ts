// `certbench csr`: a new (or given) key and a CSR for it, as the Create view makes them.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildCsr } from '../core/csr/build.ts';
import { requestToCfssl } from '../core/csr/cfssl.ts';
import { requestToOpensslCommand } from '../core/csr/openssl-command.ts';
import type { CsrRequest, Usage } from '../core/csr/request.ts';
import { parseSubjectSlash } from '../core/csr/subject.ts';
import { CertbenchError } from '../core/errors.ts';
import { cliError } from './cli-error.ts';
import { exportPrivateKeyPem, type PrivateKeyExportFormat } from '../core/keys/export.ts';
import { generateKeyPair } from '../core/keys/generate.ts';
import { importPrivateKey } from '../core/keys/import.ts';
import { KEY_TYPES, describeKeyAlgorithm, type KeyType } from '../core/keys/key-types.ts';
import { commitAll, stageAll } from './files.ts';
import { readPassin } from './passin.ts';
import { registerCommand } from './registry.ts';

const USAGE = `usage: certbench csr --subject "/CN=…/O=…" [--san DNS:a --san IP:10.0.0.1 …]
                     [--key-type ${KEY_TYPES.join('|')}] [--usage server|client|peer]
                     [--key existing.key [--passin pass:…|env:VAR|file:PATH]]
                     --out-key server.key [--passout pass:…|env:VAR|file:PATH] [--key-format pkcs8|pkcs1|sec1]
                     [--out-csr server.csr] [--key-encipherment] [--show-commands]
Without --out-csr the CSR goes to stdout. --passout encrypts the new key (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC).
`;

const KEY_FORMATS: PrivateKeyExportFormat[] = ['pkcs8', 'pkcs1', 'sec1'];

registerCommand('csr', 'make a key and a certificate signing request', async (args, io) => {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        'key-type': { type: 'string' },
        subject: { type: 'string' },
        san: { type: 'string', multiple: true },
        usage: { type: 'string' },
        key: { type: 'string' },
        passin: { type: 'string' },
        'out-key': { type: 'string' },
        'out-csr': { type: 'string' },
        passout: { type: 'string' },
        'key-format': { type: 'string' },
        'key-encipherment': { type: 'boolean' },
        'show-commands': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    io.stderr(`certbench csr: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const keyTypeArg = values['key-type'];
  if (keyTypeArg !== undefined && !KEY_TYPES.includes(keyTypeArg as KeyType)) throw cliError(`"${keyTypeArg}" is not one of ${KEY_TYPES.join(', ')}`, '--key-type');
  const usage = values.usage ?? 'server';
  if (!['server', 'client', 'peer'].includes(usage)) throw cliError(`"${usage}" is not server, client or peer`, '--usage');
  const keyFormat = (values['key-format'] ?? 'pkcs8') as PrivateKeyExportFormat;
  if (!KEY_FORMATS.includes(keyFormat)) throw cliError(`"${keyFormat}" is not pkcs8, pkcs1 or sec1`, '--key-format');
  if (values.passout && keyFormat !== 'pkcs8') throw cliError('an encrypted key is always PKCS#8: drop --key-format or --passout', '--passout');
  if (!values.key && !values['out-key']) throw cliError('a new key needs somewhere to go: give --out-key FILE (or --key to use an existing key)');
  if (values.passin && !values.key) throw cliError('--passin is for --key', '--passin');
  if (values.key && values.key === values['out-key']) throw cliError('would overwrite the --key it reads', '--out-key');

  let keyPair: CryptoKeyPair;
  let keyType: KeyType;
  if (values.key) {
    const keyBytes = new Uint8Array(readFileSync(values.key));
    const imported = await importPrivateKey(keyBytes, { passphrase: values.passin ? await readPassin(values.passin) : undefined }).catch((e: unknown) => {
      throw e instanceof CertbenchError ? cliError(e.message, values.key) : e;
    });
    if (!imported.keyType) throw cliError(`${describeKeyAlgorithm(imported.algorithm)} is not a key type certbench makes CSRs with`, values.key);
    if (keyTypeArg && keyTypeArg !== imported.keyType) throw cliError(`the key is ${imported.keyType}, not ${keyTypeArg}`, '--key-type');
    keyPair = imported.keyPair;
    keyType = imported.keyType;
  } else {
    keyType = (keyTypeArg ?? 'ec-p256') as KeyType;
    keyPair = await generateKeyPair(keyType);
  }

  const request: CsrRequest = {
    subject: parseSubjectSlash(values.subject ?? ''),
    sans: values.san ?? [],
    usage: usage as Usage,
    keyType,
    keyEnciphermentAlways: values['key-encipherment'] ?? false,
  };
  const csr = await buildCsr(request, keyPair);

  let keyPem: string | undefined;
  if (values['out-key']) {
    const passphrase = values.passout ? await readPassin(values.passout, '--passout') : undefined;
    keyPem = await exportPrivateKeyPem(keyPair.privateKey, passphrase ? { format: 'encrypted-pkcs8', passphrase } : { format: keyFormat });
  }
  // Both are written to temporary files first (the key 0600, even over an existing file), then renamed into place.
  commitAll(stageAll([
    ...(values['out-key'] && keyPem ? [{ path: values['out-key'], data: keyPem, access: 'private' as const }] : []),
    ...(values['out-csr'] ? [{ path: values['out-csr'], data: csr.pem }] : []),
  ]));
  if (!values['out-csr']) io.stdout(csr.pem);

  if (values['out-csr']) io.stderr(`${values.key ? 'used' : 'made'} ${keyType} key${values['out-key'] ? ` → ${values['out-key']}` : ''}; CSR → ${values['out-csr']}\n`);
  if (values['show-commands']) {
    const files = { key: values['out-key'] ?? values.key ?? 'server.key', csr: values['out-csr'] ?? 'server.csr' };
    let cfssl: string;
    try {
      cfssl = JSON.stringify(requestToCfssl(request), null, 2);
    } catch (e) {
      cfssl = `(none: ${(e as Error).message})`;
    }
    let openssl: string;
    try {
      openssl = requestToOpensslCommand(request, files);
    } catch (e) {
      openssl = `# none: ${(e as Error).message}`;
    }
    io.stderr(`\n# the same with openssl\n${openssl}\n\n# the same with cfssl (cfssl genkey csr.json | cfssljson -bare server)\n${cfssl}\n`);
  }
  return 0;
});
