/**
 * The Hostname / IP section: does the leaf cover a name or an address? The core's matcher decides
 * (SANs only, RFC 6125 wildcards); this file asks it once per SAN to say which one matched, and
 * once with the CN standing in as a SAN to say when only the CN would have matched.
 */
import type { CoreMessage } from '../../core/errors.ts';
import { errorText } from '../i18n/core-text.svelte.ts';
import { parseIpAddress } from '../../core/cert/ip.ts';
import { generalNameSaid, type VerifyGeneralName } from '../../core/verify/general-names.ts';
import { matchPeerName, peerNameOf } from '../../core/verify/index.ts';
import { commonNames } from '../../core/verify/names.ts';
import { PemSource } from '../kubernetes/pem-source.svelte.ts';
import { leafCandidates, paramText, pileProblemsText, readPile, shownLabel, shownOrigin, type PileCert } from './pile.ts';
import { translator } from '../i18n/t.svelte.ts';
import * as verifyMessages from '../i18n/messages/verify.ts';

const t = translator(verifyMessages);

interface NameVerdict {
  name: string;
  kind: 'dns' | 'ip';
  ok: boolean;
  /** The SAN that matched, as OpenSSL prints it ("DNS:*.svc.cluster.local", "IP:10.96.0.1"). */
  matched?: string;
  /** Why not, in the core's words (worded in the interface language when shown). */
  said?: CoreMessage;
  /** The subject CN would match, but the CN is not used (Go ≥ 1.15, browsers). */
  cnOnly: boolean;
  /** Every SAN of the certificate, for the reader to see. */
  sans: string[];
  /** Which certificate of the input was checked. */
  certificate: string;
}

function cnAsSans(cns: string[]): VerifyGeneralName[] {
  return cns.map((cn) => {
    try {
      return { kind: 'ip', bytes: parseIpAddress(cn) } as const;
    } catch {
      return { kind: 'dns', value: cn } as const;
    }
  });
}

export class HostnameState {
  readonly cert = new PemSource();
  name = $state('');
  error = $state('');
  verdict = $state.raw<NameVerdict | undefined>(undefined);

  changed(): void {
    this.verdict = undefined;
    this.error = '';
  }

  /** Never throws. */
  check(): void {
    this.verdict = undefined;
    this.error = '';
    const name = this.name.trim();
    if (!name) {
      this.error = t('host.typeName');
      return;
    }
    const pile = readPile(this.cert.input, this.cert.fileName || 'certificate');
    const leaf: PileCert | undefined = leafCandidates(pile.certs)[0];
    if (!leaf) {
      this.error = pile.problems.length ? t('noCertificateFound', { problems: pileProblemsText(pile.problems) }) : t('host.pasteFirst');
      return;
    }
    try {
      const peer = peerNameOf(name);
      const sans = leaf.view.subjectAltNames?.names;
      const result = matchPeerName(peer, sans, leaf.view.subject);
      const matched = result.ok ? sans?.find((s) => matchPeerName(peer, [s], []).ok) : undefined;
      const cnOnly = !result.ok && matchPeerName(peer, cnAsSans(commonNames(leaf.view.subject)), []).ok;
      this.verdict = {
        name, kind: peer.kind === 'ip' ? 'ip' : 'dns', ok: result.ok, cnOnly,
        ...(matched ? { matched: paramText(generalNameSaid(matched)) } : {}),
        ...(result.said ? { said: result.said } : {}),
        sans: (sans ?? []).map((n) => paramText(generalNameSaid(n))),
        certificate: pile.certs.length > 1
          ? t('host.certificateOfMany', { label: shownLabel(leaf.view), origin: shownOrigin(leaf), count: pile.certs.length })
          : t('host.certificate', { label: shownLabel(leaf.view), origin: shownOrigin(leaf) }),
      };
    } catch (e) {
      this.error = errorText(e);
    }
  }
}
