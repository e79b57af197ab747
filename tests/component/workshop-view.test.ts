import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import WorkshopView from '../../src/ui/workshop/WorkshopView.svelte';
import { WorkshopState } from '../../src/ui/workshop/workshop-state.svelte.ts';
import { LabProgressStore } from '../../src/store/lab-progress.ts';
import { CaStore } from '../../src/store/ca-store.ts';
import { openDb } from '../../src/store/db.ts';
import { emptyLabState, LABS } from '../../src/workshop/index.ts';

afterEach(() => cleanup());
let n = 0;
const fresh = () => new WorkshopState({ caStore: new CaStore(openDb(`ws-ca-${++n}`)), progress: new LabProgressStore(`ws-progress-${n}`) });

describe('Workshop view', () => {
  it('lists the five labs and shows the chosen lab\u2019s steps with labelled fields', async () => {
    render(WorkshopView, { ws: fresh() });
    const nav = await screen.findByRole('navigation', { name: 'Labs' });
    expect([...nav.querySelectorAll('button')].map((b) => b.dataset.testid)).toEqual(LABS.map((l) => `ws-lab-${l.id}`));
    await screen.findByRole('heading', { level: 2, name: /Registry certificate/ });
    expect(screen.getByLabelText('Subject alternative names, one a line')).toHaveProperty('value', 'DNS:registry.docker-registry\nDNS:registry.docker-registry.svc.cluster.local\nDNS:localhost');
    expect(screen.getByTestId('ws-progress').textContent).toBe('0 of 5 steps done');
  });

  it('a step whose inputs are missing names them and cannot run', async () => {
    render(WorkshopView, { ws: fresh() });
    await screen.findByTestId('ws-step-approve');
    const run = screen.getByTestId('ws-run-approve') as HTMLButtonElement;
    expect(run.disabled).toBe(true);
    expect(document.getElementById(run.getAttribute('aria-describedby')!)!.textContent).toContain('registry.csr');
  });

  it('a step shows what it made only once it has run: renew does not list the certificates step 2 issued', async () => {
    const ws = fresh();
    const pem = '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n';
    const ok = (id: string) => [{ id, ok: true, key: 'check.failed', vars: { reason: '' } }];
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    await ws.progress.save({
      ...emptyLabState('expiry'),
      done: ['ca', 'issue', 'clock'],
      values: { clock: { asOf: '2030-01-01T00:00Z' } },
      artifacts: { 'ca.crt': pem, 'apiserver.crt': pem, 'admin.crt': pem, 'expiry-table.txt': 'table' },
      keys: { apiserver: pair.privateKey, admin: pair.privateKey },
      checks: { ca: ok('a'), issue: ok('b'), clock: ok('c') },
    });
    render(WorkshopView, { ws });
    await fireEvent.click(await screen.findByTestId('ws-lab-expiry'));
    await waitFor(() => expect(screen.getByTestId('ws-progress').textContent).toBe('3 of 5 steps done'));
    const issue = within(screen.getByTestId('ws-step-issue'));
    expect(issue.getByTestId('ws-artifact-apiserver-crt').textContent).toBe(pem);
    // The step that made the keys offers them under the names its commands use.
    expect(issue.getByTestId('ws-key-apiserver').textContent).toBe('Download apiserver.key');
    expect(issue.getByTestId('ws-key-admin').textContent).toBe('Download admin.key');
    const renew = screen.getByTestId('ws-step-renew');
    expect(within(renew).getByTestId('ws-status-renew').textContent).toBe('Not done yet');
    expect(renew.querySelector('[data-testid^="ws-artifact-"]')).toBeNull();
    expect(renew.querySelector('[data-testid^="ws-key-"]')).toBeNull();
    expect(within(renew).queryByText('What this step made')).toBeNull();
    // The lab's last step, the cluster rescue, has not run either.
    expect(within(screen.getByTestId('ws-step-rescue')).getByTestId('ws-status-rescue').textContent).toBe('Not done yet');
  });

  it('shows saved progress for a lab and forgets it on reset', async () => {
    const ws = fresh();
    await ws.progress.save({ ...emptyLabState('hard-way'), done: ['generate'], checks: { generate: [{ id: 'hw-count', ok: true, key: 'check.hw-count', vars: { count: '10' } }] } });
    render(WorkshopView, { ws });
    await fireEvent.click(await screen.findByTestId('ws-lab-hard-way'));
    await waitFor(() => expect(screen.getByTestId('ws-progress').textContent).toBe('1 of 2 steps done'));
    expect(screen.getByTestId('ws-checks-generate').textContent).toContain('10 certificates, with the CA.');
    await fireEvent.click(screen.getByTestId('ws-reset'));
    await waitFor(() => expect(screen.getByTestId('ws-progress').textContent).toBe('0 of 2 steps done'));
    expect(await ws.progress.load('hard-way')).toBeUndefined();
  });
});
