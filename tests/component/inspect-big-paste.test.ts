/**
 * A paste over ~1 MB never reaches Inspect's textarea: the text goes to the decoder directly and the box
 * says what was pasted; a smaller paste is left to the textarea as before. Files say what was opened.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, fireEvent, waitFor } from '@testing-library/svelte';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import InspectView from '../../src/ui/inspect/InspectView.svelte';
import { createDecoder } from '../../src/ui/workers/bridge.ts';
import { BIG_TEXT_CHARS } from '../../src/ui/inspect/big-paste.ts';
import { pasteReaderForTests } from '../../src/ui/inspect/paste-reader.ts';
import { bench } from '../../src/ui/bench/bench.svelte.ts';
import { locale } from '../../src/ui/i18n/locale.svelte.ts';

const certDir = 'tests/fixtures/corpus/certs';
const roots = readdirSync(certDir)
  .filter((f) => f.startsWith('mozroot__') && f.endsWith('.pem'))
  .map((f) => readFileSync(join(certDir, f), 'utf8').trim());

/** Mozilla roots, repeated until the text is just over the threshold: every block is one certificate. */
function bigBundle(): { text: string; count: number } {
  const blocks: string[] = [];
  let length = 0;
  while (length <= BIG_TEXT_CHARS) {
    const pem = roots[blocks.length % roots.length]!;
    blocks.push(pem);
    length += pem.length + 1;
  }
  return { text: blocks.join('\n'), count: blocks.length };
}

afterEach(() => {
  cleanup();
  bench.clear();
  locale.set('en');
});

const textarea = () => screen.getByLabelText(/Paste certificates/) as HTMLTextAreaElement;
const status = () => screen.getByTestId('inspect-status').textContent ?? '';

/** A paste event as the browser fires it; returns false when the handler prevented the default (the textarea never got the text). */
function paste(text: string): Promise<boolean> {
  return fireEvent.paste(textarea(), { clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') } });
}

describe('Inspect: a big paste skips the textarea', () => {
  it('decodes a paste over 1 MB without putting it in the textarea and says what was pasted', async () => {
    const { text, count } = bigBundle();
    render(InspectView, { decoder: createDecoder() });
    expect(await paste(text)).toBe(false);
    expect(textarea().value).toBe('');
    await screen.findByTestId('inspect-given'); // decoding starts in a task after the paste event's
    const mb = (Math.round(Buffer.byteLength(text) / 1e5) / 10).toLocaleString('en'); // one decimal at most: 1 MB, 7.3 MB
    expect(screen.getByTestId('inspect-given').textContent).toBe(
      `Pasted ${mb} MB of text (${count.toLocaleString('en')} PEM blocks), decoded without putting it in the box (a text this big would freeze the page) — Clear to start again.`,
    );
    await waitFor(() => expect(status()).toBe(`${count} objects found`), { timeout: 120_000 });
    expect(textarea().value).toBe('');
    expect(textarea().getAttribute('aria-describedby')).toBe('inspect-given');

    // "Decode" with the box empty keeps the big paste (decodes it again) rather than clearing the cards.
    await fireEvent.click(screen.getByRole('button', { name: 'Decode' }));
    await waitFor(() => expect(status()).toBe(`${count} objects found`), { timeout: 120_000 });
    expect(screen.getByTestId('inspect-given')).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.queryByTestId('inspect-given')).toBeNull();
    expect(status()).toBe('');
    expect(screen.queryAllByTestId('object-card')).toHaveLength(0);
  }, 240_000);

  it('leaves a small paste to the textarea, which decodes it as typed text', async () => {
    render(InspectView, { decoder: createDecoder() });
    const pem = roots[0]!;
    expect(await paste(pem)).toBe(true); // not prevented: the browser puts it in the box
    expect(screen.queryByTestId('inspect-given')).toBeNull();
    // jsdom does not carry out the paste: do what the browser does, put the text in and fire input.
    await fireEvent.input(textarea(), { target: { value: pem } });
    await waitFor(() => expect(status()).toBe('1 object found'), { timeout: 20_000 });
    expect(textarea().value).toBe(pem);
    expect(screen.queryByTestId('inspect-given')).toBeNull();
  });

  it('typing after a big paste replaces it', async () => {
    const { text } = bigBundle();
    render(InspectView, { decoder: createDecoder() });
    await paste(text);
    await screen.findByTestId('inspect-given');
    await fireEvent.input(textarea(), { target: { value: roots[1]! } });
    expect(screen.queryByTestId('inspect-given')).toBeNull();
    await waitFor(() => expect(status()).toBe('1 object found'), { timeout: 120_000 });
    expect(textarea().value).toBe(roots[1]);
  }, 240_000);

  it('opened files are never put in the textarea: the box names them and their sizes', async () => {
    render(InspectView, { decoder: createDecoder() });
    await fireEvent.input(textarea(), { target: { value: 'typed before' } });
    const a = new File([roots[0]!], 'a.pem');
    const b = new File([roots[1]! + '\n' + roots[2]!], 'two.pem');
    await fireEvent.change(screen.getByTestId('file-input'), { target: { files: [a, b] } });
    await waitFor(() => expect(status()).toBe('3 objects found'), { timeout: 20_000 });
    expect(textarea().value).toBe('');
    const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
    expect(screen.getByTestId('inspect-given').textContent).toBe(`Opened 2 files: a.pem (${kb(a.size)}), two.pem (${kb(b.size)})`);
  });

  it('dropped files say the same, and dropped text over 1 MB skips the textarea like a paste', async () => {
    render(InspectView, { decoder: createDecoder() });
    const view = screen.getByTestId('inspect-view');
    const file = new File([roots[0]!], 'root.pem');
    await fireEvent.drop(view, { dataTransfer: { files: [file], getData: () => '' } });
    await waitFor(() => expect(status()).toBe('1 object found'), { timeout: 20_000 });
    expect(textarea().value).toBe('');
    expect(screen.getByTestId('inspect-given').textContent).toBe(`Opened 1 file: root.pem (${(file.size / 1000).toFixed(1)} KB)`);

    const { text, count } = bigBundle();
    await fireEvent.drop(view, { dataTransfer: { files: [], getData: (type: string) => (type === 'text/plain' ? text : '') } });
    expect(textarea().value).toBe('');
    expect(screen.getByTestId('inspect-given').textContent).toMatch(new RegExp(`^Dropped \\S+ MB of text \\(${count} PEM blocks\\)`));
    await waitFor(() => expect(status()).toBe(`${count} objects found`), { timeout: 120_000 });
  }, 240_000);

  it('words the line in the current language, numbers included', async () => {
    locale.set('de');
    render(InspectView, { decoder: createDecoder() });
    const file = new File(['x'.repeat(1234)], 'a.pem');
    await fireEvent.change(screen.getByTestId('file-input'), { target: { files: [file] } });
    await waitFor(() => expect(screen.getByTestId('inspect-given').textContent).toBe('1 Datei geöffnet: a.pem (1,2 KB)'));
  });
});

/**
 * Where the browser reads a paste after its event (Chromium: navigator.clipboard.readText, see
 * paste-reader.ts), every paste's default is prevented and the text arrives later: a big one goes to the
 * decoder, a small one into the box at the caret; a failed read says so, and later pastes use getData.
 */
describe('Inspect: a paste read after its event', () => {
  let reads: Array<Promise<string>>;
  let next: () => Promise<string>;

  beforeEach(() => {
    reads = [];
    pasteReaderForTests.asyncRead = true;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { readText: () => (reads.push(next()), reads.at(-1)!) },
    });
  });
  afterEach(() => {
    pasteReaderForTests.asyncRead = false;
    Reflect.deleteProperty(navigator, 'clipboard');
  });

  /** A paste event whose DataTransfer holds text; getData must not be called on this path. */
  function pasteText(): Promise<boolean> {
    return fireEvent.paste(textarea(), {
      clipboardData: {
        types: ['text/plain'],
        getData: () => {
          throw new Error('getData read the paste in its event');
        },
      },
    });
  }

  it('decodes a big paste without putting it in the box', async () => {
    const { text, count } = bigBundle();
    next = () => Promise.resolve(text);
    render(InspectView, { decoder: createDecoder() });
    expect(await pasteText()).toBe(false);
    expect(reads).toHaveLength(1);
    await screen.findByTestId('inspect-given');
    expect(screen.getByTestId('inspect-given').textContent).toMatch(new RegExp(`^Pasted \\S+ MB of text \\(${count.toLocaleString('en')} PEM blocks\\)`));
    await waitFor(() => expect(status()).toBe(`${count} objects found`), { timeout: 120_000 });
    expect(textarea().value).toBe('');
  }, 240_000);

  it('puts a small paste into the box at the caret, replacing the selection, and decodes it', async () => {
    const pem = roots[0]!;
    next = () => Promise.resolve(pem);
    render(InspectView, { decoder: createDecoder() });
    await fireEvent.input(textarea(), { target: { value: 'xx' } });
    textarea().setSelectionRange(0, 2);
    expect(await pasteText()).toBe(false);
    await waitFor(() => expect(textarea().value).toBe(pem));
    await waitFor(() => expect(status()).toBe('1 object found'), { timeout: 20_000 });
    expect(screen.queryByTestId('inspect-given')).toBeNull();
  });

  it('says so when the clipboard could not be read, and reads the next paste in its event', async () => {
    next = () => Promise.reject(new DOMException('Read permission denied.', 'NotAllowedError'));
    render(InspectView, { decoder: createDecoder() });
    expect(await pasteText()).toBe(false);
    await waitFor(() => expect(screen.getByTestId('inspect-error').textContent).toBe('The clipboard could not be read, so nothing was pasted: paste again.'));
    expect(pasteReaderForTests.asyncRead).toBe(false);
    const pem = roots[1]!;
    expect(await paste(pem)).toBe(true); // getData, and the box's own paste
    expect(reads).toHaveLength(1);
  });

  it('leaves a pasted file to the box, reading nothing', async () => {
    next = () => Promise.resolve('unused');
    render(InspectView, { decoder: createDecoder() });
    const pasted = await fireEvent.paste(textarea(), { clipboardData: { types: ['Files', 'text/plain'], getData: () => '' } });
    expect(pasted).toBe(true);
    expect(reads).toHaveLength(0);
  });
});
