/**
 * Inspect's state: what was pasted or dropped, the cards decoded from it, the problems found.
 * Decoding runs through a Decoder (worker or fallback); results of an older run are dropped
 * when a newer one has started.
 */
import type { Decoder } from '../workers/bridge.ts';
import type { DecodedItem, DecodeProblem } from '../workers/decode-job.ts';
import { errorMessage, type LocatedMessage } from '../../core/errors.ts';
import { CardState, type CardView } from './card-state.svelte.ts';
import { keyMatches, type KeyMatch } from './key-pairs.ts';
import { bench } from '../bench/bench.svelte.ts';
import { benchEntriesForInput } from '../bench/from-object.ts';
import { translator } from '../i18n/t.svelte.ts';
import * as benchMessages from '../i18n/messages/bench.ts';
import { givenFiles, givenText, isBigText, type Given } from './big-paste.ts';

const tb = translator(benchMessages);

/** A problem to list; `unreadable` marks a file the browser could not read (worded by the view). */
export type ShownProblem = DecodeProblem;

/** What the last decode found, for the status line ("3 objects found, 1 problem"). */
export interface Found {
  objects: number;
  problems: number;
}

export const ACCEPTED_FILES = '.crt,.cer,.der,.pem,.csr,.key,.crl,.p7b,.p7c,.p12,.pfx,.yaml,.yml,.json,.txt';

/** Cards appear in batches, one per frame, so a thousand-object paste never blocks the page for long. */
const CARDS_PER_FRAME = 4;
/** Cards are rendered a page at a time; "Show more" adds the next page (a thousand cards are a lot of DOM). */
export const CARDS_PER_PAGE = 100;
/** Up to this many objects, every card opens with its OpenSSL text; beyond, cards show the summary until opened. */
const OPEN_UP_TO = 5;
const DEBOUNCE_MS = 300;
/**
 * While a big input streams in, its cards (and the overview table derived from them: duplicates,
 * counts, the sort) are updated at most this often; the status line says "found" only once every
 * card is in, so what it announces and the counts beside it are final.
 */
const UPDATE_EVERY_MS = 250;

export class InspectState {
  input = $state('');
  cards = $state.raw<CardState[]>([]);
  /** Keys and certificates of this input that belong together (by card index); a key that fits none is marked. */
  readonly keyMatches: Map<number, KeyMatch> = $derived.by(() => {
    const byPosition = keyMatches(this.cards.map((c) => c.item));
    return new Map([...byPosition].map(([i, m]) => [this.cards[i]!.index, m]));
  });
  problems = $state.raw<ShownProblem[]>([]);
  /** Parts left out on purpose (curve parameters before a key): listed, not counted as problems. */
  skipped = $state.raw<ShownProblem[]>([]);
  busy = $state(false);
  /** How many cards are rendered so far (grows frame by frame, up to `limit`). */
  shown = $state(0);
  /** How many cards the user asked to see (a page at a time). */
  limit = $state(CARDS_PER_PAGE);
  /**
   * Something went wrong outside any one object (the worker died, a file could not be read);
   * `decoding` when it happened while decoding (worded "Decoding failed: …").
   */
  /** What went wrong, as the core said it (worded in the current language by the view). */
  error = $state<{ said: LocatedMessage; decoding?: boolean } | null>(null);
  /** Announced to screen readers as "3 objects found"; null before the first decode and after Clear. */
  found = $state<Found | null>(null);
  /** What the box holds other than typed text (a big paste, files), for its "what was given" line; see big-paste.ts. */
  given = $state.raw<Given | null>(null);
  /** A big pasted or dropped text: decoded from here, never put in the textarea. */
  #bigText = '';

  #decoder: Decoder;
  #run = 0;
  /** The next card's index: unique within a decode, also for the cards a PKCS#12 file adds once opened. */
  #nextIndex = 0;
  /** The views to open once the next decode is done: a reload puts back the ASN.1 views that were open. */
  #viewsToRestore: readonly CardView[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(decoder: Decoder) {
    this.#decoder = decoder;
  }

  /** Which view each card shows, in order (what form memory keeps). */
  get views(): CardView[] {
    return this.cards.map((c) => c.view);
  }

  /** Opens these views on the cards of the decode under way (or the next one). */
  restoreViews(views: readonly CardView[]): void {
    this.#viewsToRestore = views;
  }

  /** Typing or pasting: decode after a short pause. Text in the box replaces whatever was given before. */
  scheduleDecode(): void {
    clearTimeout(this.#timer);
    if (this.input) this.#forgetGiven();
    this.#timer = setTimeout(() => void this.decodeText(), DEBOUNCE_MS);
  }

  /**
   * Pasted or dropped text: a big one goes to the decoder without passing through the textarea (the box
   * says what was given instead); a smaller one is put in the box and decoded as if typed.
   */
  async takeText(text: string, how: 'pasted' | 'dropped'): Promise<void> {
    clearTimeout(this.#timer);
    if (!isBigText(text)) {
      this.input = text;
      return this.decodeText();
    }
    this.input = '';
    this.#bigText = text;
    this.given = givenText(text, how);
    await this.#decode([{ input: text }]);
  }

  async decodeText(): Promise<void> {
    clearTimeout(this.#timer);
    const text = this.input;
    // An empty box while a big paste or files are shown: "Decode" keeps them (the big text is decoded again).
    if (!text && this.#bigText) return this.#decode([{ input: this.#bigText }]);
    if (!text && this.given) return;
    if (text) this.#forgetGiven();
    if (!text.trim()) {
      this.#start();
      this.busy = false;
      this.found = null;
      return;
    }
    await this.#decode([{ input: text }]);
  }

  /**
   * Files are never shown in the box: it says which files were given instead. Each is read where it
   * is decoded (the worker: reading 7 MB on the page is a long task of its own).
   */
  async decodeFiles(files: Iterable<File>): Promise<void> {
    clearTimeout(this.#timer);
    const list = [...files];
    this.input = '';
    this.#bigText = '';
    this.given = givenFiles(list);
    await this.#decode(list.map((file) => ({ input: file, sourceName: file.name })));
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.input = '';
    this.#forgetGiven();
    this.#start();
    this.busy = false;
    this.found = null;
  }

  #forgetGiven(): void {
    this.given = null;
    this.#bigText = '';
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#run++;
  }

  #start(): number {
    this.cards = [];
    this.problems = [];
    this.skipped = [];
    this.shown = 0;
    this.limit = CARDS_PER_PAGE;
    this.#revealing = false;
    this.error = null;
    this.#nextIndex = 0;
    return ++this.#run;
  }

  /** A PKCS#12 file was opened: its certificates and keys follow its card, and go on the bench like any opened object. */
  #bagsOpened = (card: CardState, bags: DecodedItem[]): void => {
    const at = this.cards.indexOf(card);
    if (at === -1 || !bags.length) return;
    const added = bags.map((item) => new CardState(item, this.#nextIndex++, this.#decoder, false, this.#bagsOpened));
    this.cards = [...this.cards.slice(0, at + 1), ...added, ...this.cards.slice(at + 1)];
    if (this.cards.length <= OPEN_UP_TO) for (const c of added) c.open = true;
    if (this.found) this.found = { ...this.found, objects: this.cards.length };
    this.#reveal(this.#run);
    for (const entry of benchEntriesForInput(added.map((c) => c.item), card.item.origin, undefined)) bench.add(entry);
  };

  async #decode(sources: Array<{ input: string | Blob; sourceName?: string }>): Promise<void> {
    const run = this.#start();
    this.busy = true;
    this.found = null;
    const found: ShownProblem[] = [];
    // Cards arrive in batches; the first ones show while the rest are still being decoded, in their
    // own task (not the one receiving the worker's message), then every UPDATE_EVERY_MS at most.
    let arrived: DecodedItem[] = [];
    let updatedAt = -Infinity;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      clearTimeout(timer);
      timer = undefined;
      if (run !== this.#run || !arrived.length) return;
      const items = arrived;
      arrived = [];
      updatedAt = performance.now();
      this.cards = [...this.cards, ...items.map((item) => new CardState(item, this.#nextIndex++, this.#decoder, false, this.#bagsOpened))];
      this.#reveal(run);
    };
    const onItems = (items: DecodedItem[]) => {
      if (run !== this.#run) return;
      arrived.push(...items);
      timer ??= setTimeout(update, Math.max(0, updatedAt + UPDATE_EVERY_MS - performance.now()));
    };
    // The input goes to the worker in a task of its own: posting 7 MB of text is work, and so is
    // showing what was given and "Decoding…", which the page does first.
    await new Promise((resolve) => setTimeout(resolve));
    if (run !== this.#run) return;
    try {
      for (const s of sources) {
        const r = await this.#decoder.decode(s.input, s.sourceName, onItems);
        if (run !== this.#run) return;
        arrived.push(...r.items);
        found.push(...r.problems);
      }
    } catch (e) {
      if (run === this.#run) this.error = { said: errorMessage(e), decoding: true };
    }
    update();
    if (run !== this.#run) return;
    this.problems = found.filter((p) => !p.skipped);
    this.skipped = found.filter((p) => p.skipped);
    // A handful of objects open with their OpenSSL text; a big batch shows summaries until opened.
    if (this.cards.length <= OPEN_UP_TO) for (const c of this.cards) c.open = true;
    const views = this.#viewsToRestore;
    this.#viewsToRestore = [];
    this.cards.forEach((c, i) => views[i] && views[i] !== c.view && void c.show(views[i]));
    this.busy = false;
    this.found = { objects: this.cards.length, problems: this.problems.length };
    this.#putOnBench(sources);
  }

  /** What was opened goes on the bench, ready for its next step (a big paste as one bundle). */
  #putOnBench(sources: ReadonlyArray<{ input: string | Blob; sourceName?: string }>): void {
    const only = sources.length === 1 ? sources[0] : undefined;
    const text = typeof only?.input === 'string' ? only.input : undefined;
    const title = sources.map((s) => s.sourceName ?? tb('pasted')).join(', ');
    for (const entry of benchEntriesForInput(this.cards.map((c) => c.item), title, text)) bench.add(entry);
  }

  /** Renders the next page of cards. */
  showMore(): void {
    this.limit += CARDS_PER_PAGE;
    this.#reveal(this.#run);
  }

  #revealing = false;

  #reveal(run: number): void {
    if (this.#revealing) return; // the running loop picks up the new cards
    this.#revealing = true;
    const step = () => {
      this.#revealing = false;
      if (run !== this.#run) return;
      const target = Math.min(this.cards.length, this.limit);
      this.shown = Math.min(target, this.shown + CARDS_PER_FRAME);
      if (this.shown < target) {
        this.#revealing = true;
        schedule(step);
      }
    };
    step();
  }
}

function schedule(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => fn());
  else setTimeout(fn, 0);
}
