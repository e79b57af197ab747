/**
 * The bench's PEM texts as writePkcs12 takes them: the leaf, then its intermediates and the CA that
 * signed it (each once), and the key as PKCS#8.
 */
import { bytesEqual } from '../../core/bytes.ts';
import { detectInput } from '../../core/input/detect.ts';
import { importPrivateKey } from '../../core/keys/import.ts';
import { writePkcs12 } from '../../core/pkcs12/write.ts';

interface BenchP12Parts {
  /** The certificate, possibly followed by its intermediates. */
  certificatePem: string;
  keyPem: string;
  caPem?: string;
  friendlyName?: string;
  passphrase: string;
  legacy: boolean;
}

const certificatesIn = (pem: string | undefined) => (pem ? detectInput(pem).objects.filter((o) => o.kind === 'certificate').map((o) => o.der) : []);

export async function pkcs12FromBench(parts: BenchP12Parts): Promise<Uint8Array> {
  const [certificate, ...chain] = certificatesIn(parts.certificatePem);
  if (!certificate) throw new Error('no certificate in what the bench holds');
  for (const ca of certificatesIn(parts.caPem)) if (!bytesEqual(ca, certificate) && !chain.some((c) => bytesEqual(c, ca))) chain.push(ca);
  const key = await importPrivateKey(parts.keyPem);
  return writePkcs12({ certificate, key: key.pkcs8, chain, friendlyName: parts.friendlyName, passphrase: parts.passphrase, legacy: parts.legacy });
}
