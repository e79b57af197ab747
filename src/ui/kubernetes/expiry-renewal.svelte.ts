/**
 * Renewing from the expiry table as `kubeadm certs renew` does: a certificate that a CA in this
 * browser's store issued (its inventory holds the same DER) is signed again by that CA with the same
 * subject, SANs, public key and profile, the profile's default validity and notBefore a few minutes
 * back, recorded in the inventory, put on the bench, and swapped in for the old one in the input.
 *
 * A CA whose key waits behind a passphrase is not unlocked here: the renewal is planned in the CA
 * area's sign form, which asks for the passphrase. The CA state is imported once the table has
 * certificates, so opening the Kubernetes area does not load the CA code.
 */
import { toHex } from '../../core/bytes.ts';
import type { IssuedCertificate } from '../../core/ca/index.ts';
import { commonNameOf } from '../../core/cert/name.ts';
import { errorText } from '../i18n/core-text.svelte.ts';
import { areaOf } from '../bench/next-steps.ts';
import type { CaCard, CaState } from '../ca/ca-state.svelte.ts';
import { fileBaseName } from '../shared/file-names.ts';

/** The CA in the store that issued a row's certificate, and the inventory row. */
interface IssuedHere {
  card: CaCard;
  entry: IssuedCertificate;
}

/** What a renewal did, shown on the renewed certificate's row. */
export interface Renewal {
  caName: string;
  oldSerial: string;
  newSerial: string;
  notAfter: Date;
  pem: string;
  fileName: string;
  /** Whether the new certificate took the old one's place in the input, or was added to the pasted text. */
  where: 'replaced' | 'added';
}

/** Puts the renewed certificate where the old one was in the input; says whether it could. */
type ReplaceInInput = (oldDer: Uint8Array, newPem: string) => Promise<'replaced' | 'added'>;

export class ExpiryRenewal {
  /** Renewals done here, by the renewed certificate (hex DER). */
  renewals = $state.raw<ReadonlyMap<string, Renewal>>(new Map());
  /** The certificate (hex DER) being renewed, or ''. */
  busy = $state('');
  /** Why the last renewal failed, by the certificate (hex DER). */
  errors = $state.raw<ReadonlyMap<string, string>>(new Map());
  #ca = $state.raw<CaState | undefined>(undefined);
  #loading: Promise<void> | undefined;
  readonly #replace: ReplaceInInput;

  constructor(replace: ReplaceInInput) {
    this.#replace = replace;
  }

  /** Every certificate the store's CAs issued (hex DER → CA and row); a CA with no key or a replaced certificate cannot renew. */
  #issued = $derived.by(() => {
    const index = new Map<string, IssuedHere>();
    for (const card of this.#ca?.cards ?? []) {
      if (!card.hasKey || card.refused) continue;
      for (const entry of card.inventory.entries) index.set(toHex(entry.der), { card, entry });
    }
    return index;
  });

  /** Reads the CA store (once per page; the shared CA state keeps itself current after that). */
  load(): Promise<void> {
    this.#loading ??= (async () => {
      const { sharedCaState } = await import('../ca/shared.svelte.ts');
      const ca = sharedCaState();
      if (ca.loading) await ca.refresh();
      this.#ca = ca;
    })();
    return this.#loading;
  }

  issuedHere(der: Uint8Array): IssuedHere | undefined {
    return this.#issued.get(toHex(der));
  }

  renewalOf(der: Uint8Array): Renewal | undefined {
    return this.renewals.get(toHex(der));
  }

  renewing(der: Uint8Array): boolean {
    return this.busy !== '' && this.busy === toHex(der);
  }

  errorFor(der: Uint8Array): string {
    return this.errors.get(toHex(der)) ?? '';
  }

  /** Whether a row has anything to show in the renewal column. */
  hasAction(der: Uint8Array): boolean {
    return !!this.issuedHere(der) || !!this.renewalOf(der);
  }

  /**
   * Renews in place with a CA that can sign now (a browser-held key, or unlocked this session);
   * a locked CA gets the renewal planned in its sign form instead, and the CA area opens.
   */
  async renew(der: Uint8Array): Promise<void> {
    const found = this.issuedHere(der);
    const ca = this.#ca;
    if (!found || !ca) return;
    const key = toHex(der);
    const { card, entry } = found;
    this.errors = withoutKey(this.errors, key);
    if (!card.unlocked) {
      try {
        await ca.sign.renew(card.id, entry.serialHex);
        const hash = `#${areaOf('ca.sign')}`;
        if (location.hash !== hash) location.hash = hash;
      } catch (e) {
        this.errors = new Map(this.errors).set(key, errorText(e));
      }
      return;
    }
    this.busy = key;
    try {
      const plan = await ca.store.planRenewal(card.id, entry.serialHex);
      const result = await ca.store.issue(card.id, plan);
      const firstDns = plan.subjectAltNames.flatMap((s) => (s.type === 'dns' ? [s.value] : []))[0];
      const fileName = `${fileBaseName(commonNameOf(plan.subject) ?? firstDns, 'certificate')}.crt`;
      const { putIssuedOnBench } = await import('../ca/issued-to-bench.ts');
      await putIssuedOnBench(result, card.summary?.title ?? card.name, fileName);
      await card.inventory.load();
      const renewal: Omit<Renewal, 'where'> = {
        caName: card.name,
        oldSerial: entry.serialHex,
        newSerial: result.entry.serialHex,
        notAfter: new Date(result.entry.notAfter),
        pem: result.pem,
        fileName,
      };
      const where = await this.#replace(der, result.pem);
      this.renewals = new Map(this.renewals).set(toHex(result.der), { ...renewal, where });
    } catch (e) {
      this.errors = new Map(this.errors).set(key, errorText(e));
    } finally {
      this.busy = '';
      ca.syncLocks();
    }
  }
}

function withoutKey<V>(map: ReadonlyMap<string, V>, key: string): ReadonlyMap<string, V> {
  if (!map.has(key)) return map;
  const out = new Map(map);
  out.delete(key);
  return out;
}
