// Inspect's overview table for many objects (issue #15), in jsdom with the main-thread decoder:
// the rows, counts, search, sort, duplicates, CSV bytes (checked against openssl) and that only the
// rows on screen are in the DOM.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, fireEvent, waitFor, within } from '@testing-library/svelte';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import InspectView from '../../src/ui/inspect/InspectView.svelte';
import { createDecoder } from '../../src/ui/workers/bridge.ts';
import { locale } from '../../src/ui/i18n/locale.svelte.ts';
import { flushSync } from 'svelte';
import { pemBeginLines } from '../unit/detect-helpers.ts';

const CERTS = 'tests/fixtures/corpus/certs';
const names = readdirSync(CERTS).filter((f) => f.startsWith('mozroot__') && f.endsWith('.pem')).sort();
// Three copies beyond the first: names[0] twice more, names[1] once more.
const order = [...names, names[0]!, names[1]!, names[0]!];
const TOTAL = order.length;
const pem = (f: string) => readFileSync(join(CERTS, f), 'utf8').trim();
const BUNDLE = order.map(pem).join('\n');

afterAll(() => cleanup());

function openssl(file: string, ...args: string[]): string {
  return execFileSync('openssl', ['x509', '-noout', ...args, '-in', join(CERTS, file)]).toString();
}

let shown: Promise<HTMLElement> | undefined;
/** The bundle decoded once (63 certificates take a while on the main thread); the tests share its table. */
function showBundle(): Promise<HTMLElement> {
  return (shown ??= decodeBundle());
}

async function decodeBundle() {
  render(InspectView, { decoder: createDecoder() });
  await fireEvent.input(screen.getByLabelText(/Paste certificates/), { target: { value: BUNDLE } });
  await fireEvent.click(screen.getByRole('button', { name: 'Decode' }));
  await waitFor(() => expect(screen.getByTestId('inspect-status').textContent).toBe(`${TOTAL} objects found`), { timeout: 60_000 });
  return screen.findByTestId('overview', {}, { timeout: 15_000 });
}

const subjects = (table: HTMLElement) => within(table).queryAllByTestId('overview-row').map((r) => r.getAttribute('data-index'));

describe('Inspect overview table', () => {
  let expiredCount = 0;
  beforeAll(() => {
    expiredCount = order.filter((f) => {
      try {
        execFileSync('openssl', ['x509', '-noout', '-checkend', '0', '-in', join(CERTS, f)]);
        return false;
      } catch {
        return true;
      }
    }).length;
  });

  it('shows a table, not cards, with the counts; only the rows on screen are in the DOM', async () => {
    const table = await showBundle();
    expect(screen.queryAllByTestId('object-card')).toHaveLength(0);
    const counts = within(table).getByTestId('overview-counts').textContent!;
    expect(counts).toMatch(new RegExp(`^${TOTAL} objects, 3 duplicates`));
    if (expiredCount) expect(counts).toContain(`, ${expiredCount} expired`);
    else expect(counts).not.toContain('expired');
    const grid = within(table).getByTestId('overview-grid');
    expect(grid.getAttribute('aria-rowcount')).toBe(String(TOTAL + 1));
    const rows = within(table).getAllByTestId('overview-row');
    // jsdom has no layout: a 480-pixel viewport of 32-pixel rows plus the overscan.
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]!.getAttribute('aria-rowindex')).toBe('2');
    // The duplicated certificate is marked with its count, in every place it occurs.
    const first = rows[0]!;
    expect(within(first).getByTestId('row-copies').textContent).toBe('×3');
  }, 120_000);

  it('searches by CN, by fingerprint (with or without colons) and sorts by notAfter, soonest first', async () => {
    const table = await showBundle();
    const search = within(table).getByTestId('overview-search') as HTMLInputElement;
    expect(search.type).toBe('search');
    const target = names[17]!;
    const cn = /CN\s*=\s*([^,\n]+)/.exec(openssl(target, '-subject', '-nameopt', 'oneline'))?.[1] ?? '';
    await fireEvent.input(search, { target: { value: cn.toUpperCase() } });
    await waitFor(() => expect(subjects(table)).toEqual(['17']));
    const fp = /=(\S+)/.exec(openssl(target, '-fingerprint', '-sha256'))![1]!;
    await fireEvent.input(search, { target: { value: fp.replaceAll(':', '').toLowerCase() } });
    await waitFor(() => expect(subjects(table)).toEqual(['17']));
    await fireEvent.input(search, { target: { value: 'no such certificate anywhere' } });
    await waitFor(() => expect(within(table).queryAllByTestId('overview-row')).toHaveLength(0));
    await fireEvent.input(search, { target: { value: '' } });

    await fireEvent.click(within(table).getByTestId('sort-notAfter'));
    const header = within(table).getByTestId('sort-notAfter').parentElement!;
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    const ends = names.map((f, i) => ({ i, end: Date.parse(/notAfter=(.*)/.exec(openssl(f, '-enddate'))![1]!) }));
    const soonest = ends.reduce((a, b) => (b.end < a.end ? b : a));
    await waitFor(() => expect(subjects(table)[0]).toBe(String(soonest.i)));
    await fireEvent.click(within(table).getByTestId('sort-notAfter'));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    const latest = ends.reduce((a, b) => (b.end > a.end ? b : a));
    await waitFor(() => expect(subjects(table)[0]).toBe(String(latest.i)));
  }, 120_000);

  it('opens a row as its card with the OpenSSL text, and downloads the rows as CSV that agrees with openssl', async () => {
    const table = await showBundle();
    const row = within(table).getAllByTestId('overview-row')[2]!;
    const at = Number(row.getAttribute('data-index'));
    await fireEvent.click(row);
    const card = await within(table).findByTestId('object-card', {}, { timeout: 15_000 });
    const oracle = readFileSync(join(CERTS, order[at]!.replace(/\.pem$/, '.txt')), 'utf8');
    await waitFor(() => expect(within(card).getByTestId('openssl-text').textContent).toBe(oracle), { timeout: 15_000 });

    const blobs: Blob[] = [];
    const original = { create: URL.createObjectURL, click: HTMLAnchorElement.prototype.click };
    URL.createObjectURL = (blob: Blob) => (blobs.push(blob), `blob:test/${blobs.length}`);
    HTMLAnchorElement.prototype.click = () => {};
    try {
      if (within(table).getByTestId('sort-notAfter').parentElement!.getAttribute('aria-sort') !== 'none') await fireEvent.click(within(table).getByTestId('sort-notAfter'));
      await fireEvent.click(within(table).getByTestId('overview-csv'));
    } finally {
      URL.createObjectURL = original.create;
      HTMLAnchorElement.prototype.click = original.click;
    }
    // The CSV holds the rows shown, in the order shown: back to input order first (a third click on the sorted column).
    const csv = new TextDecoder().decode(await blobs[0]!.arrayBuffer());
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Kind,Subject CN,Issuer CN,Not after,Days left,Key,SHA-256,Serial,Origin,Line');
    expect(lines.length).toBe(order.length + 2); // header, rows, and the empty string after the last CRLF
    const begins = pemBeginLines(BUNDLE);
    for (const [i, f] of order.entries()) {
      const fp = /=(\S+)/.exec(openssl(f, '-fingerprint', '-sha256'))![1]!;
      const serial = /serial=(\S+)/.exec(openssl(f, '-serial'))![1]!;
      expect(lines[i + 1]).toContain(`,${fp},${serial},`);
      expect(lines[i + 1]!.startsWith('Certificate,')).toBe(true);
      expect(lines[i + 1]!.endsWith(`,block ${i + 1} (CERTIFICATE),${begins[i]}`)).toBe(true);
    }
    // On screen, the origin says the line too (where to find the block in the file).
    const origins = within(table).getAllByTestId('row-origin').map((c) => c.textContent);
    expect(origins.slice(0, 3)).toEqual([0, 1, 2].map((i) => `block ${i + 1} (CERTIFICATE), line ${begins[i]}`));
  }, 120_000);

  it('words the counts, columns and marks in German, numbers formatted for it', async () => {
    const table = await showBundle();
    try {
      locale.set('de');
      flushSync();
      await waitFor(() => expect(within(table).getByTestId('overview-counts').textContent).toMatch(new RegExp(`^${TOTAL} Objekte, 3 Duplikate`)));
      expect(within(table).getByTestId('sort-notAfter').textContent!.trim()).toBe('Gültig bis');
      expect(within(table).getByTestId('overview-csv').textContent).toBe('CSV herunterladen');
      expect(within(table).getAllByTestId('overview-row')[0]!.querySelector('[role="gridcell"]')!.textContent).toBe('Zertifikat');
      expect(within(table).getAllByTestId('row-origin')[1]!.textContent).toBe(`Block 2 (CERTIFICATE), Zeile ${pemBeginLines(BUNDLE)[1]}`);
    } finally {
      locale.set('en');
      flushSync();
    }
  }, 60_000);
});
