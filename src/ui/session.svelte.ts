/**
 * What one area hands to the next while the page is open: the last CSR made in Create (with its
 * private key) and the certificate the CA issued for it. In memory only: private keys never go to
 * storage here, and a reload forgets both. It lives at module level because App.svelte mounts one
 * area at a time, so no view outlives a switch.
 */
import { bytesEqual } from '../core/bytes.ts';
import { exportPrivateKeyPem } from '../core/keys/export.ts';
import { bench } from './bench/bench.svelte.ts';
import { benchEntryForDer } from './bench/from-object.ts';

interface SessionCsr {
  pem: string;
  der: Uint8Array;
  /** '' when the request has no CN. */
  commonName: string;
  /** The key Create holds (extractable: Create offers it for download). */
  privateKey: CryptoKey;
}

interface SessionIssued {
  /** The leaf alone. */
  certPem: string;
  /** Leaf, then the intermediates (no self-signed root): what tls.crt holds. */
  chainPem: string;
  /** The request it was issued for: always the session's current CSR (a new CSR drops the certificate). */
  csrDer: Uint8Array;
  /** The signing CA's certificate (and its chain), when the CA said: what ca.crt and certificate-authority-data hold. */
  caPem?: string;
}

export class Session {
  csr = $state.raw<SessionCsr | undefined>(undefined);
  issued = $state.raw<SessionIssued | undefined>(undefined);

  /** Create made a new request: it replaces the last one, and a certificate for the old one no longer matches its key. */
  recordCsr(csr: SessionCsr, files = { csr: 'request.csr', key: 'request.key' }): void {
    this.csr = csr;
    this.issued = undefined;
    void this.#putOnBench(csr, files);
  }

  /** The bench ids of what Create made last, so "Start over" takes them off the bench too. */
  #benchIds: number[] = [];

  async #putOnBench(csr: SessionCsr, files: { csr: string; key: string }): Promise<void> {
    const entry = await benchEntryForDer('csr', csr.der, 'created', { fileName: files.csr });
    if (!entry || this.csr !== csr) return;
    const key = bench.add({ kind: 'key', title: entry.title, detail: entry.detail, origin: 'created', privateKey: csr.privateKey, spkiPin: entry.spkiPin, fileName: files.key });
    this.#benchIds = [key.id, bench.add(entry).id];
  }

  /** Create dropped its key and CSR ("Start over"). */
  forgetCsr(): void {
    this.csr = undefined;
    this.issued = undefined;
    for (const id of this.#benchIds) bench.remove(id);
    this.#benchIds = [];
  }

  /** Whether this DER is the request Create made last. */
  isSessionCsr(der: Uint8Array): boolean {
    return !!this.csr && bytesEqual(this.csr.der, der);
  }

  /** The CA signed a request: kept only when it is the one Create made. */
  recordIssued(csrDer: Uint8Array, certPem: string, chainPem: string, caPem?: string): void {
    if (!this.isSessionCsr(csrDer)) return;
    this.issued = { certPem, chainPem, csrDer, ...(caPem ? { caPem } : {}) };
  }

  /** Create's private key as unencrypted PKCS#8 PEM (what tls.key and a kubeconfig hold). */
  async keyPem(): Promise<string> {
    const csr = this.csr;
    if (!csr) return '';
    return exportPrivateKeyPem(csr.privateKey, { format: 'pkcs8' });
  }
}

export const session = new Session();
