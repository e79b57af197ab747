/**
 * One decoded object on screen: which view is open, its ASN.1 tree (built on first look), the
 * selected and highlighted nodes, and the passphrase flow for an encrypted key or a PKCS#12 file.
 */
import type { Decoder } from '../workers/bridge.ts';
import type { DecodedItem, TreeResult } from '../workers/decode-job.ts';
import { pathTo, findNode } from '../../core/asn1/walk.ts';
import type { Asn1Node } from '../../core/asn1/tree.ts';
import { errorMessage } from '../../core/errors.ts';
import type { Said } from '../shared/said.ts';
import { opensslCommand } from './labels.ts';
import { lineAnchors, type LineAnchors } from '../../core/explain/nodes.ts';
import { textLines, type TextLine } from '../../core/text/lines.ts';

export type CardView = 'text' | 'asn1';

/** Takes the certificates and keys of a PKCS#12 file this card opened, to show them as cards of their own. */
type BagsOpened = (card: CardState, bags: DecodedItem[]) => void;

export class CardState {
  item = $state.raw<DecodedItem>() as DecodedItem;
  readonly index: number;
  view = $state<CardView>('text');
  /** Printing the text of an item sent unprinted (an object of a big input, opened from the overview). */
  textLoading = $state(false);
  tree = $state.raw<TreeResult | undefined>(undefined);
  /** For each text line, the node it shows (the line records' byte ranges, found in the tree once it is built). */
  anchors = $state.raw<LineAnchors | undefined>(undefined);
  treeLoading = $state(false);
  /** Offset (id) of the node chosen by click or keyboard, in the tree or through a text line. */
  selected = $state<number | null>(null);
  /** Offset of the node under the pointer or focus: its bytes are highlighted in the hex dump. */
  highlighted = $state<number | null>(null);
  selectedLine = $state<number | null>(null);
  expanded = $state<Set<number>>(new Set());
  decrypting = $state(false);
  /** Why decrypting did not work: a message key of Inspect's, or the decrypter's own words. */
  decryptError = $state<Said<'passphraseMissing' | 'decryptFailed' | 'p12WrongPassphrase' | 'p12Changed'> | null>(null);

  #decoder: Decoder;
  #onBags: BagsOpened | undefined;

  constructor(item: DecodedItem, index: number, decoder: Decoder, open = true, onBags?: BagsOpened) {
    this.item = item;
    this.index = index;
    this.#decoder = decoder;
    this.#onBags = onBags;
    this.open = open;
  }

  #open = $state(true);

  /** Whether the text / ASN.1 views are rendered (closed by default in big batches: a thousand dumps are a lot of DOM). Opening prints an unprinted item's text. */
  get open(): boolean {
    return this.#open;
  }

  set open(open: boolean) {
    this.#open = open;
    if (open) void this.loadText();
  }

  /** Prints the text of an item the worker sent without it (DecodedItem.unprinted); once. */
  async loadText(): Promise<void> {
    const item = this.item;
    if (!item.unprinted || this.textLoading) return;
    this.textLoading = true;
    try {
      const printed = await this.#decoder.print({ kind: item.kind, der: item.der, origin: item.origin, ...(item.pemLabel ? { pemLabel: item.pemLabel } : {}) });
      // A passphrase may have replaced the item meanwhile: only the item asked about takes the text.
      if (this.item === item) {
        const { unprinted: _, ...rest } = item;
        this.item = { ...rest, ...printed };
      }
    } catch (e) {
      if (this.item === item) this.item = { ...item, unprinted: undefined, textError: errorMessage(e) };
    } finally {
      this.textLoading = false;
    }
  }

  get command(): string {
    return opensslCommand(this.item.kind, this.item.pemLabel !== undefined);
  }

  /** The text dump's lines as the printers' records (the field each shows, its bytes). */
  get lines(): TextLine[] {
    return this.item.lines ?? textLines(this.item.text ?? '');
  }

  get needsPassphrase(): boolean {
    return this.item.kind === 'encrypted-private-key' || (this.isPkcs12 && !this.item.pkcs12);
  }

  get isPkcs12(): boolean {
    return this.item.kind === 'pkcs12';
  }

  get legacyEncrypted(): boolean {
    return this.item.kind === 'legacy-encrypted-key';
  }

  /** The node whose bytes the hex dump shows highlighted: hover/focus wins over selection. */
  get activeNode(): Asn1Node | undefined {
    const root = this.tree?.tree?.root;
    const at = this.highlighted ?? this.selected;
    return root && at !== null ? findNode(root, at) : undefined;
  }

  async show(view: CardView): Promise<void> {
    this.view = view;
    if (view === 'asn1') await this.loadTree();
  }

  async loadTree(): Promise<void> {
    if (this.tree || this.treeLoading) return;
    this.treeLoading = true;
    try {
      this.tree = await this.#decoder.tree(this.item.der);
      const root = this.tree.tree?.root;
      if (root) {
        this.expanded = new Set(initiallyOpen(root));
        this.anchors = lineAnchors(this.lines, root);
      }
    } catch (e) {
      this.tree = { error: errorMessage(e) };
    } finally {
      this.treeLoading = false;
    }
  }

  toggle(offset: number): void {
    const next = new Set(this.expanded);
    if (next.has(offset)) next.delete(offset);
    else next.add(offset);
    this.expanded = next;
  }

  select(offset: number): void {
    this.selected = offset;
  }

  /** Selecting a line of the text dump selects (and reveals) the node it describes. */
  async selectLine(line: number): Promise<void> {
    this.selectedLine = line;
    if (!this.tree) await this.loadTree();
    const offset = this.anchors?.[line];
    if (offset === null || offset === undefined) return;
    this.selected = offset;
    const root = this.tree?.tree?.root;
    if (root) {
      const next = new Set(this.expanded);
      for (const n of pathTo(root, offset).slice(0, -1)) next.add(n.offset);
      this.expanded = next;
    }
  }

  /** The line anchored to the selected node, for highlighting the text dump. */
  isLineOfSelected(line: number): boolean {
    return this.selected !== null && this.anchors?.[line] === this.selected;
  }

  async decrypt(passphrase: string): Promise<void> {
    this.decryptError = null;
    // A PKCS#12 file may have been made with an empty passphrase (openssl -passout pass:).
    if (!passphrase && !this.isPkcs12) {
      this.decryptError = { key: 'passphraseMissing' };
      return;
    }
    this.decrypting = true;
    try {
      const r = await this.#decoder.decrypt(this.item.der, passphrase, { origin: this.item.origin, ...(this.item.originSaid ? { originSaid: $state.snapshot(this.item.originSaid) } : {}) }, this.item.kind);
      if (r.item) {
        this.item = r.item;
        this.tree = this.anchors = undefined;
        this.selected = this.highlighted = this.selectedLine = null;
        if (r.bags) this.#onBags?.(this, r.bags);
      } else if (r.reason) this.decryptError = { key: r.reason === 'wrong-passphrase' ? 'p12WrongPassphrase' : 'p12Changed' };
      else this.decryptError = r.error ? { core: r.error } : { key: 'decryptFailed' };
    } catch (e) {
      this.decryptError = { core: errorMessage(e) };
    } finally {
      this.decrypting = false;
    }
  }
}

/** The first two levels, so the structure shows without a flood of rows. */
function initiallyOpen(root: Asn1Node): number[] {
  return [root.offset, ...root.children.filter((c) => c.children.length).map((c) => c.offset)];
}
