/**
 * The workshop: five guided labs as data (LABS), and the two things the UI does with a step —
 * run it (action, then check) and ask what it needs. Pure over the core; storage comes in as LabEnv.
 */
import { errorMessage, msg, type LocatedMessage } from '../core/errors.ts';
import { APISERVER_LAB } from './labs/apiserver.ts';
import { EXPIRY_LAB } from './labs/expiry.ts';
import { HARD_WAY_LAB } from './labs/hard-way.ts';
import { REGISTRY_LAB } from './labs/registry.ts';
import { SERVICE_POD_LAB } from './labs/service-pod.ts';
import { valuesOf } from './steps.ts';
import type { ArtifactDef, CheckResult, LabDefinition, LabEnv, LabId, LabState, StepDefinition } from './types.ts';

export * from './types.ts';
export { emptyLabState, keyPemOf, opensslTextOf } from './artifacts.ts';
export { isLabTextKey, itemText, LAB_TEXTS, labText, labVarText } from './texts.ts';
export { LAB_TEXTS_EN } from './labs.en.ts';
export { valuesOf } from './steps.ts';
export { memoryLabEnv } from './memory-env.ts';

export const LABS: readonly LabDefinition[] = [REGISTRY_LAB, SERVICE_POD_LAB, APISERVER_LAB, EXPIRY_LAB, HARD_WAY_LAB];

export function labById(id: string): LabDefinition | undefined {
  return LABS.find((l) => l.id === id);
}

export function isLabId(id: string): id is LabId {
  return LABS.some((l) => l.id === id);
}

/**
 * Whether the step has run on the artifacts as they are now: done, or run and failed its check.
 * Re-running an earlier step forgets the later steps' checks (see finishCheck), so a step made
 * from older artifacts counts as not run.
 */
export function hasRun(step: StepDefinition, state: LabState): boolean {
  return state.done.includes(step.id) || state.checks[step.id] !== undefined;
}

/**
 * What a step shows as made by it: nothing before it has run (the files it names may still hold
 * what an earlier step made, e.g. the certificates a renewal replaces), then those that exist.
 */
export function shownArtifacts(step: StepDefinition, state: LabState): ArtifactDef[] {
  return hasRun(step, state) ? step.shows(state).filter((a) => state.artifacts[a.name] !== undefined) : [];
}

/** The private keys a step offers for download (`<base>.key`), once it has run and the key is kept. */
export function shownKeys(step: StepDefinition, state: LabState): string[] {
  return hasRun(step, state) ? (step.keys ?? []).filter((base) => state.keys[base] !== undefined) : [];
}

/** Artifacts the step needs that are not there yet. */
export function missingFor(step: StepDefinition, state: LabState): string[] {
  return step.needs.filter((n) => state.artifacts[n] === undefined);
}

interface StepOutcome {
  state: LabState;
  checks: CheckResult[];
  passed: boolean;
  /** Why the action failed, when it did (nothing was changed then), to be worded in the reader's language. */
  error?: LocatedMessage;
  /** Files the action offers for download now and does not keep (see StepContext.offered). */
  offered?: Record<string, string>;
}

/**
 * Runs a step on a copy of the state: the action, then its check. The step counts as done when
 * every check passes; steps after it are marked not done, since they were made from older artifacts.
 */
export async function runStep(lab: LabDefinition, stepId: string, state: LabState, env: LabEnv, values: Record<string, string> = {}): Promise<StepOutcome> {
  const step = lab.steps.find((s) => s.id === stepId);
  if (!step) return { state, checks: [], passed: false, error: msg('workshop.noStep', { step: stepId, lab: lab.id }) };
  const missing = missingFor(step, state);
  if (missing.length) return { state, checks: [], passed: false, error: msg('workshop.earlierStepsFirst', { missing: missing.join(', ') }) };
  const next: LabState = {
    ...state,
    values: { ...state.values, [stepId]: { ...valuesOf(step, state), ...values } },
    artifacts: { ...state.artifacts },
    keys: { ...state.keys },
    checks: { ...state.checks },
    done: [...state.done],
  };
  const offered: Record<string, string> = {};
  try {
    await step.run({ env, values: next.values[stepId]!, state: next, offered });
  } catch (e) {
    return { state, checks: [], passed: false, error: errorMessage(e) };
  }
  const outcome = await finishCheck(lab, step, next, env);
  return Object.keys(offered).length ? { ...outcome, offered } : outcome;
}


async function finishCheck(lab: LabDefinition, step: StepDefinition, next: LabState, env: LabEnv): Promise<StepOutcome> {
  let checks: CheckResult[];
  try {
    checks = await step.check(next, env);
  } catch (e) {
    checks = [{ id: 'check-failed', ok: false, key: 'check.failed', vars: { reason: errorMessage(e) } }];
  }
  const passed = checks.length > 0 && checks.every((c) => c.ok);
  const index = lab.steps.indexOf(step);
  const later = new Set(lab.steps.slice(index + 1).map((s) => s.id));
  next.done = next.done.filter((id) => id !== step.id && !later.has(id));
  if (passed) next.done.push(step.id);
  // Later steps judged older artifacts: their checks no longer say anything about this state.
  for (const id of later) delete next.checks[id];
  next.checks[step.id] = checks;
  next.updatedAt = new Date().toISOString();
  return { state: next, checks, passed };
}
