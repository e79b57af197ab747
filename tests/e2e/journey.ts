/**
 * A person's journey through the app, counted. Wraps a playwright Page: every click, every field typed
 * into, every option chosen, every file chosen for an upload and every download saved is one action
 * (typing a whole value into a field is one action, however long the value).
 *
 * It also records every value that went in by hand and says how many were typed twice: the same value
 * typed or pasted into a second field, and anything the app itself handed out earlier (a download, a
 * copy) that came back in by typing, pasting or uploading it. Those are the hand-offs the app should
 * have made itself. A passphrase and its confirmation count too: a journey that needs no second entry
 * picks an option without one.
 *
 * Waiting for the page (headings, results) is not an action: do it on the page directly.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export type ActionKind = 'click' | 'check' | 'select' | 'fill' | 'paste' | 'upload' | 'download' | 'copy';

export interface JourneyAction {
  kind: ActionKind;
  /** The locator as playwright prints it. */
  target: string;
  /** What was typed, pasted, chosen, uploaded (the file's path) or saved (the file's name). */
  value?: string;
}

export interface JourneyReport {
  name: string;
  actions: number;
  valuesTypedTwice: number;
  /** The values counted in valuesTypedTwice, shortened for reading. */
  retyped: string[];
  steps: JourneyAction[];
}

export interface SavedFile {
  /** The name the browser suggested. */
  name: string;
  path: string;
  bytes: Buffer;
  /** The bytes as UTF-8 text (one character a byte when they are not UTF-8, e.g. a zip). */
  text: string;
}

export interface Journey {
  readonly name: string;
  /** A button, link or tab. */
  click(target: Locator): Promise<void>;
  /** A radio button or checkbox. */
  check(target: Locator): Promise<void>;
  uncheck(target: Locator): Promise<void>;
  /** An option of a <select>, by value or label. */
  select(target: Locator, option: string): Promise<void>;
  /** Types a whole value into a field and leaves it (an empty value clears it: an action, but nothing typed). */
  fill(target: Locator, value: string): Promise<void>;
  /** Pastes the clipboard into a field (Ctrl+V); returns what arrived. */
  paste(target: Locator): Promise<string>;
  /** Chooses a file for a file input. */
  upload(target: Locator, path: string): Promise<void>;
  /** Clicks a Download button and saves the file. */
  download(target: Locator): Promise<SavedFile>;
  /** Clicks a Copy button; returns what went to the clipboard. */
  copy(target: Locator): Promise<string>;
  report(): JourneyReport;
  /** Prints `journey NAME: N actions, M values typed twice` (and returns the report). */
  print(): JourneyReport;
}

/** Line ends and surrounding space do not make a value different. */
const normalise = (value: string): string => value.replace(/\r\n?/g, '\n').trim();

/** A file's bytes as text: UTF-8 when they are, else one character a byte (a zip, a DER file). */
function asText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

const short = (value: string): string => {
  const one = value.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
};

interface CopyRecorder {
  __journeyCopied?: string[];
}

/** Records what the page puts on the clipboard, by the async API or by a copy event (execCommand). */
async function recordCopies(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as CopyRecorder;
    if (w.__journeyCopied) return;
    const copied: string[] = (w.__journeyCopied = []);
    const clip = navigator.clipboard;
    if (clip?.writeText) {
      const write = clip.writeText.bind(clip);
      clip.writeText = (text: string) => {
        copied.push(text);
        return write(text);
      };
    }
    document.addEventListener(
      'copy',
      () => {
        const a = document.activeElement;
        if (a instanceof HTMLTextAreaElement || a instanceof HTMLInputElement) copied.push(a.value.slice(a.selectionStart ?? 0, a.selectionEnd ?? 0));
        else copied.push(document.getSelection()?.toString() ?? '');
      },
      true,
    );
  });
}

export function journey(page: Page, name: string, options: { downloadDir?: string } = {}): Journey {
  const steps: JourneyAction[] = [];
  /** Every value that went in by hand, normalised, in order; fromApp when the app had handed it out before. */
  const entered: { value: string; fromApp: boolean; label: string }[] = [];
  /** Everything the app handed out (downloads, copies), normalised. */
  const handedOut = new Set<string>();
  let dir = options.downloadDir;
  let saved = 0;

  const act = (kind: ActionKind, target: Locator, value?: string) => steps.push({ kind, target: String(target), ...(value === undefined ? {} : { value }) });
  const enter = (value: string, label = short(value)) => {
    const v = normalise(value);
    if (v) entered.push({ value: v, fromApp: handedOut.has(v), label });
  };

  const j: Journey = {
    name,
    async click(target) {
      await target.click();
      act('click', target);
    },
    async check(target) {
      await target.check();
      act('check', target);
    },
    async uncheck(target) {
      await target.uncheck();
      act('check', target);
    },
    async select(target, option) {
      const byValue = await target.evaluate((el, o) => [...(el as HTMLSelectElement).options].some((x) => x.value === o), option);
      await target.selectOption(byValue ? { value: option } : { label: option });
      act('select', target, option);
    },
    async fill(target, value) {
      await target.fill(value);
      // Moving on from the field, as a person does: the change event fires.
      await target.blur();
      act('fill', target, value);
      enter(value);
    },
    async paste(target) {
      await target.focus();
      const before = await target.inputValue();
      await page.keyboard.press('ControlOrMeta+V');
      const after = await target.inputValue();
      const pasted = after.startsWith(before) ? after.slice(before.length) : after;
      act('paste', target, short(pasted));
      enter(pasted);
      return pasted;
    },
    async upload(target, path) {
      await target.setInputFiles(path);
      act('upload', target, path);
      enter(asText(readFileSync(path)), `the file ${basename(path)}`);
    },
    async download(target) {
      const [dl] = await Promise.all([page.waitForEvent('download'), target.click()]);
      dir ??= mkdtempSync(join(tmpdir(), `journey-${name}-`));
      const path = join(dir, `${++saved}-${dl.suggestedFilename()}`);
      await dl.saveAs(path);
      const bytes = readFileSync(path);
      const text = asText(bytes);
      act('download', target, dl.suggestedFilename());
      handedOut.add(normalise(text));
      return { name: dl.suggestedFilename(), path, bytes, text };
    },
    async copy(target) {
      await recordCopies(page);
      const count = await page.evaluate(() => (window as unknown as CopyRecorder).__journeyCopied!.length);
      await target.click();
      await page.waitForFunction((n) => (window as unknown as CopyRecorder).__journeyCopied!.length > n, count);
      const text = await page.evaluate(() => (window as unknown as CopyRecorder).__journeyCopied!.at(-1)!);
      act('copy', target);
      handedOut.add(normalise(text));
      return text;
    },
    report() {
      const seen = new Set<string>();
      const twice = new Map<string, string>();
      for (const { value, fromApp, label } of entered) {
        if ((fromApp || seen.has(value)) && !twice.has(value)) twice.set(value, label);
        seen.add(value);
      }
      const retyped = [...twice.values()];
      return { name, actions: steps.length, valuesTypedTwice: twice.size, retyped, steps: [...steps] };
    },
    print() {
      const r = j.report();
      console.log(`journey ${r.name}: ${r.actions} actions, ${r.valuesTypedTwice} values typed twice`);
      return r;
    },
  };
  return j;
}

/**
 * Waits until the issuance plan shows a validity of exactly one day, judged from the plan's own start
 * (backdated 5 minutes, as kubeadm does), not from the test's clock: a date computed from the clock
 * was a day early in the first minutes after midnight UTC (it failed a CI run at 00:03).
 */
export async function untilPlanIsOneDay(plan: Locator): Promise<void> {
  const range = plan.getByText(/^\d{4}-\d\d-\d\dT[\d:]+Z to \d{4}-\d\d-\d\dT[\d:]+Z$/);
  let shown = '';
  for (let tries = 0; tries < 100; tries++) {
    shown = (await range.textContent()) ?? '';
    const [from, to] = shown.split(' to ');
    if (Date.parse(to!) - Date.parse(from!) === 86_400_000) return;
    await plan.page().waitForTimeout(100);
  }
  throw new Error(`the issuance plan never showed one day of validity (last: "${shown}")`);
}
