/**
 * Signing a CSR from the bench in one step, as `cfssl gencert -ca` does: the CA signs with the plan
 * the request asks for (its profile by requested EKU, the profile's validity, notBefore backdated),
 * through the same SignState as the CA area's form, so the issuance is recorded, sealed and put on
 * the bench like any other. The form stays the place to change the plan; this is its default.
 */
import { DEFAULT_CA_SUBJECT } from '../../core/ca/index.ts';
import { bytesEqual } from '../../core/bytes.ts';
import { bench, type BenchItem } from '../bench/bench.svelte.ts';
import type { CaCard } from './ca-state.svelte.ts';
import { sharedCaState } from './shared.svelte.ts';
import { SignState } from './sign-state.svelte.ts';
import { uiError } from '../i18n/core-text.svelte.ts';
import { translator } from '../i18n/t.svelte.ts';
import * as signMessages from '../i18n/messages/ca-sign.ts';

const t = translator(signMessages);

export interface QuickSigned {
  /** The new certificate on the bench. */
  item: BenchItem;
  caName: string;
  profile: string;
  /** Why that profile, in the interface's language. */
  reason: string;
  notAfter: Date;
  /** Set when the CA was made for this signature. */
  madeCa: boolean;
}

/** The CA store, read once for this page (the CA area shares it). */
export async function loadedCaState() {
  const ca = sharedCaState();
  if (ca.loading) await ca.refresh();
  return ca;
}

/** The CAs that can sign right now, without a passphrase: browser-held keys, and passphrase keys unlocked this session. */
export function usableCas(cards: readonly CaCard[]): CaCard[] {
  return cards.filter((c) => c.hasKey && !c.refused && (!c.needsPassphrase || c.unlocked));
}

/** Signs `csrPem` with the CA `caId`, or with a new root CA (browser-held key, not exportable) when `caId` is 'new'. */
export async function quickSign(csr: Pick<BenchItem, 'text' | 'fileName'>, caId: string | 'new'): Promise<QuickSigned> {
  const ca = await loadedCaState();
  let madeCa = false;
  if (caId === 'new') {
    const { record } = await ca.store.createRoot({ subject: DEFAULT_CA_SUBJECT }, { kind: 'browser-key', exportable: false });
    await ca.refresh();
    caId = record.id;
    madeCa = true;
  }
  const sign = new SignState(ca);
  sign.caId = caId;
  sign.takeRequest(csr.text ?? '', csr.fileName);
  await sign.check();
  const failed = sign.checkError || sign.planError;
  if (failed) throw uiError(failed, t('heading'));
  await sign.sign();
  const result = sign.result;
  if (!result || !sign.plan) throw uiError(sign.signError || t('notSigned'), t('heading'));
  const item = bench.items.find((i) => i.der && bytesEqual(i.der, result.der));
  if (!item) throw uiError(t('notOnBench'), t('heading'));
  return { item, caName: sign.card?.summary?.title ?? sign.card?.name ?? caId, profile: sign.plan.profile.name, reason: sign.suggestionText, notAfter: sign.plan.notAfter, madeCa };
}
