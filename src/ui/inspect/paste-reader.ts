/**
 * How Inspect reads a paste's text without holding the page for the browser's clipboard transfer.
 *
 * Chromium's `clipboardData.getData` is synchronous: the paste event's task waits while the browser
 * process hands the text over (7.8 MB: one 0.4–1.7 s task, ~85 ms of it CPU). There,
 * `navigator.clipboard.readText()` started inside the paste event is granted without a prompt (Chromium
 * grants a read while a paste is executing, whatever the site's clipboard-read setting) and the text
 * arrives in a later task: the wait is off the main thread, only the text's arrival (~85 ms CPU for
 * 7.8 MB, the browser's own work) is left in one task. The size is not known before the text is read,
 * so on that path every paste is read this way and a small one is put in the box as the box's own paste
 * would have (at the caret, undoable).
 *
 * Elsewhere `getData` stays. Firefox ESR 153 reads 7.8 MB with it in one 140–330 ms task; its `readText`
 * in a paste event also needs no prompt (even for another site's text) and held the page 76–350 ms: a
 * small gain, and Firefox has no feature to be told apart by. Chromium is: its clipboard-read
 * permission exists (Firefox's permission query refuses the name); a site set to "block" keeps `getData`
 * too (an older Chromium might refuse). If an asynchronous read ever fails, later pastes use `getData`.
 */

/** Whether the asynchronous read is used: unknown until the permission query answers, off until then. */
let asyncRead = false;

/** Asks once, at start-up, whether this browser has Chromium's clipboard-read permission (see above). */
function learnAsyncRead(): void {
  const permissions = globalThis.navigator?.permissions;
  if (!permissions || typeof globalThis.navigator.clipboard?.readText !== 'function') return;
  try {
    permissions.query({ name: 'clipboard-read' as PermissionName }).then(
      (status) => {
        asyncRead = status.state !== 'denied';
        // The person may block (or allow) it for the site later, in the browser's settings.
        status.addEventListener('change', () => (asyncRead = status.state !== 'denied'));
      },
      () => (asyncRead = false),
    );
  } catch {
    asyncRead = false;
  }
}
learnAsyncRead();

/**
 * The paste's text, read now (`text`: the event's own data, the default action untouched), or later
 * (`later`: the default action was prevented, the text comes in a later task); null when there is no
 * text to read (files, an image): the box's own paste handles it.
 */
type PasteRead = { text: string } | { later: Promise<string> } | null;

export function readPaste(e: ClipboardEvent): PasteRead {
  const data = e.clipboardData;
  if (!data) return null;
  if (asyncRead && onlyText(data)) {
    const later = globalThis.navigator.clipboard.readText();
    e.preventDefault();
    later.catch(() => (asyncRead = false));
    return { later };
  }
  const text = data.getData('text/plain');
  return text ? { text } : null;
}

/** Text to read (a file copied in a file manager, an image: not ours to take from the box's own paste). */
function onlyText(data: DataTransfer): boolean {
  const types = [...data.types];
  return types.includes('text/plain') && !types.includes('Files');
}

/**
 * A paste read later, put into the box as its own paste would have been: at the caret, replacing the
 * selection, on the undo stack, with an input event (the box decodes what is typed).
 */
export function insertAsPasted(box: HTMLTextAreaElement, text: string): void {
  // execCommand is the one way to edit a text field that the undo stack follows (Chromium, Firefox).
  const doc = box.ownerDocument;
  if (doc.activeElement === box && typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text)) return;
  box.setRangeText(text, box.selectionStart, box.selectionEnd, 'end');
  box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: text }));
}

/** For tests: the choice the start-up query made, and setting it. */
export const pasteReaderForTests = {
  get asyncRead(): boolean {
    return asyncRead;
  },
  set asyncRead(on: boolean) {
    asyncRead = on;
  },
};
