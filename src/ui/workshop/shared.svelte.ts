/** The page's one Workshop state: the open lab, its step fields as typed and the files a step offered, kept across area switches; the typed fields across reloads. */
import { field, remember } from '../shared/form-memory.svelte.ts';
import { pageState } from '../shared/page-state.svelte.ts';
import { WorkshopState, type StepDrafts } from './workshop-state.svelte.ts';

const isTexts = (v: unknown) => !!v && typeof v === 'object' && Object.values(v).every((x) => typeof x === 'string');
const isDrafts = (v: unknown): v is StepDrafts => {
  const d = v as Partial<StepDrafts> | null;
  return !!d && typeof d.basis === 'string' && !!d.steps && typeof d.steps === 'object' && Object.values(d.steps).every(isTexts);
};

export const sharedWorkshopState = pageState(() => {
  const ws = new WorkshopState();
  // The lab itself is remembered by the workshop's own progress store (IndexedDB); its offered key files are never kept.
  remember('workshop', {
    drafts: field(
      () => ws.drafts,
      (d) => {
        ws.drafts = d;
      },
      isDrafts,
    ),
  });
  return ws;
});
