/**
 * The work Inspect hands off the main thread: find objects and print their OpenSSL text (the core's
 * decode pipeline, shared with `certbench dump`), summarize them; build an ASN.1 tree on demand;
 * decrypt an encrypted key. Plain async
 * functions over the pure core, run inside the worker or (without Worker) on the main thread.
 * Nothing here throws: every failure becomes a message on the item it concerns.
 */
import { decodeObjects, printObject, type PrintedObject } from '../../core/pipeline/decode.ts';
import { summarize, type Summary } from '../../core/summary.ts';
import { buildAsn1Tree, type Asn1Tree } from '../../core/asn1/tree.ts';
import { textLines, type TextLine } from '../../core/text/lines.ts';
import { decryptPrivateKey } from '../../core/keys/pkcs8-encryption.ts';
import { openPkcs12, type OpenedBag } from '../../core/input/decrypt.ts';
import { errorMessage, innermost, msg, wherePath, type LocatedMessage, type Where } from '../../core/errors.ts';
import { caughtProblem } from '../../core/input/sink.ts';
import { derSha256, overviewRow, type OverviewRow } from '../../core/overview/index.ts';
import type { FoundObject, InputProblem, ObjectKind } from '../../core/types.ts';
import { PRINTED_UP_TO } from './protocol.ts';

/** Where an object came from: its English text, and its parts with words as messages (see FoundObject). */
export type Origin = Pick<FoundObject, 'origin' | 'originSaid'>;

export interface DecodedItem {
  origin: string;
  originSaid?: Where;
  kind: ObjectKind;
  pemLabel?: string;
  der: Uint8Array;
  summary: Summary;
  /** Its row in the overview table (index = position in this decode). */
  row: OverviewRow;
  /**
   * Not printed yet: an input of many objects sends rows and summaries only, and a card's text is
   * printed when it is opened (printItem); 5,000 certificates' texts and line records would be
   * hundreds of megabytes on the page.
   */
  unprinted?: true;
  /** The OpenSSL text dump, when it could be printed. */
  text?: string;
  /** Its lines as the printers' records: the field each shows and its bytes in `der` (what explanations and the ASN.1 view read). */
  lines?: TextLine[];
  /** Why there is no text dump ("this private key is encrypted: …"), as the core said it. */
  textError?: LocatedMessage;
  /** An opened PKCS#12 file: openssl -info's stderr lines and its bags (their objects are cards of their own). */
  pkcs12?: { info: string[]; bags: Array<Omit<OpenedBag, 'object'>> };
}

export interface DecryptResult {
  /** The key, or the PKCS#12 file now showing its text and bag list. */
  item?: DecodedItem;
  /** A PKCS#12 file's certificates and keys, in file order. */
  bags?: DecodedItem[];
  error?: LocatedMessage;
  /** A PKCS#12 failure the page words itself: the passphrase is wrong, or right but the file was changed. */
  reason?: 'wrong-passphrase' | 'changed';
}

/** A problem found decoding; `unreadable` marks a file that could not be read at all (worded by the page). */
export type DecodeProblem = InputProblem & { unreadable?: boolean };

export interface DecodeResult {
  items: DecodedItem[];
  problems: DecodeProblem[];
}

export interface TreeResult {
  tree?: Asn1Tree;
  error?: LocatedMessage;
}

/** Lets the main-thread fallback yield between objects so a big paste does not freeze the page. */
type Yield = () => Promise<void>;

/**
 * An object's card: its summary and text (from the pipeline, which read both from one tree, or here
 * from its DER) and its overview row; an object the pipeline left unprinted is printed when its
 * card is opened (printItem).
 */
async function decodeObject(obj: FoundObject, now = new Date(), printed: PrintedObject = printObject(obj), index = 0): Promise<DecodedItem> {
  const item: DecodedItem = {
    origin: obj.origin,
    ...(obj.originSaid ? { originSaid: obj.originSaid } : {}),
    kind: obj.kind,
    pemLabel: obj.pemLabel,
    der: obj.der,
    summary: { kind: obj.kind, title: obj.kind, notes: [] },
    row: undefined as unknown as OverviewRow, // set below, once the summary is made
  };
  if (printed.unprinted) item.unprinted = true;
  else if (printed.text !== undefined) {
    item.text = printed.text;
    item.lines = printed.lines;
  } else item.textError = errorMessage(printed.textError);
  try {
    item.summary = await (printed.summary ?? summarize(obj, now));
  } catch (e) {
    item.summary.notes.push(errorMessage(e));
  }
  // Certificates have their fingerprint in the summary; every other kind is hashed here, so duplicates are found for all.
  const sha256 = item.summary.fingerprints?.sha256 ?? (await derSha256(obj.der));
  item.row = overviewRow({ kind: obj.kind, origin: obj.origin, ...(obj.line ? { line: obj.line } : {}), summary: item.summary, sha256 }, index, now);
  return item;
}

/** The object of an item sent unprinted, printed now that its card is opened: its text and line records, or why there is none. */
export type Printed = Pick<DecodedItem, 'text' | 'lines' | 'textError'>;

export function printItem(obj: FoundObject): Printed {
  const printed = printObject(obj);
  return printed.text !== undefined ? { text: printed.text, lines: printed.lines } : { textError: errorMessage(printed.textError) };
}

/**
 * Items are handed back at most this often while decoding (the first as soon as they are ready): by
 * time, not by count, so that receiving one batch stays a small task on the page however slow the
 * machine, and a thousand-certificate paste shows its first rows while the rest decode.
 */
const HAND_BACK_EVERY_MS = 50;
/**
 * Objects taken from detection at once (or fewer, once SLICE_MS have passed); their summaries'
 * digests (WebCrypto, another thread) are then awaited together rather than one after another.
 */
const SLICE = 32;
const SLICE_MS = 20;

/**
 * Finds and decodes every object in the input (a file is read here: in the worker, reading 7 MB is
 * no task of the page's). With `onItems`, the items are handed over in batches as they are ready
 * (the result's `items` is then empty): a thousand-certificate paste shows its first rows at once,
 * and no single message is big enough to block the main thread.
 */
export async function decodeInput(
  given: string | Uint8Array | Blob,
  sourceName?: string,
  pause?: Yield,
  onItems?: (items: DecodedItem[]) => void,
): Promise<DecodeResult> {
  let input: string | Uint8Array;
  try {
    input = given instanceof Blob ? new Uint8Array(await given.arrayBuffer()) : given;
  } catch (e) {
    return { items: [], problems: [{ ...caughtProblem(sourceName ?? 'input', e), unreadable: true }] };
  }
  const now = new Date();
  const items: DecodedItem[] = [];
  let count = 0;
  let handedAt: number | undefined;
  const handOver = () => {
    onItems?.(items.splice(0));
    handedAt = performance.now();
  };
  // Each object decoded once, as detection finds it: its summary and (for a handful of objects) its
  // text read from that tree; many objects are not printed (the table needs summaries only).
  const steps = decodeObjects(input, sourceName, { now, printUpTo: PRINTED_UP_TO });
  try {
    let next = steps.next();
    while (!next.done) {
      const slice: Promise<DecodedItem>[] = [];
      const sliceStart = performance.now();
      do {
        slice.push(decodeObject(next.value.obj, now, next.value, count++));
        next = steps.next();
      } while (!next.done && slice.length < SLICE && performance.now() - sliceStart < SLICE_MS);
      items.push(...(await Promise.all(slice)));
      // The first batch holds more than PRINTED_UP_TO objects (or all): the page then shows the table at once, not cards first.
      const due = next.done || (handedAt === undefined ? count > PRINTED_UP_TO : performance.now() - handedAt >= HAND_BACK_EVERY_MS);
      if (onItems && due) handOver();
      if (pause && !next.done) await pause();
    }
    return { items, problems: next.value };
  } catch (e) {
    if (onItems) handOver();
    return { items, problems: [caughtProblem(sourceName ?? 'input', e)] };
  }
}

/**
 * The ASN.1 view of one object, decoded again (src/core/der's parseDer, as the pipeline) when it is
 * opened rather than kept from the pipeline: measured on 5,000 corpus certificates (5.6 MB of DER),
 * their DerNode trees take 148 MB of heap, against 0.5 ms to decode one tree when a view is opened.
 */
export function treeFor(der: Uint8Array): TreeResult {
  try {
    return { tree: buildAsn1Tree(der) };
  } catch (e) {
    return { error: errorMessage(e) };
  }
}

/**
 * Decrypts an EncryptedPrivateKeyInfo and decodes the key inside, or opens a PKCS#12 file and decodes
 * its certificates and keys; the passphrase is not kept.
 */
export async function decryptItem(der: Uint8Array, passphrase: string, from: Origin, kind: ObjectKind = 'encrypted-private-key'): Promise<DecryptResult> {
  if (kind === 'pkcs12') return openPkcs12Item(der, passphrase, from);
  try {
    const plain = await decryptPrivateKey(der, passphrase);
    const decrypted = msg('place.decrypted');
    const origin = { origin: `${from.origin} › decrypted`, originSaid: [...(from.originSaid ? wherePath(from.originSaid) : [from.origin]), decrypted] };
    return { item: await decodeObject({ kind: 'private-key', der: plain, ...origin, pemLabel: 'PRIVATE KEY' }) };
  } catch (e) {
    return { error: errorMessage(e) };
  }
}

async function openPkcs12Item(der: Uint8Array, passphrase: string, from: Origin): Promise<DecryptResult> {
  try {
    const opened = await openPkcs12({ kind: 'pkcs12', der, ...from }, passphrase);
    const file = await decodeObject({ kind: 'pkcs12', der, ...from });
    const item: DecodedItem = {
      ...file,
      text: opened.text,
      // openssl pkcs12 -info's text is printed whole (core/pkcs12/print.ts): its lines name no field.
      lines: textLines(opened.text),
      textError: undefined,
      summary: { ...file.summary, encrypted: false },
      pkcs12: { info: opened.info, bags: opened.bags.map(({ object: _, ...bag }) => bag) },
    };
    const now = new Date();
    const bags: DecodedItem[] = [];
    for (const bag of opened.bags) if (bag.object) bags.push(await decodeObject(bag.object, now));
    return { item, bags };
  } catch (e) {
    const error = errorMessage(e);
    // readPkcs12's two MAC failures, which the page words itself.
    const id = innermost(error).id;
    const reason = id === 'pkcs12.wrongPassphrase' ? 'wrong-passphrase' : id === 'pkcs12.macFailed' ? 'changed' : undefined;
    return { error, ...(reason ? { reason } : {}) };
  }
}
